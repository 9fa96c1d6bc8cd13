import { claimTree, parseClaims, pickClaimText, type ClaimNode } from '../../core/record/claims';
import { parseCommandArgs } from '../args';
import { type Command, usageLine, writeJson } from '../command';
import { answerFor, notFound, oneNumber } from './record';
import { counted } from '../format';

export const claimsCommand: Command = {
  name: 'claims',
  summary: 'the claims of a patent as a tree, dependent claims under the claims they refer to (P018)',
  usage: 'claims NUMBER [--json]',
  details: [
    '  NUMBER   a publication number, e.g. US11205304B2, "CN 104169186 A"',
    '  --json   print {number, lang, pnRelated, claimCount, claims: [{num, independent, parents, text}]}',
    '',
    'Where PatSnap has no claims for the patent itself, a family member\u2019s stand in and are named.',
    'Exits 2 when the patent is not found.',
  ].join('\n'),
  async run(args, { io, client }) {
    const usage = usageLine(this);
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, usage);
    const number = oneNumber(positionals, this.name, usage);
    const item = answerFor(await (await client()).claims({ numbers: [number] }, { replaceByRelated: true, signal: io.signal }), number);
    if (!item) throw notFound(number);
    const text = pickClaimText(item.texts, io.clientDefaults?.language);
    const claims = parseClaims(text?.html ?? '');
    if (values.json) {
      writeJson(io, {
        number: item.pn,
        lang: text?.lang ?? null,
        pnRelated: item.pnRelated ?? null,
        claimCount: claims.length,
        independentCount: claims.filter((c) => c.independent).length,
        claims: claims.map((c) => ({ num: c.num, independent: c.independent, parents: c.parents, text: c.text })),
      });
      return 0;
    }
    if (claims.length === 0) {
      io.stdout.write(`${item.pn}: no claims recorded.\n`);
      return 0;
    }
    const independent = claims.filter((c) => c.independent).length;
    const whose = item.pnRelated ? `, the claims of family member ${item.pnRelated}` : '';
    io.stdout.write(`${item.pn}: ${counted(claims.length, 'claim', 'claims')}, ${independent} independent${text?.lang ? ` (${text.lang})` : ''}${whose}\n\n`);
    const write = (node: ClaimNode, depth: number): void => {
      const indent = '    '.repeat(depth);
      const [first = '', ...rest] = node.paragraphs;
      const refers = node.independent || node.parents.length <= 1 ? '' : `  [claims ${node.parents.join(', ')}]`;
      io.stdout.write(`${indent}${node.num}. ${first}${refers}\n`);
      for (const line of rest) io.stdout.write(`${indent}${' '.repeat(String(node.num).length + 2)}${line}\n`);
      for (const child of node.children) write(child, depth + 1);
    };
    for (const root of claimTree(claims)) write(root, 0);
    return 0;
  },
};
