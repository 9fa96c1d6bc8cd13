/**
 * The wiring between package.json and the running extension, checked in a real
 * extension host: activation, commands, categories, setting defaults, and a
 * SecretStorage round trip through the credential store the extension exports.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PatentLookupTestApi } from '../../../src/extension/api';

const EXTENSION_ID = 'patent-lookup.patent-lookup';

interface ContributedCommand {
  command: string;
  title: string;
  category?: string;
}
interface ConfigurationProperty {
  type: string | string[];
  default?: unknown;
}
interface Manifest {
  contributes: {
    commands: ContributedCommand[];
    configuration: { properties: Record<string, ConfigurationProperty> };
    views?: Record<string, Array<{ id: string }>>;
  };
}

// Commands VS Code itself registers for every contributed view (`<view id>.<suffix>`).
const VIEW_COMMAND_SUFFIXES = ['focus', 'open', 'resetViewLocation', 'toggleVisibility', 'removeView'];

function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded in this host`);
  return ext;
}

function manifest(): Manifest {
  return extension().packageJSON as Manifest;
}

describe('Extension activation and contributions', () => {
  before(async () => {
    await extension().activate();
  });

  it('activates', () => {
    assert.strictEqual(extension().isActive, true);
  });

  it('registers every contributed command', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = manifest()
      .contributes.commands.map((c) => c.command)
      .filter((id) => !registered.has(id));
    assert.deepStrictEqual(missing, [], 'contributed in package.json but not registered');
  });

  it('contributes every patentLookup.* command it registers', async () => {
    const contributes = manifest().contributes;
    const contributed = new Set(contributes.commands.map((c) => c.command));
    const viewIds = Object.values(contributes.views ?? {}).flatMap((views) => views.map((v) => v.id));
    const viewCommands = new Set(viewIds.flatMap((id) => VIEW_COMMAND_SUFFIXES.map((s) => `${id}.${s}`)));
    const extra = (await vscode.commands.getCommands(true)).filter(
      (id) => id.startsWith('patentLookup.') && !contributed.has(id) && !viewCommands.has(id),
    );
    assert.deepStrictEqual(extra, [], 'registered but not contributed in package.json');
  });

  it('puts every contributed command in the "Patent" category', () => {
    const uncategorised = manifest()
      .contributes.commands.filter((c) => c.category !== 'Patent')
      .map((c) => c.command);
    assert.deepStrictEqual(uncategorised, []);
  });

  it('reads back the setting defaults declared in package.json', () => {
    const properties = manifest().contributes.configuration.properties;
    assert.ok(Object.keys(properties).length > 0, 'no settings contributed');
    const config = vscode.workspace.getConfiguration();
    for (const [key, property] of Object.entries(properties)) {
      const inspected = config.inspect(key);
      assert.ok(inspected, `setting ${key} is unknown to VS Code`);
      assert.deepStrictEqual(inspected.defaultValue, property.default, `default of ${key}`);
    }
  });

  it('answers the documented settings through the patentLookup section', () => {
    const section = vscode.workspace.getConfiguration('patentLookup');
    for (const key of ['apiBaseUrl', 'requestTimeoutMs', 'maxRequestsPerSecond', 'hover.enabled', 'language']) {
      assert.ok(section.has(key), `patentLookup.${key} missing`);
    }
  });

  it('keeps credentials in this host\'s SecretStorage: store, read back, change event, clear', async function () {
    const api = (await extension().activate()) as Partial<PatentLookupTestApi> | undefined;
    const store = api?.credentials;
    assert.ok(store, 'activate() returns no credential store');
    assert.strictEqual(await store.isStored(), false, 'a fresh test profile has no stored credentials');
    const credentials = { kind: 'apiKey', apiKey: 'sk-integration-round-trip' } as const;
    const changed = new Promise<void>((resolve) => {
      const sub = store.onDidChange(() => {
        sub.dispose();
        resolve();
      });
    });
    try {
      await store.store(credentials);
      await changed;
      assert.strictEqual(await store.isStored(), true);
      assert.deepStrictEqual(await store.get(), credentials);
    } finally {
      await store.clear();
    }
    assert.strictEqual(await store.isStored(), false);
    assert.notDeepStrictEqual(await store.get(), credentials);
  });
});
