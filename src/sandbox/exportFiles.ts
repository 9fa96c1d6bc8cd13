/**
 * The files behind finished export tasks: csv, json, xml, xls (SpreadsheetML 2003,
 * an XML workbook Excel opens as .xls), pdf (a ZIP of one PDF per patent) and
 * full_text (a ZIP of XML files named by PN), plus the synthetic CSV streamed for
 * download benchmarks.
 */
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { zipSync, strToU8 } from 'fflate';
import type { ExportField } from '../core/api/exportFields';
import type { ExportLang, ExportType } from '../core/api/types';
import type { SamplePatent } from './data';
import { claimLines } from './claims';
import { buildPdf, englishClaims } from './content';

export interface ExportFile {
  bytes: Buffer;
  contentType: string;
  extension: string;
}

type Value = string | number;

function fieldValue(p: SamplePatent, field: ExportField, lang: ExportLang): Value {
  const joined = (names: ReadonlyArray<{ name: string }>): string => names.map((n) => n.name).join(' | ');
  const wanted = lang === 'cn' ? 'CN' : lang === 'jp' ? 'JP' : lang.toUpperCase();
  switch (field) {
    case 'PN':
      return p.pn;
    case 'APNO':
      return p.apno;
    case 'TTL':
      return p.titles.find((t) => t.lang === wanted)?.text ?? p.title;
    case 'ABST':
      return p.abstracts.find((a) => a.lang === wanted)?.text ?? p.abstract;
    case 'AN':
      return joined(p.currentAssignees);
    case 'IN':
      return joined(p.inventors);
    case 'APD':
      return p.apdt;
    case 'PBD':
      return p.pbdt;
    case 'IPC':
      return p.ipc.main;
    case 'CPC':
      return p.cpc.main;
    case 'LEGAL_STATUS':
      return p.legalStatus.join(' | ');
    case 'CLMS':
      return claimLines(lang === 'cn' ? (p.claims.find((c) => c.lang === 'CN') ?? englishClaims(p)) : englishClaims(p)).join('\n');
    case 'DESC':
      return p.description;
  }
}

/** Escapes text for XML, dropping characters XML 1.0 cannot carry at all. */
export function xmlEscape(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- matching what XML 1.0 forbids is the point
    .replace(/[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const xmlName = (field: string): string => field; // field codes are already valid XML names

export function buildExportFile(type: ExportType, fields: readonly ExportField[], patents: readonly SamplePatent[], lang: ExportLang): ExportFile {
  const rows = patents.map((p) => fields.map((f) => fieldValue(p, f, lang)));
  switch (type) {
    case 'csv':
      return { bytes: Buffer.from(stringify([fields as string[], ...rows])), contentType: 'text/csv; charset=utf-8', extension: 'csv' };
    case 'json': {
      const records = rows.map((r) => Object.fromEntries(fields.map((f, i) => [f, r[i]])));
      return { bytes: Buffer.from(JSON.stringify(records, null, 1)), contentType: 'application/json; charset=utf-8', extension: 'json' };
    }
    case 'xml': {
      const body = rows.map((r) => `  <patent>\n${fields.map((f, i) => `    <${xmlName(f)}>${xmlEscape(String(r[i]))}</${xmlName(f)}>`).join('\n')}\n  </patent>`).join('\n');
      return { bytes: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<patents count="${rows.length}">\n${body}${body ? '\n' : ''}</patents>\n`), contentType: 'application/xml; charset=utf-8', extension: 'xml' };
    }
    case 'xls': {
      const cell = (v: Value): string => `<Cell><Data ss:Type="${typeof v === 'number' ? 'Number' : 'String'}">${xmlEscape(String(v))}</Data></Cell>`;
      const row = (values: readonly Value[]): string => `   <Row>${values.map(cell).join('')}</Row>`;
      const xml =
        '<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n' +
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">\n' +
        ' <Worksheet ss:Name="Patents">\n  <Table>\n' +
        [row(fields), ...rows.map(row)].join('\n') +
        '\n  </Table>\n </Worksheet>\n</Workbook>\n';
      return { bytes: Buffer.from(xml), contentType: 'application/vnd.ms-excel', extension: 'xls' };
    }
    case 'pdf': {
      const files: Record<string, Uint8Array> = {};
      patents.forEach((p, n) => {
        const lines = fields.flatMap((f, i) => [`${f}:`, String((rows[n] as Value[])[i]), '']);
        files[`${p.pn}.pdf`] = buildPdf([lines], p.pn);
      });
      return { bytes: Buffer.from(zipSync(files, { level: 6 })), contentType: 'application/zip', extension: 'zip' };
    }
    case 'full_text': {
      const files: Record<string, Uint8Array> = {};
      patents.forEach((p, n) => {
        const parts = fields.map((f, i) => {
          const v = String((rows[n] as Value[])[i]);
          if (f === 'CLMS') return `  <claims>\n${claimLines(englishClaims(p)).map((c, k) => `    <claim num="${k + 1}">${xmlEscape(c)}</claim>`).join('\n')}\n  </claims>`;
          const tag = f === 'ABST' ? 'abstract' : f === 'DESC' ? 'description' : 'publication-number';
          return `  <${tag}>${xmlEscape(v)}</${tag}>`;
        });
        files[`${p.pn}.xml`] = strToU8(`<?xml version="1.0" encoding="UTF-8"?>\n<patent-document pn="${xmlEscape(p.pn)}">\n${parts.join('\n')}\n</patent-document>\n`);
      });
      return { bytes: Buffer.from(zipSync(files, { level: 6 })), contentType: 'application/zip', extension: 'zip' };
    }
  }
}

// ---- synthetic CSV ---------------------------------------------------------------

const HEADER = 'PN,TTL,APD,PBD\n';
const ROW_LENGTH = 128;
const DIGITS = 10;
// SYN<10 digits>A1,"<filler>",20200101,20210101\n: only the digits change from row to row.
const ROW_PREFIX = 'SYN';
const ROW_SUFFIX = '",20200101,20210101\n';
const MIN_ROW = ROW_PREFIX.length + DIGITS + 'A1,"'.length + ROW_SUFFIX.length;
// Large chunks: fewer socket writes per megabyte served.
const CHUNK = 256 * 1024;

function renderRow(index: number, length: number): Buffer {
  if (length < MIN_ROW) return Buffer.from(`${'x'.repeat(Math.max(0, length - 1))}\n`.slice(-length));
  const filler = 'Synthetic patent for download benchmarks '.repeat(Math.ceil(length / 40)).slice(0, length - MIN_ROW);
  return Buffer.from(`${ROW_PREFIX}${String(index).padStart(DIGITS, '0')}A1,"${filler}${ROW_SUFFIX}`, 'latin1');
}

/**
 * A CSV of exactly `total` bytes, produced on the fly from any offset (for ranged
 * requests) without holding it in memory: a header, then fixed-length rows; the
 * first row takes up the remainder so the sizes add up.
 */
export class SyntheticCsv {
  private readonly firstRowLength: number;
  private readonly template: Buffer;

  constructor(readonly total: number) {
    const body = Math.max(0, total - HEADER.length);
    this.firstRowLength = body < ROW_LENGTH ? body : ROW_LENGTH + (body % ROW_LENGTH);
    this.template = renderRow(0, ROW_LENGTH);
  }

  /**
   * Bytes [start, end) of the file. The fixed-length rows differ only in their digits,
   * so they are laid down as the template repeated (one native fill) and the digits
   * patched in: cheap enough that the sandbox is not what a download benchmark measures.
   */
  slice(start: number, end: number): Buffer {
    const out = Buffer.allocUnsafe(Math.max(0, end - start));
    const rowsFrom = HEADER.length + this.firstRowLength;
    let pos = start;
    const header = Buffer.from(HEADER);
    while (pos < end && pos < rowsFrom) {
      if (pos < header.length) {
        pos += header.copy(out, pos - start, pos, Math.min(header.length, end - start + pos));
        continue;
      }
      const bytes = renderRow(0, this.firstRowLength);
      const from = pos - header.length;
      pos += bytes.copy(out, pos - start, from, Math.min(this.firstRowLength, from + (end - pos)));
    }
    if (pos >= end) return out;
    const phase = (pos - rowsFrom) % ROW_LENGTH;
    if (phase > 0) pos += this.template.copy(out, pos - start, phase, Math.min(ROW_LENGTH, phase + (end - pos)));
    if (pos < end) out.fill(this.template, pos - start, end - start);
    const first = Math.floor((Math.max(start, rowsFrom) - rowsFrom) / ROW_LENGTH);
    for (let k = first, rowStart = rowsFrom + k * ROW_LENGTH; rowStart < end; k++, rowStart += ROW_LENGTH) {
      let index = k + 1;
      for (let d = DIGITS - 1; d >= 0; d--) {
        const at = rowStart + ROW_PREFIX.length + d;
        if (at >= start && at < end) out[at - start] = 0x30 + (index % 10);
        index = Math.floor(index / 10);
      }
    }
    return out;
  }

  /** A stream of bytes [start, end), in chunks, honouring back-pressure. */
  stream(start = 0, end = this.total): Readable {
    let pos = start;
    const slice = (a: number, b: number): Buffer => this.slice(a, b);
    return new Readable({
      highWaterMark: CHUNK,
      read() {
        if (pos >= end) {
          this.push(null);
          return;
        }
        const next = Math.min(end, pos + CHUNK);
        const chunk = slice(pos, next);
        pos = next;
        this.push(chunk);
      },
    });
  }
}
