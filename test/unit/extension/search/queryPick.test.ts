import * as assert from 'node:assert/strict';
import { QueryAccept } from '../../../../src/extension/search/queryPick.pure';

type Row = { label: string; query?: string };

describe('search quick pick: what Enter searches for', () => {
  const typedRow = (q: string): Row => ({ label: q, query: q });
  const recent: Row = { label: 'TTL:battery AND PBD:[20200101 TO 20231231]', query: 'TTL:battery AND PBD:[20200101 TO 20231231]' };

  it('searches the value typed when Enter comes before the extension\u2019s rows: the workbench\u2019s filtered, stale active row is not a pick', () => {
    const accept = new QueryAccept<Row>();
    // "TTL:bat" typed: the workbench filters its old rows, makes a recent search the active one and says so, and Enter follows at once.
    accept.valueChanged();
    accept.activeChanged(recent);
    assert.equal(accept.accepted('TTL:bat ', recent), 'TTL:bat');
  });

  it('searches the recent search the reader moved to after typing', () => {
    const accept = new QueryAccept<Row>();
    accept.valueChanged();
    accept.activeChanged(typedRow('TTL:bat'));
    accept.activeChanged(recent);
    assert.equal(accept.accepted('TTL:bat', recent), recent.query);
    accept.valueChanged();
    accept.activeChanged(typedRow('TTL:batt'));
    assert.equal(accept.accepted('TTL:batt', recent), 'TTL:batt', 'a key after the move: the value typed again');
  });

  it('with nothing typed, Enter on a recent search runs it; on nothing, the empty value says why', () => {
    const accept = new QueryAccept<Row>();
    assert.equal(accept.accepted('', recent), recent.query);
    assert.equal(accept.accepted('  ', undefined), '');
    assert.equal(accept.accepted('', { label: '$(warning) Type a query' }), '');
  });
});
