// The measured tables of issue #12: forms as the world writes them, and ordinary text.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const DIR = path.join(__dirname, '../../../fixtures/numbers');

export interface FormRow {
  line: number;
  input: string;
  /** Numbers expected, in order; empty when nothing may be read. */
  expected: string[];
  type: 'publication' | 'application' | undefined;
  source: string;
}

export function readForms(): FormRow[] {
  const rows: FormRow[] = [];
  readFileSync(path.join(DIR, 'forms.tsv'), 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      if (raw.trim() === '' || raw.startsWith('#')) return;
      const [input = '', expected = '', type = '', source = ''] = raw.split('\t');
      rows.push({
        line: i + 1,
        input,
        expected: expected === '-' ? [] : expected.split(' | '),
        type: type === 'pub' ? 'publication' : type === 'app' ? 'application' : undefined,
        source,
      });
    });
  return rows;
}

/** The distractor corpus: one line of ordinary text per line (blank lines and `#` comments skipped). */
export function readDistractors(): string[] {
  return readFileSync(path.join(DIR, 'distractors.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
}
