import type { Command } from '../command';
import { citationsCommand } from './citations';
import { citeCommand } from './cite';
import { claimsCommand } from './claims';
import { countCommand } from './count';
import { eventsCommand } from './events';
import { familyCommand } from './family';
import { resolveCommand } from './resolve';
import { examDocsCommand } from './examDocs';
import { exportCommand } from './export';
import { facetsCommand } from './facets';
import { findCommand } from './find';
import { imageCommand } from './image';
import { lintCommand } from './lint';
import { lookupCommand } from './lookup';
import { notebookCommand } from './notebook';
import { sandboxCommand } from './sandbox';
import { searchCommand } from './search';

export const COMMANDS: readonly Command[] = [
  searchCommand,
  lookupCommand,
  imageCommand,
  examDocsCommand,
  claimsCommand,
  familyCommand,
  citationsCommand,
  eventsCommand,
  resolveCommand,
  countCommand,
  facetsCommand,
  notebookCommand,
  exportCommand,
  findCommand,
  lintCommand,
  citeCommand,
  sandboxCommand,
];
