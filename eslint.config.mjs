// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NEVER_LOG_CREDENTIALS = {
  selector: 'CallExpression[callee.object.name="console"][callee.property.name=/^(log|info)$/] Literal[value=/token|secret/i]',
  message: 'Never log credentials.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.test-artifacts/**', '.vscode-test/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly', URL: 'readonly', __dirname: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', NEVER_LOG_CREDENTIALS],
    },
  },
  {
    // Plain CommonJS shims loaded by node (the bench's vscode stand-in, a build alias).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', globalThis: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The core runs in the CLI and plain mocha: it must never import vscode.
    files: ['src/core/**/*.ts', 'src/cli/**/*.ts', 'src/sandbox/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/core, src/cli and src/sandbox run without VS Code.' }] }] },
  },
  {
    // API text reaches people through two doors only: notifications that cannot carry a link, and http(s)-only links.
    files: ['src/extension/**/*.ts'],
    ignores: ['src/extension/common/notifications.ts', 'src/extension/common/links.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        NEVER_LOG_CREDENTIALS,
        {
          selector: 'MemberExpression[property.name=/^show(Error|Warning|Information)Message$/]',
          message: 'Use showError/showWarning/showInfo/askModal from common/notifications: they keep API text from becoming a link.',
        },
        { selector: 'MemberExpression[property.name="openExternal"]', message: 'Use openExternalLink from common/links: it opens http(s) links only.' },
      ],
    },
  },
  // Each test tier stands on its own, and so do the benches: what two of them use lives in test/lib,
  // which imports none of them.
  ...[
    ['unit', ['integration', 'e2e', 'bench']],
    ['integration', ['unit', 'e2e', 'bench']],
    ['e2e', ['unit', 'integration', 'bench']],
    ['bench', ['unit', 'integration', 'e2e']],
    ['lib', ['unit', 'integration', 'e2e', 'bench']],
  ].map(([folder, others]) => ({
    files: [`test/${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: `^(\\.\\./)+(${others.join('|')})/`, message: `test/${folder} does not reach into test/${others.join(', test/')}: move what both use to test/lib.` }] }],
    },
  })),
  {
    // A module named *.pure.ts runs without VS Code (unit tests, the webview): it imports neither vscode nor
    // a module of src/extension that is not pure itself (src/core and the webview protocol are).
    files: ['src/extension/**/*.pure.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'A *.pure.ts module runs without VS Code.' }],
          patterns: [{ regex: '^\\.{1,2}/(?!(\\.\\./)*(core|webview)/)(?!.*\\.pure$)', message: 'A *.pure.ts module imports only other *.pure modules of src/extension (and src/core).' }],
        },
      ],
    },
  },
);
