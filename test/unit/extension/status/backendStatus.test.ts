import * as assert from 'node:assert/strict';
import { fromErrorCode, PatsnapError } from '../../../../src/core/api/errors';
import { backendStatusView, CallActivity, credentialHint, type BackendSummary } from '../../../../src/extension/status/backendStatus.pure';

const PATSNAP: BackendSummary = { kind: 'patsnap', host: 'connect.patsnap.com', account: 'apiKey', hint: 'wxyz' };
const idle = { inFlight: 0, trouble: undefined };

describe('status bar: the backend and its state', () => {
  it('shows at most the last four characters of a client id or key, and none of a short one', () => {
    assert.equal(credentialHint({ kind: 'apiKey', apiKey: 'sk-0123456789abcdwxyz' }), 'wxyz');
    assert.equal(credentialHint({ kind: 'clientSecret', clientId: 'client-7q3k', clientSecret: 'never-shown-secret' }), '7q3k');
    assert.equal(credentialHint({ kind: 'apiKey', apiKey: 'sk-1234' }), '', 'four of seven would be most of it');
  });

  it('never shows more of the credential than its hint, nor the secret', () => {
    const views = [backendStatusView(PATSNAP, idle), backendStatusView({ ...PATSNAP, account: 'clientSecret' }, { inFlight: 1, trouble: 'quota' })];
    for (const v of views) {
      const all = `${v.text}\n${v.tooltip}\n${v.accessibilityLabel}`;
      assert.match(all, /wxyz/);
      assert.doesNotMatch(all, /sk-|0123/);
    }
  });

  it('names the backend: the sandbox with its URL, PatSnap with the host and the hint', () => {
    const sandbox = backendStatusView({ kind: 'sandbox', url: 'http://127.0.0.1:43123' }, idle);
    assert.equal(sandbox.text, '$(beaker) Sandbox');
    assert.match(sandbox.tooltip, /local sandbox at http:\/\/127\.0\.0\.1:43123/);
    assert.equal(sandbox.accessibilityLabel, 'Patent Lookup: local sandbox');
    const patsnap = backendStatusView(PATSNAP, idle);
    assert.equal(patsnap.text, '$(cloud) PatSnap \u2026wxyz');
    assert.match(patsnap.tooltip, /PatSnap at connect\.patsnap\.com with the API key ending \u2026wxyz/);
    assert.equal(patsnap.accessibilityLabel, 'Patent Lookup: PatSnap, API key ending wxyz');
    assert.equal(patsnap.warning, false);
  });

  it('says signed out, working, quota exhausted and bad settings, in words a screen reader reads too', () => {
    const out = backendStatusView({ kind: 'signedOut' }, idle);
    assert.equal(out.text, '$(circle-slash) PatSnap: signed out');
    assert.match(out.accessibilityLabel, /signed out/);
    const working = backendStatusView(PATSNAP, { inFlight: 2, trouble: undefined });
    assert.equal(working.text, '$(sync~spin) PatSnap \u2026wxyz');
    assert.equal(working.accessibilityLabel, 'Patent Lookup: PatSnap, API key ending wxyz, working');
    const spent = backendStatusView(PATSNAP, { inFlight: 0, trouble: 'quota' });
    assert.equal(spent.text, '$(error) PatSnap \u2026wxyz: quota exhausted');
    assert.equal(spent.warning, true);
    assert.match(spent.accessibilityLabel, /quota exhausted$/);
    const refused = backendStatusView({ kind: 'sandbox', url: 'http://127.0.0.1:1' }, { inFlight: 0, trouble: 'credentials' });
    assert.equal(refused.text, '$(error) Sandbox: credentials refused');
    const bad = backendStatusView({ kind: 'misconfigured', message: 'The API base URL must use https.' }, idle);
    assert.equal(bad.warning, true);
    assert.match(bad.tooltip, /must use https/);
    for (const v of [out, working, spent, refused, bad]) assert.doesNotMatch(v.accessibilityLabel, /\$\(/, 'no codicon names read aloud');
  });
});

describe('status bar: calls in flight and their trouble', () => {
  it('counts calls until each ends, once', () => {
    const a = new CallActivity();
    let changes = 0;
    a.onDidChange(() => changes++);
    const one = a.observe('call');
    const two = a.observe('call');
    assert.equal(a.inFlight, 2);
    one({});
    one({});
    assert.equal(a.inFlight, 1, 'a call ends once');
    two({});
    assert.equal(a.inFlight, 0);
    assert.equal(changes, 4);
  });

  it('keeps "quota exhausted" until a business call works; a token exchange says nothing of the quota', () => {
    const a = new CallActivity();
    a.observe('call')({ error: fromErrorCode(67200005, '/search/patent/query-search-patent/v2') });
    assert.equal(a.trouble, 'quota');
    a.observe('call')({ error: new PatsnapError('network', 'down') });
    assert.equal(a.trouble, 'quota', 'another failure does not clear it');
    a.observe('token')({});
    assert.equal(a.trouble, 'quota');
    a.observe('call')({});
    assert.equal(a.trouble, undefined);
  });

  it('an API outside the package is not an exhausted quota; refused credentials are their own trouble', () => {
    const a = new CallActivity();
    a.observe('call')({ error: fromErrorCode(67200004, '/x') });
    assert.equal(a.trouble, undefined);
    a.observe('token')({ error: fromErrorCode(67200003, '/oauth/token') });
    assert.equal(a.trouble, 'credentials');
    a.observe('token')({});
    assert.equal(a.trouble, undefined, 'a token exchange that works clears refused credentials');
  });

  it('forgets everything when the backend changes; calls of the old backend end unseen', () => {
    const a = new CallActivity();
    const old = a.observe('call');
    a.observe('call')({ error: fromErrorCode(67200007, '/x') });
    assert.equal(a.trouble, 'quota');
    a.reset();
    assert.equal(a.inFlight, 0);
    assert.equal(a.trouble, undefined);
    const fresh = a.observe('call');
    old({ error: fromErrorCode(67200005, '/x') });
    assert.equal(a.inFlight, 1, 'the old call does not end the new one');
    assert.equal(a.trouble, undefined);
    fresh({});
    assert.equal(a.inFlight, 0);
  });
});
