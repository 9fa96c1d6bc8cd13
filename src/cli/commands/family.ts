import type { FamilyType } from '../../core/api/recordTypes';
import { FAMILY_TYPES, loadFamily } from '../../core/record/family';
import { parseCommandArgs } from '../args';
import { type Command, usageLine, writeJson } from '../command';
import { UsageError } from '../io';
import { notFound, oneNumber } from './record';
import { counted } from '../format';

export const familyCommand: Command = {
  name: 'family',
  summary: 'the members of a patent\u2019s family by office, each with its kind, date and legal status (P014)',
  usage: 'family NUMBER [--type simple|inpadoc|patsnap] [--json]',
  details: [
    '  NUMBER   a publication number, e.g. US11205304B2',
    '  --type   simple (DOCDB, the default), inpadoc (every application linked by priority) or patsnap (extended)',
    '  --json   print {number, type, familyId, members: [{number, office, kind, date, legalStatus, detailedStatus, title}]}',
    '',
    'The statuses of the whole family come from one batched call (per 100 members). Exits 2 when the patent is not found.',
  ].join('\n'),
  async run(args, { io, client }) {
    const usage = usageLine(this);
    const { values, positionals } = parseCommandArgs(args, { type: { type: 'string' }, json: { type: 'boolean' } }, usage);
    const type = (values.type ?? 'simple').toLowerCase();
    if (!(FAMILY_TYPES as readonly string[]).includes(type)) throw new UsageError(`--type is one of ${FAMILY_TYPES.join(', ')}, not "${values.type}".`, usage);
    const number = oneNumber(positionals, this.name, usage);
    const view = await loadFamily(await client(), { numbers: [number] }, { type: type as FamilyType, signal: io.signal });
    if (!view) throw notFound(number);
    if (values.json) {
      writeJson(io, {
        number: view.number,
        type: view.type,
        familyId: view.familyId ?? null,
        sizes: view.sizes,
        members: view.members.map((m) => ({
          number: m.number,
          office: m.office,
          kind: m.kind ?? null,
          date: m.date ?? null,
          legalStatus: m.legalStatus,
          detailedStatus: m.detailedStatus,
          title: m.title ?? null,
          applicationNumber: m.applicationNumber ?? null,
          patentId: m.patentId ?? null,
          self: m.self,
        })),
      });
      return 0;
    }
    io.stdout.write(`${view.number}: ${type} family${view.familyId ? ` ${view.familyId}` : ''}, ${counted(view.members.length, 'member', 'members')} in ${counted(view.offices.length, 'office', 'offices')}\n`);
    const width = Math.max(0, ...view.members.map((m) => m.number.length));
    for (const group of view.offices) {
      io.stdout.write(`\n${group.office}\n`);
      for (const m of group.members) {
        const status = m.legalStatus.length > 0 ? `${m.legalStatus.join(', ')}${m.detailedStatus.length > 0 ? ` (${m.detailedStatus.join(', ')})` : ''}` : 'no status given';
        io.stdout.write(`  ${m.self ? '*' : ' '} ${m.number.padEnd(width)}  ${(m.date ?? '').padEnd(10)}  ${status}\n`);
      }
    }
    return 0;
  },
};
