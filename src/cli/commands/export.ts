import { EXPORT_ROW_LIMITS } from '../../core/api/exportFields';
import type { ExportType } from '../../core/api/types';
import { type Command, usageLine } from '../command';

export const EXPORT_TYPES = Object.keys(EXPORT_ROW_LIMITS) as ExportType[];

/**
 * The command as `--help` shows it; what it runs is in exportRun.ts, loaded when it runs, so that
 * `export --help` loads neither the download and polling code nor readline.
 */
export const exportCommand: Command = {
  name: 'export',
  summary: 'bulk-export search results to a file (billed per patent)',
  usage: 'export QUERY --format csv --fields PN,TTL --rows N --out FILE [--offset N] [--yes] [--force] [--json]',
  details: [
    '  QUERY           PatSnap query syntax',
    `  --format TYPE   ${EXPORT_TYPES.join(', ')} (default csv)`,
    '  --fields LIST   fields, comma separated, e.g. PN,APNO,TTL,AN,PBD',
    '  --rows N        patents to export (up to 100000 for csv/xls/json/xml, 1000 for pdf/full_text)',
    '  --offset N      skip the first N results (rows + offset <= 100000)',
    '  --out FILE      where to save; written only once complete',
    '  --yes           do not ask to confirm the billed count (needed when stdin is not a terminal)',
    '  --force         replace FILE if it exists',
    '  --json          print the finished task record as JSON',
    '',
    'PatSnap bills exports per exported patent: the command counts the matches first (P001),',
    'states how many patents will be billed (the matches past --offset, at most --rows) and asks.',
  ].join('\n'),
  async run(args, context) {
    return (await import('./exportRun')).runExport(args, context, usageLine(this));
  },
};
