/** Files the sandbox serves behind its signed links: drawings (PNG) and PDFs, made on demand. */
import { PNG } from 'pngjs';
import { Random } from './random';
import { claimLines } from './claims';
import type { SamplePatent } from './data';

// ---- drawings -----------------------------------------------------------------

const WIDTH = 320;
const HEIGHT = 240;

/** A simple black-on-white line drawing, different for every patent and the same on every run. */
export function drawingPng(seed: number): Buffer {
  const png = new PNG({ width: WIDTH, height: HEIGHT });
  png.data.fill(255);
  const rng = new Random(seed);
  const dot = (x: number, y: number): void => {
    for (let dx = 0; dx < 2; dx++) {
      for (let dy = 0; dy < 2; dy++) {
        const px = Math.round(x) + dx;
        const py = Math.round(y) + dy;
        if (px < 0 || py < 0 || px >= WIDTH || py >= HEIGHT) continue;
        const i = (py * WIDTH + px) * 4;
        png.data[i] = png.data[i + 1] = png.data[i + 2] = 0;
      }
    }
  };
  const line = (x0: number, y0: number, x1: number, y1: number): void => {
    const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0), 1);
    for (let s = 0; s <= steps; s++) dot(x0 + ((x1 - x0) * s) / steps, y0 + ((y1 - y0) * s) / steps);
  };
  const rect = (x: number, y: number, w: number, h: number): void => {
    line(x, y, x + w, y);
    line(x + w, y, x + w, y + h);
    line(x + w, y + h, x, y + h);
    line(x, y + h, x, y);
  };
  const circle = (cx: number, cy: number, r: number): void => {
    const steps = Math.ceil(2 * Math.PI * r);
    for (let s = 0; s < steps; s++) dot(cx + r * Math.cos((2 * Math.PI * s) / steps), cy + r * Math.sin((2 * Math.PI * s) / steps));
  };
  // A body, a few parts inside it, and leader lines to where reference numerals would go.
  const bx = rng.int(20, 60);
  const by = rng.int(20, 50);
  const bw = rng.int(160, WIDTH - bx - 20);
  const bh = rng.int(110, HEIGHT - by - 20);
  rect(bx, by, bw, bh);
  const parts = rng.int(2, 5);
  for (let i = 0; i < parts; i++) {
    const w = rng.int(20, Math.floor(bw / 3));
    const h = rng.int(15, Math.floor(bh / 3));
    const x = rng.int(bx + 8, bx + bw - w - 8);
    const y = rng.int(by + 8, by + bh - h - 8);
    if (rng.chance(0.5)) rect(x, y, w, h);
    else circle(x + w / 2, y + h / 2, Math.min(w, h) / 2);
    line(x + w / 2, y, rng.int(bx + bw + 4, WIDTH - 6), rng.int(6, by - 4 > 6 ? by - 4 : 10));
  }
  for (let i = rng.int(1, 3); i > 0; i--) line(rng.int(bx, bx + bw), rng.int(by, by + bh), rng.int(bx, bx + bw), rng.int(by, by + bh));
  return PNG.sync.write(png, { colorType: 0 });
}

// ---- PDFs -----------------------------------------------------------------------

/** PDF literal strings take Latin-1 here; anything else becomes '?'. */
function pdfText(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, '\\$&');
}

function wrap(text: string, width = 90): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/)) {
      if (line && line.length + word.length + 1 > width) {
        out.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    out.push(line);
  }
  return out;
}

/** A minimal valid PDF (Helvetica text, one entry per page), written by hand with a correct xref table. */
export function buildPdf(pages: ReadonlyArray<readonly string[]>, title: string): Buffer {
  const objects: string[] = [];
  const pageIds: number[] = [];
  // 1 catalog, 2 page tree, 3 font, 4 info; then page + content pairs.
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = `<< /Title (${pdfText(title)}) /Producer (Patent Lookup sandbox) >>`;
  let id = 5;
  for (const lines of pages) {
    const body = ['BT', '/F1 10 Tf', '14 TL', '50 790 Td', ...lines.flatMap((l) => wrap(l)).slice(0, 52).map((l) => `(${pdfText(l)}) '`), 'ET'].join('\n');
    objects[id] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${id + 1} 0 R >>`;
    objects[id + 1] = `<< /Length ${Buffer.byteLength(body, 'latin1')} >>\nstream\n${body}\nendstream`;
    pageIds.push(id);
    id += 2;
  }
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((p) => `${p} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let i = 1; i < id; i++) {
    offsets[i] = Buffer.byteLength(out, 'latin1');
    out += `${i} 0 obj\n${objects[i] ?? 'null'}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${id}\n0000000000 65535 f \n`;
  for (let i = 1; i < id; i++) out += `${String(offsets[i]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${id} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** The English claims (PDFs here are Latin-1), else the first set. */
export function englishClaims(p: SamplePatent): SamplePatent['claims'][number] | undefined {
  return p.claims.find((c) => c.lang === 'EN') ?? p.claims[0];
}

export function patentPdf(p: SamplePatent): Buffer {
  const front = [
    `${p.pn}`,
    p.title,
    '',
    `Application number: ${p.apno}    Filed: ${p.apdt}    Published: ${p.pbdt}`,
    `Assignee: ${p.currentAssignees.map((a) => a.name).join('; ')}`,
    `Inventors: ${p.inventors.map((i) => i.name).join('; ')}`,
    `IPC: ${[p.ipc.main, ...p.ipc.further].join(', ')}`,
    '',
    'Abstract',
    p.abstract,
  ];
  return buildPdf([front, ['Claims', ...claimLines(englishClaims(p))], ['Description', p.description]], p.pn);
}
