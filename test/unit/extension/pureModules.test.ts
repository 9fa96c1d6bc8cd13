/**
 * Pure modules of src/extension are named so: a module that runs without VS Code (it
 * imports `vscode` neither itself nor through another module of src/extension) is a
 * `*.pure.ts`, and a `*.pure.ts` is one. The lint rule keeps imports of `vscode` out of
 * `*.pure.ts`; this finds the pure modules that are not named so.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..');
const EXTENSION = path.join(ROOT, 'src', 'extension');

/** Not renamed yet: H2's patent-number work (issue #12) changes it; it follows when that lands. */
const PENDING = new Set(['patent/patentNumberInput.ts']);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** Runtime imports (not `import type`, not `export type`) of a module. */
function runtimeImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)) specifiers.push(m[1] as string);
  for (const m of text.matchAll(/^import\s+'([^']+)'/gm)) specifiers.push(m[1] as string);
  for (const m of text.matchAll(/import\('([^']+)'\)/g)) specifiers.push(m[1] as string);
  return specifiers;
}

function resolve(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
}

/** Only types: nothing of it exists at run time. */
function typesOnly(file: string): boolean {
  const text = fs.readFileSync(file, 'utf8');
  return runtimeImports(file).length === 0 && !/^export\s+(?!type\b|interface\b)/m.test(text);
}

describe('pure modules of the VS Code layer', () => {
  const files = sources(EXTENSION);
  const usesVscode = new Map<string, boolean>();
  const touchesVscode = (file: string, seen = new Set<string>()): boolean => {
    const known = usesVscode.get(file);
    if (known !== undefined) return known;
    if (seen.has(file)) return false;
    seen.add(file);
    const result = runtimeImports(file).some((s) => {
      if (s === 'vscode') return true;
      const target = resolve(file, s);
      return target !== undefined && target.startsWith(EXTENSION) && touchesVscode(target, seen);
    });
    usesVscode.set(file, result);
    return result;
  };

  it('names every module that runs without VS Code *.pure.ts', () => {
    const unnamed = files
      .filter((f) => !f.endsWith('.pure.ts') && !typesOnly(f) && !touchesVscode(f))
      .map((f) => path.relative(EXTENSION, f))
      .filter((f) => !PENDING.has(f));
    assert.deepEqual(unnamed, []);
  });

  it('names nothing pure that needs VS Code', () => {
    const misnamed = files.filter((f) => f.endsWith('.pure.ts') && touchesVscode(f)).map((f) => path.relative(EXTENSION, f));
    assert.deepEqual(misnamed, []);
  });

  it('finds the modules it looks at', () => {
    assert.ok(files.length > 40, `${files.length} modules`);
    assert.ok(touchesVscode(path.join(EXTENSION, 'extension.ts')));
    assert.ok(!touchesVscode(path.join(EXTENSION, 'common', 'errorMessages.pure.ts')));
  });
});
