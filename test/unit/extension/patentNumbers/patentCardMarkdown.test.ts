/** The hover card's text, from each kind of lookup answer. */
import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { Bibliography } from '../../../../src/core/api/types';
import type { PatentCard } from '../../../../src/core/cache/patentLookup';
import { useTranslator } from '../../../../src/extension/common/l10n.pure';
import { buildCardMarkdown, CARD_COMMANDS, type CardInput } from '../../../../src/extension/patentNumbers/patentCardMarkdown.pure';
import { bundleTranslator } from '../localizedManifest';
import { fillArgs } from '../../../../src/core/text/translator';

const md = (createRequire(__filename)('markdown-it') as (o: { html: boolean; linkify: boolean }) => { render(s: string): string })({ html: true, linkify: true });

function bibliography(over: Partial<Bibliography> = {}): Bibliography {
  return {
    patentId: '718ead9c-4f3c-4674-8f5a-24e126827269',
    pn: 'US11205304B2',
    title: 'Systems and methods for rendering user interfaces',
    titles: { EN: 'Systems and methods for rendering user interfaces' },
    assignees: [{ name: 'MAGIC LEAP, INC.' }],
    applicants: [],
    inventors: [],
    applicationDate: 20150507,
    publicationDate: 20211221,
    priorityClaims: [],
    ...over,
  };
}

function card(over: Partial<Bibliography> = {}, legalStatus = ['Active']): PatentCard {
  return { query: over.pn ?? 'US11205304B2', bibliography: bibliography(over), legalStatus };
}

/** Every link target in the rendered card. */
function links(markdown: string): string[] {
  return [...md.render(markdown).matchAll(/<a href="([^"]*)"/g)].map((m) => m[1] ?? '');
}

function commandsOf(markdown: string): string[] {
  return links(markdown).map((href) => /^command:([^?]*)/.exec(href)?.[1] ?? `NOT A COMMAND: ${href}`);
}

describe('buildCardMarkdown', () => {
  // Dates in the display language: English here, whatever the host's locale.
  before(() => useTranslator(fillArgs, 'en'));
  afterEach(() => useTranslator(fillArgs, 'en'));
  after(() => useTranslator(fillArgs));

  const found: CardInput = { number: 'US11205304B2', type: 'publication', lookup: { state: 'found', card: card() } };

  it('shows number, legal status, title, first assignee and dates, then the actions', () => {
    const text = buildCardMarkdown(found);
    const paragraphs = text.split('\n\n');
    assert.equal(paragraphs[0], '**US11205304B2** · Active');
    assert.equal(paragraphs[1], 'Systems and methods for rendering user interfaces');
    assert.equal(paragraphs[2], 'MAGIC LEAP\\, INC\\. · Filed May 7\\, 2015 · Published Dec 21\\, 2021');
    assert.deepEqual(commandsOf(text), ['patentLookup.openPatent', 'patentLookup.showExaminationDocuments', 'patentLookup.results.copyNumber', 'patentLookup.results.openPdf']);
  });

  it('writes the dates as the patent panel does, in the display language, still escaped', () => {
    for (const [lang, facts] of [
      ['zh-cn', 'MAGIC LEAP\\, INC\\. · \u7533\u8bf7\u4e8e 2015\u5e745\u67087\u65e5 · \u516c\u5f00\u4e8e 2021\u5e7412\u670821\u65e5'],
      ['ja', 'MAGIC LEAP\\, INC\\. · \u51fa\u9858\u65e5 2015\\/05\\/07 · \u516c\u958b\u65e5 2021\\/12\\/21'],
    ] as const) {
      useTranslator(bundleTranslator(lang).t, lang);
      assert.equal(buildCardMarkdown(found).split('\n\n')[2], facts, lang);
    }
  });

  it('passes the number to every action as { number }', () => {
    for (const href of links(buildCardMarkdown(found))) {
      const args = JSON.parse(decodeURIComponent(href.slice(href.indexOf('?') + 1))) as Array<{ number: string }>;
      assert.equal(args[0]?.number, 'US11205304B2');
    }
  });

  it('uses only commands the MarkdownString trusts, in every state', () => {
    const inputs: CardInput[] = [
      found,
      { ...found, lookup: { state: 'notFound' } },
      { ...found, lookup: { state: 'noCredentials' } },
      { ...found, lookup: { state: 'lookupsDisabled' } },
      { ...found, lookup: { state: 'error', message: 'PatSnap is not answering.' } },
      { number: 'US14/706838', type: 'application', lookup: { state: 'notFound' } },
    ];
    for (const input of inputs) {
      for (const c of commandsOf(buildCardMarkdown(input))) assert.ok((CARD_COMMANDS as readonly string[]).includes(c), `${c} in ${input.lookup.state}`);
    }
  });

  it('shows the full pn when a kind-less number was looked up', () => {
    const text = buildCardMarkdown({ number: 'US7123456', type: 'publication', lookup: { state: 'found', card: card({ pn: 'US7123456B2' }, ['Inactive']) } });
    assert.ok(text.startsWith('**US7123456B2** · Inactive'));
  });

  it('offers no examination documents for a CN patent (PatSnap has none)', () => {
    const text = buildCardMarkdown({ number: 'CN104169186A', type: 'publication', lookup: { state: 'found', card: card({ pn: 'CN104169186A' }) } });
    assert.ok(!commandsOf(text).includes('patentLookup.showExaminationDocuments'));
  });

  it('escapes a hostile title, assignee and status: no link, image or HTML beyond our own actions', () => {
    const hostile = card(
      { title: '[Run](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> https://evil.example', assignees: [{ name: '![x](https://evil.example/t.png)' }] },
      ['<b>Active</b>', '[x](command:y)'],
    );
    const text = buildCardMarkdown({ ...found, lookup: { state: 'found', card: hostile } });
    assert.deepEqual(commandsOf(text), ['patentLookup.openPatent', 'patentLookup.showExaminationDocuments', 'patentLookup.results.copyNumber', 'patentLookup.results.openPdf']);
    const html = md.render(text);
    assert.ok(!/<img|<b>|<script/i.test(html), html);
  });

  it('shows the drawing as a data: image when given one', () => {
    const text = buildCardMarkdown({ ...found, image: { mimeType: 'image/png', base64: 'iVBORw0KGgo=' } });
    assert.ok(text.includes('![Abstract drawing of US11205304B2](data:image/png;base64,iVBORw0KGgo=|height=90)'));
  });

  it('says how to set credentials when there are none', () => {
    const text = buildCardMarkdown({ ...found, lookup: { state: 'noCredentials' } });
    assert.ok(commandsOf(text).includes('patentLookup.setCredentials'));
    assert.match(text, /to see the title/);
  });

  it('shows only the number and the actions when lookups are off', () => {
    const text = buildCardMarkdown({ ...found, lookup: { state: 'lookupsDisabled' } });
    assert.equal(text.split('\n\n').length, 2);
    assert.ok(commandsOf(text).includes('patentLookup.openPatent'));
  });

  it('puts a short error line in the card, escaped', () => {
    const text = buildCardMarkdown({ ...found, lookup: { state: 'error', message: 'Lookup failed: PatSnap is busy [retry].' } });
    assert.match(text, /_Lookup failed\\: PatSnap is busy \\\[retry\\\]\\._/);
  });

  it('says when PatSnap has no such patent, and offers no panel for it', () => {
    const text = buildCardMarkdown({ ...found, lookup: { state: 'notFound' } });
    assert.match(text, /PatSnap has no patent with this number/);
    assert.deepEqual(commandsOf(text), ['patentLookup.results.copyNumber']);
  });

  it('marks an application number as such, offering only to copy it', () => {
    const text = buildCardMarkdown({ number: 'US14/706838', type: 'application', lookup: { state: 'notFound' } });
    assert.ok(text.startsWith('**US14\\/706838** · application number'));
    assert.deepEqual(commandsOf(text), ['patentLookup.results.copyNumber']);
  });
});

describe('buildCardMarkdown: the record\u2019s depth on the card', () => {
  // Dates in the display language: English here, whatever the host's locale.
  before(() => useTranslator(fillArgs, 'en'));
  afterEach(() => useTranslator(fillArgs, 'en'));
  after(() => useTranslator(fillArgs));

  it('says the family\u2019s size, INPADOC\u2019s too when it is larger', () => {
    const base: CardInput = { number: 'US11205304B2', type: 'publication', lookup: { state: 'found', card: card() } };
    assert.match(buildCardMarkdown({ ...base, family: { simple: 6, inpadoc: 6 } }), /Published Dec 21\\, 2021 · Family: 6 members\n\n/);
    assert.match(buildCardMarkdown({ ...base, family: { simple: 1, inpadoc: 99 } }), /Family: 1 member \(INPADOC 99\)/);
    assert.doesNotMatch(buildCardMarkdown(base), /Family/);
  });

  it('lists an application number\u2019s publications, each opening its panel, titles escaped', () => {
    const markdown = buildCardMarkdown({
      number: 'US17/521392',
      type: 'application',
      lookup: { state: 'notFound' },
      resolution: {
        state: 'found',
        publications: [
          { pn: 'US20230145678A1', patentId: 'a', title: 'Feedback [x](command:workbench.action.terminal.new)' },
          { pn: 'US11985678B2', patentId: 'b' },
        ],
      },
    });
    assert.match(markdown, /Published as 2 publications/);
    const commands = commandsOf(markdown);
    assert.deepEqual(commands.filter((c) => c === 'patentLookup.openPatent').length, 2);
    assert.ok(commands.every((c) => (CARD_COMMANDS as readonly string[]).includes(c)), commands.join(', '));
    assert.ok(links(markdown).some((l) => decodeURIComponent(l).includes('"patentId":"b"')), 'opens by id');
  });

  it('says when an application has no publication, or its lookup failed', () => {
    const base: CardInput = { number: 'US99/999999', type: 'application', lookup: { state: 'notFound' } };
    assert.match(buildCardMarkdown({ ...base, resolution: { state: 'notFound' } }), /no publication of this application/);
    assert.match(buildCardMarkdown({ ...base, resolution: { state: 'error', message: 'Lookup failed: the service is busy.' } }), /_Lookup failed\\: the service is busy\\._/);
    assert.match(buildCardMarkdown(base), /application number/);
  });
});
