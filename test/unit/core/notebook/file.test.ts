import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NotebookFormatError, emptyNotebook, parseNotebook, serializeNotebook, type Notebook } from '../../../../src/core/notebook';
import { largeNotebook, notebookArb } from '../../../lib/notebookSamples';

const FIXTURE = path.join(__dirname, '../../../fixtures/notebooks/battery-watch.patentsearch');

function refuses(text: string, message: RegExp, at?: { line: number; column: number }): void {
  assert.throws(
    () => parseNotebook(text),
    (e: unknown) => {
      assert.ok(e instanceof NotebookFormatError, String(e));
      assert.match(e.message, message);
      if (at) assert.deepEqual({ line: e.line, column: e.column }, at);
      return true;
    },
  );
}

describe('.patentsearch files', () => {
  it('reads a hand-written notebook and writes it back byte for byte', () => {
    const text = fs.readFileSync(FIXTURE, 'utf8');
    const nb = parseNotebook(text);
    assert.equal(nb.cells.length, 4);
    const query = nb.cells[1];
    assert.equal(query?.kind, 'query');
    if (query?.kind !== 'query') return;
    assert.equal(query.source, 'TAC:("solid electrolyte" OR "solid-state electrolyte")\nAND IPC:H01M10/0562');
    assert.equal(query.runs.length, 2);
    assert.equal(query.runs[1]?.results[0]?.number, 'US11894512B2');
    assert.equal(serializeNotebook(nb), text);
  });

  it('round-trips any notebook, and writing what it read changes no byte', () => {
    fc.assert(
      fc.property(notebookArb, (nb) => {
        const text = serializeNotebook(nb);
        const back = parseNotebook(text);
        assert.deepEqual(back, JSON.parse(JSON.stringify(back)), 'plain data');
        assert.equal(serializeNotebook(back), text);
        assert.deepEqual(stripDefaults(back), stripDefaults(nb));
      }),
      { numRuns: 300 },
    );
  });

  it('writes keys in a fixed order whatever order they came in, and ends with a newline', () => {
    const scrambled = '{"cells":[{"runs":[],"options":{"limit":5,"sort":[{"order":"DESC","field":"SCORE"}]},"source":"TTL:car","kind":"query"}],"version":1,"format":"patent-search-notebook"}';
    const text = serializeNotebook(parseNotebook(scrambled));
    assert.ok(text.endsWith('}\n') && !text.endsWith('\n\n'));
    assert.ok(text.indexOf('"format"') < text.indexOf('"version"') && text.indexOf('"version"') < text.indexOf('"cells"'));
    assert.ok(text.indexOf('"kind"') < text.indexOf('"source"') && text.indexOf('"source"') < text.indexOf('"options"') && text.indexOf('"options"') < text.indexOf('"runs"'));
    assert.match(text, /\{ "field": "SCORE", "order": "DESC" \}/);
    assert.match(text, /"sort": \[[\s\S]*\],\n\s*"limit": 5/);
  });

  it('puts each line of a cell, each kept patent and each facet value on a line of its own', () => {
    const nb = largeNotebook(1, 2, 3);
    const text = serializeNotebook(nb);
    const lines = text.split('\n');
    assert.equal(lines.filter((l) => /^\s*\{ "number": "US\d+B2", /.test(l)).length, 6);
    assert.equal(lines.filter((l) => /^\s*\{ "name": ".*", "count": \d+ \}/.test(l)).length, 2 * 7);
    assert.ok(lines.includes('        "## Strategy 1",'));
    // A new run adds lines and changes none of the lines before it.
    const more = largeNotebook(1, 3, 3);
    const before = serializeNotebook({ ...nb, cells: nb.cells });
    assert.ok(serializeNotebook(more).length > before.length);
  });

  it('keeps keys it does not know, in every object', () => {
    const text = JSON.stringify({
      format: 'patent-search-notebook',
      version: 1,
      reviewer: 'A. Searcher',
      cells: [{ kind: 'query', source: 'TTL:car', note: 'from the kick-off', options: { limit: 2, future: true }, runs: [{ date: '2026-11-03T09:12:44Z', query: 'TTL:car', total: 1, results: [{ number: 'US1B2', relevance: 'X' }], extra: [1, 2] }] }],
    });
    const out = serializeNotebook(parseNotebook(text));
    for (const kept of ['"reviewer": "A. Searcher"', '"note": "from the kick-off"', '"future": true', '"relevance": "X"', '"extra": [1, 2]']) assert.ok(out.includes(kept), kept);
  });

  it('reads an empty file (as VS Code creates one) as an empty notebook, and a BOM', () => {
    assert.deepEqual(parseNotebook(''), emptyNotebook());
    assert.deepEqual(parseNotebook('  \n'), emptyNotebook());
    assert.equal(parseNotebook(`\ufeff${serializeNotebook(emptyNotebook())}`).cells.length, 0);
    assert.equal(serializeNotebook(emptyNotebook()), '{\n  "format": "patent-search-notebook",\n  "version": 1,\n  "cells": []\n}\n');
  });

  it('takes cell text as one string too, and writes it as lines', () => {
    const nb = parseNotebook('{"cells":[{"kind":"markdown","source":"a\\nb"}]}');
    assert.equal(nb.cells[0]?.source, 'a\nb');
    assert.match(serializeNotebook(nb), /"source": \[\n\s+"a",\n\s+"b"\n\s+\]/);
  });

  describe('refuses a broken file with a message that says where and what', () => {
    it('JSON syntax: the line and column', () => {
      refuses('{\n  "cells": [\n    { "kind": "markdown", "source": "x" }\n    { "kind": "markdown" }\n  ]\n}', /not valid JSON at line 4, column 5/, { line: 4, column: 5 });
      refuses('{"cells": [', /not valid JSON/);
    });
    it('JSON syntax V8 reports by quoting the text around it: still the line and column, without the quote', () => {
      // A trailing comma: "Unexpected token ']', ..."L:x" }, ]}" is not valid JSON".
      const end = '{\n  "cells": [\n    { "kind": "query", "source": "TTL:x" },\n  ]\n}\n';
      refuses(end, /^The notebook file is not valid JSON at line 4, column 3: Unexpected token '\]'\. Fix it/, { line: 4, column: 3 });
      const middle = `{\n  "title": "${'t'.repeat(40)}",\n  "cells": [ x ],\n  "other": "${'o'.repeat(40)}"\n}\n`;
      refuses(middle, /at line 3, column 14: Unexpected token 'x'\./, { line: 3, column: 14 });
      const start = `{"c": x, "cells": [], "title": "${'t'.repeat(40)}" }`;
      refuses(start, /at line 1, column 7: Unexpected token 'x'\./, { line: 1, column: 7 });
    });
    it('another kind of file', () => {
      refuses('[1, 2]', /one JSON object with a "cells" list/);
      refuses('{"format": "jupyter", "cells": []}', /"format" is "jupyter", not "patent-search-notebook"/);
    });
    it('a newer format version', () => {
      refuses('{"format": "patent-search-notebook", "version": 2, "cells": []}', /newer Patent Lookup \(format version 2; this one reads 1\)\. Update/);
    });
    it('values it cannot read, by their path', () => {
      refuses('{"cells": [{"kind": "markdown", "source": "x"}, {"kind": "query", "source": "q", "runs": [{"date": "2026-11-03T09:12:44Z", "query": "q", "total": -1, "results": []}]}]}', /cells\[1\]\.runs\[0\]\.total: must be 0 or more/);
      refuses('{"cells": [{"kind": "chart", "source": "x"}]}', /cells\[0\]\.kind: must be "markdown" or "query"/);
      refuses('{"cells": [{"kind": "query", "source": "q", "runs": [{"date": "2026-11-03T09:12:44Z", "query": "q", "total": 1.5, "results": []}]}]}', /runs\[0\]\.total: must be a whole number/);
      refuses('{"cells": [{"kind": "query", "source": 5}]}', /cells\[0\]\.source: must be text, or a list of lines/);
      refuses('{"cells": [{"kind": "query", "source": "q", "options": {"facets": ["A", "B", "C", "D", "E", "F"]}}]}', /cells\[0\]\.options\.facets: .*at most 5 facet fields/);
      refuses('{"cells": [{"kind": "query", "source": "q", "options": {"publicationDate": {"from": "2020-01-01"}}}]}', /options\.publicationDate\.from: a date written yyyyMMdd/);
      refuses('{"cells": [{"kind": "query", "source": "q", "options": {"sort": [{"field": "TITLE", "order": "ASC"}]}}]}', /options\.sort\[0\]\.field: must be "PBDT_YEARMONTHDAY" or/);
      refuses('{}', /cells: is missing \(a list expected\)/);
    });
  });
});

/** What parsing adds: defaults and a copy; `undefined` values (which JSON drops) removed. */
function stripDefaults(nb: Notebook): unknown {
  return JSON.parse(JSON.stringify(nb, (_k, v: unknown) => v));
}
