/**
 * A code-server of its own in a VS Code display language (`zh-cn`, `ja`), with the packaged
 * extension, the fixture workspace and, when asked, the runner's sandbox as its backend; and
 * the extension's own words in that language, looked up by their English (package.nls.*.json
 * for what package.json contributes, l10n/bundle.l10n.*.json for what the code says), so
 * that a spec finds the UI by what a user of that language reads.
 *
 * VS Code takes a display language only from an installed language pack, and code-server
 * does not write the language pack index (languagepacks.json) when a pack is installed from
 * the command line (coder/code-server#3372): an empty pack is made for the language (it
 * translates nothing of VS Code itself, whose own chrome stays English) and the index is
 * written here.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { e2eEnvironment } from '../lib/e2eEnvironment';
import { VsCode } from '../lib/pages';

const ROOT = path.join(__dirname, '..', '..');

export type DisplayLanguage = 'zh-cn' | 'ja';

const LANGUAGE_NAMES: Record<DisplayLanguage, { english: string; own: string }> = {
  'zh-cn': { english: 'Chinese Simplified', own: '中文(简体)' },
  ja: { english: 'Japanese', own: '日本語' },
};

interface Harness {
  createCodeServerProfile(entry: string, options?: object): { userData: string; extensions: string; config: string };
  ensureCodeServer(): string;
  installExtension(profile: object, vsix: string): Promise<void>;
  makeTempDir(prefix: string): string;
  startCodeServer(profile: object, options?: object): Promise<{ url: string; stop(): Promise<void> }>;
  workbenchUrl(server: object, folder: string): string;
}

export interface LanguageWindow {
  vscode: VsCode;
  /** The copy of the fixture workspace this window opened. */
  workspace: string;
  stop(): Promise<void>;
}

/** An empty language pack for `language`, packaged into `work`; resolves its id and VSIX. */
function languagePack(language: DisplayLanguage, work: string): { id: string; vsix: string } {
  const name = `test-language-pack-${language}`;
  const folder = path.join(work, name);
  fs.mkdirSync(path.join(folder, 'translations'), { recursive: true });
  const names = LANGUAGE_NAMES[language];
  const manifest = {
    name,
    displayName: `Test language pack (${language})`,
    description: `Makes ${language} a display language of the test code-server; it translates nothing of VS Code itself.`,
    version: '1.0.0',
    publisher: 'patent-lookup-tests',
    license: 'MIT',
    engines: { vscode: '^1.100.0' },
    categories: ['Language Packs'],
    contributes: {
      localizations: [{ languageId: language, languageName: names.english, localizedLanguageName: names.own, translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] }],
    },
  };
  fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(path.join(folder, 'translations', 'main.i18n.json'), JSON.stringify({ version: '1.0.0', contents: {} }));
  fs.writeFileSync(path.join(folder, 'README.md'), `${manifest.description}\n`);
  const vsix = path.join(work, `${name}.vsix`);
  execFileSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix], { cwd: folder, stdio: 'ignore' });
  return { id: `patent-lookup-tests.${name}`, vsix };
}

/**
 * Starts code-server with `locale: language` and opens the fixture workspace in a new page.
 * With `sandbox`, the runner's sandbox is the window's backend (as in the runner's own window).
 */
export async function openInLanguage(language: DisplayLanguage, { sandbox = false }: { sandbox?: boolean } = {}): Promise<LanguageWindow> {
  const env = e2eEnvironment();
  if (sandbox && !env.sandboxUrl) throw new Error('The sandbox is not running (dist/sandbox.js not built?): this spec needs it.');
  const harness = (await import(path.join(ROOT, 'scripts', 'lib', 'harness.mjs'))) as Harness;
  const work = harness.makeTempDir(`e2e-${language}`);
  const pack = languagePack(language, work);
  // The walkthrough would open by itself a moment after the extension is installed, taking the
  // focus from whatever the spec has open then: specs open it when they want it.
  const settings = { 'workbench.welcomePage.walkthroughs.openOnInstall': false, ...(sandbox ? { 'patentLookup.apiBaseUrl': env.sandboxUrl } : {}) };
  const profile = harness.createCodeServerProfile(harness.ensureCodeServer(), { settings });
  await harness.installExtension(profile, pack.vsix);
  await harness.installExtension(profile, path.join(ROOT, 'dist', 'patent-lookup.vsix'));
  const translations = path.join(profile.extensions, `${pack.id}-1.0.0`, 'translations', 'main.i18n.json');
  fs.writeFileSync(
    path.join(profile.userData, 'languagepacks.json'),
    JSON.stringify({ [language]: { hash: `patent-lookup-test-${language}`, extensions: [{ extensionIdentifier: { id: pack.id }, version: '1.0.0' }], translations: { vscode: translations }, label: LANGUAGE_NAMES[language].own } }),
  );
  fs.appendFileSync(profile.config, `locale: ${language}\n`);
  const workspace = path.join(work, 'workspace');
  fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  const server = await harness.startCodeServer(profile, {
    env: sandbox ? { PATENT_LOOKUP_SANDBOX_URL: env.sandboxUrl } : {},
    logFile: path.join(env.artifacts, `code-server-${language}.log`),
  });
  const page = await env.context.newPage();
  env.pages.add(page);
  await page.goto(harness.workbenchUrl(server, workspace));
  const vscode = new VsCode(page);
  await vscode.workbench.waitReady();
  return {
    vscode,
    workspace,
    stop: async () => {
      await vscode.close();
      await server.stop();
    },
  };
}

/** The extension's words in one display language, by their English. */
export class Words {
  private readonly nls: Record<string, string>;
  private readonly englishNls: Record<string, string>;
  private readonly bundle: Record<string, string>;

  constructor(readonly language: DisplayLanguage) {
    const read = (file: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, string>;
    this.nls = read(`package.nls.${language}.json`);
    this.englishNls = read('package.nls.json');
    this.bundle = read(path.join('l10n', `bundle.l10n.${language}.json`));
  }

  /** A contribution's text (package.nls key), e.g. `view.results.name`. */
  contributed(key: string): string {
    const text = this.nls[key] ?? this.englishNls[key];
    if (text === undefined) throw new Error(`package.nls.json has no key ${key}`);
    return text;
  }

  /** A command's title as the palette shows it: "category: title". */
  command(id: string): string {
    return `${this.contributed('command.category')}: ${this.contributed(`command.${id}.title`)}`;
  }

  /** What vscode.l10n.t(english, ...args) says in this language. */
  t(english: string, ...args: Array<string | number>): string {
    const text = this.bundle[english];
    if (text === undefined) throw new Error(`l10n/bundle.l10n.${this.language}.json has no "${english}"`);
    return text.replace(/\{(\d+)\}/g, (whole, i: string) => String(args[Number(i)] ?? whole));
  }
}
