import * as assert from 'node:assert/strict';
import { apiKeyProblem, baseUrlProblem, decodeCredentials, describeCredentials, encodeCredentials, requiredProblem } from '../../../../src/extension/credentials/credentialsCodec.pure';

describe('stored credentials', () => {
  it('round-trips both account models through one JSON entry', () => {
    for (const c of [{ kind: 'apiKey', apiKey: 'sk-abc' } as const, { kind: 'clientSecret', clientId: 'id', clientSecret: 's3cret' } as const]) {
      assert.deepEqual(decodeCredentials(encodeCredentials(c)), c);
    }
  });

  it('stores only the fields of the model', () => {
    const stored = encodeCredentials({ kind: 'apiKey', apiKey: 'sk-abc', extra: 'x' } as never);
    assert.deepEqual(JSON.parse(stored), { kind: 'apiKey', apiKey: 'sk-abc' });
  });

  it('reads an absent, corrupt or foreign entry as signed out', () => {
    for (const s of [undefined, '', '{', '[]', '{"kind":"apiKey"}', '{"kind":"oauth","token":"x"}', '{"kind":"clientSecret","clientId":"a","clientSecret":""}']) {
      assert.equal(decodeCredentials(s), undefined, String(s));
    }
  });

  it('checks what users type', () => {
    assert.equal(apiKeyProblem(' sk-abc '), undefined);
    assert.match(apiKeyProblem('abc') ?? '', /starts with "sk-"/);
    assert.match(apiKeyProblem('') ?? '', /Paste/);
    assert.match(apiKeyProblem('sk-a b') ?? '', /no spaces/);
    assert.equal(requiredProblem('client-1', 'client ID'), undefined);
    assert.match(requiredProblem('  ', 'client ID') ?? '', /Enter the client ID/);
  });

  it('accepts only absolute http(s) base URLs', () => {
    assert.equal(baseUrlProblem('https://connect.patsnap.com'), undefined);
    assert.equal(baseUrlProblem('http://127.0.0.1:8787'), undefined);
    assert.match(baseUrlProblem('connect.patsnap.com') ?? '', /not a URL/);
    assert.match(baseUrlProblem('ftp://x') ?? '', /http/);
    assert.match(baseUrlProblem('https://x/?a=1') ?? '', /query/);
  });

  it('accepts plain http for this machine only, where no one on the way can read the key', () => {
    for (const url of ['http://127.0.0.1:8787', 'http://127.4.5.6', 'http://localhost:3000/api', 'http://[::1]:8787']) assert.equal(baseUrlProblem(url), undefined, url);
    for (const url of ['http://example.com', 'http://10.0.0.5:8787', 'http://localhost.example.com', 'http://127.0.0.1.nip.io']) {
      assert.match(baseUrlProblem(url) ?? '', /must use https/, url);
    }
  });

  it('takes no user name or password in the base URL', () => {
    assert.match(baseUrlProblem('https://user:pass@connect.patsnap.com') ?? '', /no user name or password/);
  });

  it('describes credentials without the secret', () => {
    assert.equal(describeCredentials({ kind: 'apiKey', apiKey: 'sk-secret' }), 'API key');
    assert.doesNotMatch(describeCredentials({ kind: 'clientSecret', clientId: 'c1', clientSecret: 'hidden' }), /hidden/);
  });
});
