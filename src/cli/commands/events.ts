import type { LegalEvents, LegalStatusDetail } from '../../core/api/recordTypes';
import { isoDate, legalTimeline } from '../../core/record/legal';
import { parseCommandArgs } from '../args';
import { allOrNothing, type Command, usageLine, writeJson } from '../command';
import { answerFor, notFound, oneNumber } from './record';

export const eventsCommand: Command = {
  name: 'events',
  summary: 'legal status in detail and the legal events of a patent, oldest first (P013, P026)',
  usage: 'events NUMBER [--json]',
  details: [
    '  NUMBER   a publication number, e.g. US11205304B2',
    '  --json   print {number, legalStatus, detailedStatus, eventStatus, legalDate, events: [{date, office, code, description, source}]}',
    '',
    'INPADOC\u2019s worldwide events and the office\u2019s own are listed together; dates are yyyy-mm-dd. Exits 2 when the patent is not found.',
  ].join('\n'),
  async run(args, { io, client }) {
    const usage = usageLine(this);
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, usage);
    const number = oneNumber(positionals, this.name, usage);
    const api = await client();
    const [statuses, events] = await allOrNothing<[LegalStatusDetail[], LegalEvents[]]>(io.signal, (signal) => [
      api.legalStatusDetail({ numbers: [number] }, { signal }),
      api.legalEvents({ numbers: [number] }, { signal }),
    ]);
    const status = answerFor(statuses, number);
    const record = answerFor(events, number);
    if (!status && !record) throw notFound(number);
    const timeline = record ? legalTimeline(record) : [];
    const pn = status?.pn ?? record?.pn ?? number;
    if (values.json) {
      writeJson(io, {
        number: pn,
        legalStatus: status?.simple ?? [],
        detailedStatus: status?.detailed ?? [],
        eventStatus: status?.events ?? [],
        legalDate: isoDate(status?.legalDate) ?? null,
        events: timeline.map((e) => ({ date: e.date ?? null, office: e.office ?? null, code: e.code ?? null, description: e.description ?? null, source: e.source, legalStatus: e.legalStatus ?? null })),
      });
      return 0;
    }
    const parts = [status?.simple.join(', '), status?.detailed.join(', '), status?.events.join(', ')].filter((s) => s);
    const date = isoDate(status?.legalDate);
    io.stdout.write(`${pn}: ${parts.length > 0 ? parts.join(' / ') : 'no legal status given'}${date ? `, as of ${date}` : ''}\n`);
    if (timeline.length === 0) io.stdout.write('No legal events recorded.\n');
    else io.stdout.write('\n');
    const codeWidth = Math.max(0, ...timeline.map((e) => (e.code ?? '').length));
    for (const e of timeline) {
      const what = [e.description, e.legalStatus && e.legalStatus !== e.description ? `(${e.legalStatus})` : ''].filter(Boolean).join(' ');
      io.stdout.write(`${(e.date ?? 'undated').padEnd(10)}  ${(e.office ?? '').padEnd(2)}  ${(e.code ?? '').padEnd(codeWidth)}  ${what}\n`.replace(/ +\n$/, '\n'));
    }
    return 0;
  },
};
