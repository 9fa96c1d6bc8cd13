/** package.json and the extension's command map agree (the map is typed by COMMAND_IDS). */
import * as assert from 'node:assert/strict';
import { COMMAND_IDS, VIEW_ONLY_COMMANDS } from '../../../src/extension/common/commandIds.pure';
import { localizedManifest } from './localizedManifest';

interface Manifest {
  activationEvents: string[];
  capabilities?: { untrustedWorkspaces?: { supported: boolean | 'limited'; restrictedConfigurations?: string[] } };
  contributes: {
    commands: Array<{ command: string; title: string; category?: string }>;
    menus: Record<string, Array<{ command: string; when?: string }>>;
    viewsWelcome: Array<{ view: string; contents: string; when?: string }>;
    configuration: { properties: Record<string, { default?: unknown; scope?: string }> };
  };
}

const manifest = localizedManifest() as Manifest;
const contributed = new Map(manifest.contributes.commands.map((c) => [c.command, c]));

describe('package.json contributions of the VS Code layer', () => {
  it('contributes every command of the command map, in the Patent category', () => {
    for (const id of COMMAND_IDS) {
      assert.ok(contributed.has(id), `${id} is registered but not contributed`);
      assert.equal(contributed.get(id)?.category, 'Patent', id);
    }
  });

  it('keeps the design\u2019s command names', () => {
    for (const id of ['patentLookup.setCredentials', 'patentLookup.clearCredentials', 'patentLookup.search', 'patentLookup.openPatent', 'patentLookup.showExaminationDocuments', 'patentLookup.findInDocument']) {
      assert.ok((COMMAND_IDS as readonly string[]).includes(id), id);
    }
  });

  it('hides tree-only commands from the palette', () => {
    const palette = manifest.contributes.menus.commandPalette ?? [];
    for (const id of VIEW_ONLY_COMMANDS) assert.equal(palette.find((m) => m.command === id)?.when, 'false', id);
  });

  it('offers sign-in in the results view when signed out', () => {
    const signedOut = manifest.contributes.viewsWelcome.find((w) => w.view === 'patentLookup.results' && w.when === '!patentLookup.hasCredentials');
    assert.match(signedOut?.contents ?? '', /\(command:patentLookup\.setCredentials\)/);
  });

  it('restores patent panels after a reload', () => {
    assert.ok(manifest.activationEvents.includes('onWebviewPanel:patentLookup.patent'));
  });

  it('keeps the API base URL, where stored credentials go, out of a workspace\u2019s reach', () => {
    assert.equal(manifest.contributes.configuration.properties['patentLookup.apiBaseUrl']?.scope, 'machine');
    assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, 'limited');
    assert.deepEqual(manifest.capabilities?.untrustedWorkspaces?.restrictedConfigurations, ['patentLookup.apiBaseUrl']);
  });

  it('declares the page size setting', () => {
    assert.equal(manifest.contributes.configuration.properties['patentLookup.search.pageSize']?.default, 50);
  });
});
