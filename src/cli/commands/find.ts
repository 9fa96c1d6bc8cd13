import * as path from 'node:path';
import { findPatentNumbersIn, type PatentNumberMatch } from '../../core/numbers';
import { lineBreaks } from '../../core/numbers/text';
import { parseCommandArgs, requirePositionals } from '../args';
import { type Command, usageLine } from '../command';
import { readProblem, textPieces } from '../files';
import { terminalSafeJsonString, type TerminalOutput } from '../terminal';

/** One occurrence, in the shape design.md fixes for `find --json`. */
export interface FoundNumber {
  file: string;
  line: number;
  column: number;
  text: string;
  number: string;
  type: 'publication' | 'application';
  office: string;
  kind: string | null;
}

/**
 * Read 64 KB at a time, scan about 16 K characters of lines at a time, write 64 K characters at a
 * time: small pieces die young (an 8 MB file peaks 35-40 MB over the process's start, where 1 MB
 * pieces took 60), and fewer reads cost less than the async round trips of smaller ones.
 */
const WINDOW = 1 << 14;
const FLUSH = 1 << 16;
const READ = 1 << 16;
/** Room past FLUSH in the JSON buffer for one occurrence; longer text goes through a string of its own. */
const JSON_SLACK = 4096;

export const findCommand: Command = {
  name: 'find',
  summary: 'list the patent numbers written in files, normalised (offline)',
  usage: 'find FILE... [--json]',
  details: [
    '  FILE     text files to scan (any format: source, Markdown, e-mail, ...)',
    '  --json   print an array of {file, line, column, text, number, type, office, kind}',
    '',
    'Runs offline: no credentials needed. Exits 2 when a file cannot be read (the others are still scanned).',
  ].join('\n'),
  async run(args, { io }) {
    const usage = usageLine(this);
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, usage);
    requirePositionals(positionals, 'FILE', usage);

    // The output is written as the numbers are found, never held whole: 50 MB of dense
    // citations are millions of matches, more than one string can hold.
    const out = new Output(io.stdout, io.signal);
    const json = values.json === true ? new JsonArray(out) : undefined;
    let unreadable = 0;
    for (const file of positionals) {
      const write = json ? json.file(file) : (m: PatentNumberMatch) => out.add(`${file}:${m.line}:${m.column}  ${m.text} -> ${m.number}\n`);
      const scan = new WindowedScan();
      // Read in pieces too: only the lines not scanned yet are held, not the whole file.
      try {
        for await (const piece of textPieces(path.resolve(io.cwd, file), READ)) {
          for (const m of scan.push(piece)) write(m);
          if (out.full) await out.flush();
        }
        for (const m of scan.push('', true)) write(m);
      } catch (e) {
        unreadable++;
        io.stderr.write(`Cannot read ${file}: ${readProblem(e)}.\n`);
      }
    }
    json?.close();
    await out.flush();
    return unreadable > 0 ? 2 : 0;
  },
};

/**
 * The occurrences as one JSON array, keys in the documented order. Each is written as bytes
 * into a buffer that goes to the output as it is, a buffer at a time: a string per field, joined, was
 * most of what `find --json` allocated on a dense file, and a string per buffer cost a decode, the
 * terminal-safe pass and an encode (a third of the run). It is terminal-safe as built: `number`,
 * `office` and `kind` are the normaliser's own ASCII; `text` and the file's name are copied as they
 * are when printable ASCII, else as terminalSafeJsonString writes them (no raw C0, DEL or C1).
 */
class JsonArray {
  private bytes = Buffer.allocUnsafe(FLUSH + JSON_SLACK);
  private at = 0;
  private first = true;

  constructor(private readonly out: Output) {
    this.ascii('[');
  }

  /** The writer of one file's occurrences. */
  file(name: string): (m: PatentNumberMatch) => void {
    const head = `{"file":${terminalSafeJsonString(name)},"line":`;
    // The fixed text before `line`, with the separator: one copy per occurrence, not two.
    const firstHead = Buffer.from(`\n  ${head}`);
    const nextHead = Buffer.from(`,\n  ${head}`);
    const longName = nextHead.length > JSON_SLACK / 2;
    return (m) => {
      if (this.at > FLUSH) this.pass();
      const start = this.first ? firstHead : nextHead;
      this.first = false;
      if (longName) this.utf8(start.toString());
      else this.copy(start);
      this.int(m.line);
      this.copy(COLUMN);
      this.int(m.column);
      this.copy(TEXT);
      if (!this.plain(m.text)) this.utf8(terminalSafeJsonString(m.text));
      this.copy(NUMBER);
      this.ascii(m.number);
      this.copy(tail(m.type, m.office, m.kind));
    };
  }

  close(): void {
    this.ascii(this.first ? ']\n' : '\n]\n');
    this.pass();
  }

  /** Hands what the buffer holds to the output, and starts a new one (the stream may still hold it). */
  private pass(): void {
    if (this.at === 0) return;
    this.out.addTrusted(this.bytes.subarray(0, this.at));
    this.bytes = Buffer.allocUnsafe(FLUSH + JSON_SLACK);
    this.at = 0;
  }

  /** Bytes the caller knows fit (the buffer keeps JSON_SLACK past FLUSH for one occurrence); `set` is a native copy. */
  private copy(bytes: Uint8Array): void {
    this.bytes.set(bytes, this.at);
    this.at += bytes.length;
  }

  /** ASCII text the caller knows fits, as `copy`. */
  private ascii(s: string): void {
    const b = this.bytes;
    let at = this.at;
    for (let i = 0; i < s.length; i++) b[at++] = s.charCodeAt(i);
    this.at = at;
  }

  /**
   * `s` between quotes, as it is, when JSON can carry it so (printable ASCII without `"` or `\\`)
   * and it fits; else false, with nothing written. One pass, which copies as it checks.
   */
  private plain(s: string): boolean {
    if (s.length >= JSON_SLACK / 4) return false;
    const b = this.bytes;
    let at = this.at;
    b[at++] = 0x22;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return false;
      b[at++] = c;
    }
    b[at++] = 0x22;
    this.at = at;
    return true;
  }

  private utf8(s: string): void {
    if (this.at + Buffer.byteLength(s) > this.bytes.length - 256) {
      this.pass();
      if (Buffer.byteLength(s) > this.bytes.length - 256) {
        this.out.addTrusted(Buffer.from(s));
        return;
      }
    }
    this.at += this.bytes.write(s, this.at, 'utf8');
  }

  private int(n: number): void {
    const b = this.bytes;
    let digits = 1;
    for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
    let at = this.at + digits;
    this.at = at;
    for (let x = n; digits-- > 0; x = Math.floor(x / 10)) b[--at] = 0x30 + (x % 10);
  }
}

/** JsonArray's fixed pieces as bytes: copied, they cost less than a string's characters. */
const COLUMN = Buffer.from(',"column":');
const TEXT = Buffer.from(',"text":');
const NUMBER = Buffer.from(',"number":"');

/**
 * What follows the number, `","type":…,"office":…,"kind":…}`: the same few for a whole file, each
 * built once and copied whole (type, office and kind are the normaliser's own short ASCII).
 */
const TAILS: Record<PatentNumberMatch['type'], Map<string, Map<string | null, Buffer>>> = { publication: new Map(), application: new Map() };
function tail(type: PatentNumberMatch['type'], office: string, kind: string | null): Buffer {
  const byOffice = TAILS[type];
  let byKind = byOffice.get(office);
  if (!byKind) byOffice.set(office, (byKind = new Map()));
  let bytes = byKind.get(kind);
  if (!bytes) byKind.set(kind, (bytes = Buffer.from(`","type":"${type}","office":"${office}","kind":${kind === null ? 'null' : `"${kind}"`}}`)));
  return bytes;
}

/**
 * The matches of a text given in pieces (as a file is read), a window of lines at a time, so
 * only the lines not scanned yet and one window's matches are alive. A window starts at a line
 * start and its text runs one line past its end, as far as a number may span (one line break);
 * numbers are taken when they start inside the window and after the previous window's last
 * number, so none is found twice or lost at a seam.
 */
export class WindowedScan {
  private carry = '';
  /** Offset, in the whole text, of `carry`'s first character, and its line. */
  private base = 0;
  private line = 1;
  /** Where the previous window's last number ended, in the whole text. */
  private taken = 0;

  constructor(private readonly windowSize = WINDOW) {}

  /** The numbers that `piece` completes, in order; `final` when no more text follows. */
  push(piece: string, final = false): PatentNumberMatch[] {
    this.carry += piece;
    let found: PatentNumberMatch[] = [];
    for (;;) {
      const text = this.carry;
      if (text.length === 0) return found;
      let end = text.indexOf('\n', Math.min(text.length, this.windowSize));
      if (end < 0 && !final) return found;
      end = end < 0 ? text.length : end + 1;
      // The line after the window, which a number starting in it may run into; when the text ends
      // at the window's end, that line is still to come unless this is the last piece.
      let lookahead = end < text.length ? text.indexOf('\n', end) : final ? text.length : -1;
      if (lookahead < 0 && !final) return found;
      lookahead = lookahead < 0 ? text.length : lookahead + 1;
      const base = this.base;
      const window = findPatentNumbersIn(lookahead === text.length ? text : text.slice(0, lookahead), Math.max(0, this.taken - base), end);
      const last = window[window.length - 1];
      if (last) {
        this.taken = base + last.index + last.length;
        const lines = this.line - 1;
        for (const m of window) {
          m.index += base;
          m.line += lines;
        }
        found = found.length === 0 ? window : found.concat(window);
      }
      this.line += lineBreaks(text, 0, end);
      this.base += end;
      this.carry = text.slice(end);
    }
  }
}

/** The matches of a whole text, as `find` scans a file (the same as one scan of it). */
export function scanByWindows(text: string, windowSize = WINDOW): PatentNumberMatch[] {
  return new WindowedScan(windowSize).push(text, true);
}

/**
 * Output gathered into pieces of about FLUSH characters or bytes, in order; a flush waits while
 * the stream is full. Text goes through the terminal-safe `write`, bytes (JsonArray's) as they are.
 */
class Output {
  private pending: Array<string | Uint8Array> = [];
  private size = 0;

  constructor(
    private readonly stream: TerminalOutput,
    private readonly signal: AbortSignal | undefined,
  ) {}

  get full(): boolean {
    return this.size >= FLUSH;
  }

  add(s: string): void {
    const last = this.pending.length - 1;
    if (typeof this.pending[last] === 'string') this.pending[last] += s;
    else this.pending.push(s);
    this.size += s.length;
  }

  addTrusted(bytes: Uint8Array): void {
    this.pending.push(bytes);
    this.size += bytes.length;
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const chunks = this.pending;
    this.pending = [];
    this.size = 0;
    let full = false;
    for (const chunk of chunks) {
      if ((typeof chunk === 'string' ? this.stream.write(chunk) : this.stream.trusted(chunk)) === false) full = true;
    }
    if (full && this.stream.once && !this.signal?.aborted) {
      const signal = this.signal;
      await new Promise<void>((resolve) => {
        const done = (): void => {
          signal?.removeEventListener('abort', done);
          resolve();
        };
        this.stream.once?.('drain', done);
        signal?.addEventListener('abort', done, { once: true });
      });
    }
  }
}
