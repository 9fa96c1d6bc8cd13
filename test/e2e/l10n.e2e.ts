/**
 * The extension in VS Code's display language: a code-server of its own started with
 * `locale: zh-cn` shows the commands (package.nls.zh-cn.json) and what the extension
 * says at run time (l10n/bundle.l10n.zh-cn.json) in Simplified Chinese.
 *
 * VS Code takes a display language only from an installed language pack, and code-server
 * does not write the language pack index (languagepacks.json) when a pack is installed
 * from the command line (coder/code-server#3372): the spec installs an empty test pack
 * (test/e2e/fixtures/language-pack-zh-cn) and writes that index itself.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { e2eEnvironment } from './environment';
import { VsCode } from './pages';

const ROOT = path.join(__dirname, '..', '..');
const PACK = path.join(ROOT, 'test', 'e2e', 'fixtures', 'language-pack-zh-cn');
const PACK_ID = 'patent-lookup-tests.test-language-pack-zh-cn';

interface Harness {
  createCodeServerProfile(entry: string, options?: object): { userData: string; extensions: string; config: string };
  ensureCodeServer(): string;
  installExtension(profile: object, vsix: string): Promise<void>;
  makeTempDir(prefix: string): string;
  startCodeServer(profile: object, options?: object): Promise<{ url: string; stop(): Promise<void> }>;
  workbenchUrl(server: object, folder: string): string;
}

describe('Display language: Simplified Chinese', function () {
  let vscode: VsCode | undefined;
  let stop: (() => Promise<void>) | undefined;

  before(async () => {
    const harness = (await import(path.join(ROOT, 'scripts', 'lib', 'harness.mjs'))) as Harness;
    const work = harness.makeTempDir('e2e-zh');
    const packVsix = path.join(work, 'language-pack-zh-cn.vsix');
    execFileSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', packVsix], { cwd: PACK, stdio: 'ignore' });
    const profile = harness.createCodeServerProfile(harness.ensureCodeServer());
    await harness.installExtension(profile, packVsix);
    await harness.installExtension(profile, path.join(ROOT, 'dist', 'patent-lookup.vsix'));
    const translations = path.join(profile.extensions, `${PACK_ID}-1.0.0`, 'translations', 'main.i18n.json');
    fs.writeFileSync(
      path.join(profile.userData, 'languagepacks.json'),
      JSON.stringify({ 'zh-cn': { hash: 'patent-lookup-test-1', extensions: [{ extensionIdentifier: { id: PACK_ID }, version: '1.0.0' }], translations: { vscode: translations }, label: '中文(简体)' } }),
    );
    fs.appendFileSync(profile.config, 'locale: zh-cn\n');
    const workspace = path.join(work, 'workspace');
    fs.cpSync(path.join(ROOT, 'test', 'e2e', 'fixtures', 'workspace'), workspace, { recursive: true });
    const server = await harness.startCodeServer(profile, { logFile: path.join(e2eEnvironment().artifacts, 'code-server-zh-cn.log') });
    stop = server.stop;
    const env = e2eEnvironment();
    const page = await env.context.newPage();
    env.pages.add(page);
    await page.goto(harness.workbenchUrl(server, workspace));
    vscode = new VsCode(page);
    await vscode.workbench.waitReady();
  });

  after(async () => {
    await vscode?.close();
    await stop?.();
  });

  it('names the commands in Chinese (package.nls.zh-cn.json)', async () => {
    const v = vscode as VsCode;
    await v.palette.run('专利: 检索专利…');
    await v.screenshot('zh-cn-search-command');
  });

  it('says what it needs in Chinese, with the fixes from the one actions table (bundle.l10n.zh-cn.json)', async () => {
    const v = vscode as VsCode;
    // No credentials in this profile: Search asks for them before anything else.
    const toast = v.notifications.fromSource('Patent Lookup').first();
    await toast.waitFor({ state: 'visible', timeout: 30_000 });
    const message = await v.notifications.message(toast);
    assert.match(message, /需要 PatSnap API 凭据/, message);
    const buttons = await toast.locator('.monaco-button').allInnerTexts();
    assert.ok(buttons.includes('设置 API 凭据') && buttons.includes('使用本地沙盒…'), JSON.stringify(buttons));
    await v.screenshot('zh-cn-needs-credentials');
  });

  it('titles its views in Chinese', async () => {
    const v = vscode as VsCode;
    await v.sideBar.openPatentLookup();
    const titles = await v.sideBar.viewTitles();
    for (const view of ['检索结果', '文档中的专利', '导出']) assert.ok(titles.some((t) => t.includes(view)), JSON.stringify(titles));
    await v.screenshot('zh-cn-views');
  });
});
