import type { Command } from '../command';
import { examDocsCommand } from './examDocs';
import { exportCommand } from './export';
import { findCommand } from './find';
import { imageCommand } from './image';
import { lookupCommand } from './lookup';
import { sandboxCommand } from './sandbox';
import { searchCommand } from './search';

export const COMMANDS: readonly Command[] = [searchCommand, lookupCommand, imageCommand, examDocsCommand, exportCommand, findCommand, sandboxCommand];
