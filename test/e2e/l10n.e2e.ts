/**
 * The extension in VS Code's display language: a code-server of its own started with
 * `locale: zh-cn` (displayLanguage.ts, which also says how a display language is had in
 * code-server) shows the commands (package.nls.zh-cn.json) and what the extension says at run
 * time (l10n/bundle.l10n.zh-cn.json) in Simplified Chinese. No sandbox and no credentials here:
 * Search asks for them first. display-language-walk.e2e.ts walks the rest of the UI, in zh-cn
 * and ja, against the sandbox.
 */
import * as assert from 'assert';
import { openInLanguage, type LanguageWindow } from './displayLanguage';
import type { VsCode } from '../lib/pages';

describe('Display language: Simplified Chinese', function () {
  let vscode: VsCode | undefined;
  let window: LanguageWindow | undefined;

  before(async () => {
    window = await openInLanguage('zh-cn');
    vscode = window.vscode;
  });

  after(async () => {
    await window?.stop();
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
