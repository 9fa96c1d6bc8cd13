import * as assert from 'node:assert/strict';
import type { ExportTaskRecord } from '../../../../src/core/exports/types';
import { EXPORT_COMMANDS, VIEW_ONLY_COMMANDS } from '../../../../src/extension/common/commandIds.pure';
import { taskContextValue } from '../../../../src/extension/exports/taskPresentation.pure';
import { localizedManifest } from '../localizedManifest';

interface MenuItem {
  command: string;
  when?: string;
  group?: string;
}
interface Manifest {
  contributes: {
    commands: Array<{ command: string; category?: string }>;
    menus: Record<string, MenuItem[]>;
    viewsWelcome: Array<{ view: string; contents: string }>;
    configuration: { properties: Record<string, { default?: unknown }> };
  };
}

const manifest = localizedManifest() as Manifest;
const { contributes } = manifest;

/** The `viewItem =~ /.../` regular expression of a menu entry's `when`. */
function viewItemPattern(when: string | undefined): RegExp {
  const m = /viewItem =~ \/(.+?)\/(?: |$)/.exec(when ?? '');
  assert.ok(m, `no viewItem pattern in ${when}`);
  return new RegExp(m[1] as string);
}

const now = Date.UTC(2025, 5, 1, 12);
const base: ExportTaskRecord = { id: 'a'.repeat(32), query: 'q', params: { fields: ['PN'], exportType: 'csv', rows: 1 }, createdAt: new Date(now - 60_000).toISOString(), count: 1, status: 'pending' };
const link = { url: 'http://x/f', succeededAt: new Date(now - 1000).toISOString() };
const states: Record<string, ExportTaskRecord> = {
  pending: base,
  succeeded: { ...base, status: 'succeeded', ...link },
  downloaded: { ...base, status: 'downloaded', ...link, destination: '/w/a.csv' },
  failed: { ...base, status: 'failed' },
  expired: { ...base, status: 'expired' },
};

function contextMenuFor(state: string): string[] {
  const value = taskContextValue(states[state] as ExportTaskRecord, now);
  return contributes.menus['view/item/context']!
    .filter((m) => m.when?.includes('view == patentLookup.exports') && m.group !== undefined && !m.group.startsWith('inline') && viewItemPattern(m.when).test(value))
    .map((m) => m.command);
}

describe('exports: package.json contributions', () => {
  it('contributes every export command in the Patent category', () => {
    const contributed = new Map(contributes.commands.map((c) => [c.command, c]));
    for (const id of Object.values(EXPORT_COMMANDS)) assert.equal(contributed.get(id)?.category, 'Patent', id);
  });

  it('hides the row commands from the palette, but not Export Search Results…', () => {
    const hidden = new Set(contributes.menus.commandPalette!.filter((m) => m.when === 'false').map((m) => m.command));
    const rowCommands = Object.values(EXPORT_COMMANDS).filter((id) => id !== EXPORT_COMMANDS.exportSearch);
    assert.deepEqual(rowCommands.filter((id) => !VIEW_ONLY_COMMANDS.includes(id) || !hidden.has(id)), []);
    assert.equal(hidden.has(EXPORT_COMMANDS.exportSearch), false);
  });

  it('offers on each row only what makes sense in its state', () => {
    const C = EXPORT_COMMANDS;
    assert.deepEqual(contextMenuFor('pending'), [C.exportAgain, C.copyTaskId, C.remove]);
    assert.deepEqual(contextMenuFor('succeeded'), [C.downloadAgain, C.exportAgain, C.copyTaskId, C.remove]);
    assert.deepEqual(contextMenuFor('downloaded'), [C.openFile, C.revealFile, C.downloadAgain, C.exportAgain, C.copyTaskId, C.remove]);
    assert.deepEqual(contextMenuFor('failed'), [C.exportAgain, C.copyTaskId, C.remove]);
    assert.deepEqual(contextMenuFor('expired'), [C.exportAgain, C.copyTaskId, C.remove]);
  });

  it('has a welcome view for an empty list and the exports folder setting', () => {
    const welcome = contributes.viewsWelcome.find((v) => v.view === 'patentLookup.exports');
    assert.match(welcome?.contents ?? '', /\(command:patentLookup\.exportSearch\)/);
    assert.equal(contributes.configuration.properties['patentLookup.exports.folder']?.default, 'exports');
    assert.ok(contributes.menus['view/title']!.some((m) => m.command === EXPORT_COMMANDS.exportSearch && m.when === 'view == patentLookup.exports'));
  });
});
