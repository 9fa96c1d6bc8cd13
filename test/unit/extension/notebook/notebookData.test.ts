import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseNotebook, serializeNotebook } from '../../../../src/core/notebook';
import {
  CellMetadataError,
  cellMetadata,
  DEFAULT_CELL_OPTIONS,
  fromNotebookData,
  METADATA_KEY,
  queryCellOf,
  toNotebookData,
  type NotebookDataLike,
} from '../../../../src/extension/notebook/notebookData.pure';
import { notebookArb } from '../../../lib/notebookSamples';

const FIXTURE = path.join(__dirname, '../../../fixtures/notebooks/battery-watch.patentsearch');

describe('search notebooks in VS Code\u2019s notebook model', () => {
  it('opens a file as markup and patsnap-query cells and saves it back byte for byte', () => {
    const text = fs.readFileSync(FIXTURE, 'utf8');
    const data = toNotebookData(parseNotebook(text));
    assert.deepEqual(data.cells.map((c) => [c.kind, c.languageId]), [['markup', 'markdown'], ['code', 'patsnap-query'], ['markup', 'markdown'], ['code', 'patsnap-query']]);
    assert.equal(queryCellOf(data.cells[1] as NotebookDataLike['cells'][number]).runs.length, 2, 'the runs travel in the cell metadata');
    assert.equal(serializeNotebook(fromNotebookData(data)), text);
  });

  it('round-trips any notebook, keys it does not know included', () => {
    fc.assert(
      fc.property(notebookArb, (nb) => {
        const withExtra = { ...nb, note: 'kept', cells: nb.cells.map((c) => ({ ...c, reviewer: 'A. Examiner' })) };
        const text = serializeNotebook(withExtra);
        assert.equal(serializeNotebook(fromNotebookData(toNotebookData(parseNotebook(text)))), text);
      }),
      { numRuns: 200 },
    );
  });

  it('gives a cell added in the editor the default charts, and stores them when saved', () => {
    const cell = queryCellOf({ value: 'TTL:drone' });
    assert.deepEqual(cell.options, DEFAULT_CELL_OPTIONS);
    const nb = fromNotebookData({ cells: [{ kind: 'code', value: 'TTL:drone', languageId: 'patsnap-query' }] });
    assert.deepEqual(nb.cells[0], { kind: 'query', source: 'TTL:drone', options: DEFAULT_CELL_OPTIONS, runs: [] });
  });

  it('writes a run into the metadata beside what else it held', () => {
    const before = { [METADATA_KEY]: { options: {}, runs: [], extra: { reviewer: 'B' } }, other: 1 };
    const after = cellMetadata(before, { options: { limit: 5 }, runs: [] });
    assert.deepEqual(after, { other: 1, [METADATA_KEY]: { options: { limit: 5 }, runs: [], extra: { reviewer: 'B' } } });
  });

  it('refuses to save metadata edited into something the file cannot hold, saying where', () => {
    const data: NotebookDataLike = { cells: [{ kind: 'code', value: 'TTL:x', languageId: 'patsnap-query', metadata: { [METADATA_KEY]: { options: { limit: 5000 }, runs: [] } } }] };
    assert.throws(() => fromNotebookData(data), (e: unknown) => e instanceof CellMetadataError && /cells\.0\.options\.limit/.test(e.message));
    // Reading such a cell for a run drops what does not read: it is never sent.
    assert.deepEqual(queryCellOf(data.cells[0] as NotebookDataLike['cells'][number]).options, {});
  });
});
