import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { defaultExportFileName, keepBothPath, querySlug, suggestedExportFileName } from '../../../../src/core/exports/fileNames';

describe('export file names', () => {
  it('makes a readable slug of the query', () => {
    assert.equal(querySlug('TTL:"solid state" AND AN:Acme'), 'ttl-solid-state-and-an-acme');
    assert.equal(querySlug('TTL:电池 AND PBD:[20200101 TO *]'), 'ttl-电池-and-pbd-20200101-to');
    assert.equal(querySlug('***'), 'export');
    assert.equal(querySlug(`TTL:${'battery '.repeat(20)}`).length <= 40, true);
    assert.ok(!querySlug(`TTL:${'battery '.repeat(20)}`).endsWith('-'));
  });

  it('names a file after the query, the task id and the format', () => {
    assert.equal(defaultExportFileName('TTL:battery', 'b4bdae6b4a65432d91f25b5c52bdfd80', 'csv'), 'ttl-battery-b4bdae6b.csv');
    assert.equal(defaultExportFileName('TTL:battery', 'b4bdae6b4a65432d91f25b5c52bdfd80', 'xls'), 'ttl-battery-b4bdae6b.xls');
    assert.equal(defaultExportFileName('TTL:battery', 'b4bdae6b4a65432d91f25b5c52bdfd80', 'pdf'), 'ttl-battery-b4bdae6b.zip', 'pdf exports are ZIPs of PDFs');
    assert.equal(defaultExportFileName('TTL:battery', 'b4bdae6b4a65432d91f25b5c52bdfd80', 'full_text'), 'ttl-battery-b4bdae6b.zip');
    assert.equal(defaultExportFileName('q', '../..', 'json'), 'q.json', 'a task id never adds path parts');
    assert.equal(suggestedExportFileName('TTL:battery', 'xml'), 'ttl-battery.xml');
  });

  it('keeps both by numbering the new name', () => {
    const dir = path.join(path.sep, 'w', 'exports');
    const taken = new Set([path.join(dir, 'a.csv'), path.join(dir, 'a (2).csv')]);
    assert.equal(keepBothPath(path.join(dir, 'a.csv'), (p) => taken.has(p)), path.join(dir, 'a (3).csv'));
    assert.equal(keepBothPath(path.join(dir, 'a (2).csv'), (p) => taken.has(p)), path.join(dir, 'a (3).csv'));
    assert.equal(keepBothPath(path.join(dir, 'b'), () => false), path.join(dir, 'b (2)'));
  });
});
