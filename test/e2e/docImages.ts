/**
 * Pictures of the real UI for the walkthrough (media/walkthrough/*.webp, shipped in the
 * VSIX: small, lossy WebP encoded by Chromium itself) and the README (docs/images/*.png,
 * not shipped). Every run writes them to .test-artifacts/e2e/images/ to be looked at;
 * `npm run images` (PATENT_LOOKUP_UPDATE_IMAGES=1) also writes them where they are
 * committed.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { e2eEnvironment } from '../lib/e2eEnvironment';

const ROOT = path.resolve(__dirname, '..', '..');
const UPDATE = process.env.PATENT_LOOKUP_UPDATE_IMAGES === '1';

export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The box around `locators` (all of them), grown by `margin` and kept within the page. */
export async function regionOf(page: Page, locators: Locator[], margin = 8): Promise<Region> {
  const boxes = await Promise.all(locators.map(async (l) => (await l.boundingBox()) ?? assertBox(l)));
  const viewport = page.viewportSize() ?? { width: 1440, height: 900 };
  const x = Math.max(0, Math.floor(Math.min(...boxes.map((b) => b.x)) - margin));
  const y = Math.max(0, Math.floor(Math.min(...boxes.map((b) => b.y)) - margin));
  const right = Math.min(viewport.width, Math.ceil(Math.max(...boxes.map((b) => b.x + b.width)) + margin));
  const bottom = Math.min(viewport.height, Math.ceil(Math.max(...boxes.map((b) => b.y + b.height)) + margin));
  return { x, y, width: right - x, height: bottom - y };
}

function assertBox(l: Locator): never {
  throw new Error(`${String(l)} is not on screen`);
}

/**
 * A walkthrough picture: `region` of the page, scaled to at most `maxWidth` CSS pixels,
 * as lossy WebP. The walkthrough pane shows its pictures about 400–500 px wide, so
 * anything wider than 480 px is only scaled down again on screen; at quality 0.3 the UI's
 * text still reads cleanly there, and the five pictures together stay near 30 KB of the
 * VSIX (#11). Resolves the file written (in the artifacts) and its size.
 */
export async function walkthroughImage(page: Page, name: string, region: Region, { maxWidth = 480, quality = 0.3 } = {}): Promise<{ file: string; bytes: number }> {
  const png = await page.screenshot({ clip: region, type: 'png' });
  const webp = await encodeWebp(png, maxWidth, quality);
  return write(path.join('media', 'walkthrough', `${name}.webp`), webp);
}

/** A README picture: `region` as PNG, full size. */
export async function readmeImage(page: Page, name: string, region: Region): Promise<{ file: string; bytes: number }> {
  return write(path.join('docs', 'images', `${name}.png`), await page.screenshot({ clip: region, type: 'png' }));
}

function write(relative: string, bytes: Buffer): { file: string; bytes: number } {
  const artifact = path.join(e2eEnvironment().artifacts, 'images', path.basename(relative));
  fs.mkdirSync(path.dirname(artifact), { recursive: true });
  fs.writeFileSync(artifact, bytes);
  if (UPDATE) {
    const target = path.join(ROOT, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, bytes);
  }
  process.stdout.write(`      image ${relative}: ${(bytes.length / 1024).toFixed(1)} KB${UPDATE ? ' (written)' : ''}\n`);
  return { file: artifact, bytes: bytes.length };
}

/** Chromium's own WebP encoder, in a blank page of the same browser (no codec to install). */
async function encodeWebp(png: Buffer, maxWidth: number, quality: number): Promise<Buffer> {
  const page = await e2eEnvironment().context.newPage();
  try {
    const dataUrl = await page.evaluate(
      async ({ source, maxWidth, quality }) => {
        const img = new Image();
        img.src = source;
        await img.decode();
        const scale = Math.min(1, maxWidth / img.naturalWidth);
        const canvas = document.createElement('canvas');
        canvas.width = Math.round(img.naturalWidth * scale);
        canvas.height = Math.round(img.naturalHeight * scale);
        const context = canvas.getContext('2d');
        if (!context) throw new Error('no 2d canvas');
        context.imageSmoothingQuality = 'high';
        context.drawImage(img, 0, 0, canvas.width, canvas.height);
        return canvas.toDataURL('image/webp', quality);
      },
      { source: `data:image/png;base64,${png.toString('base64')}`, maxWidth, quality },
    );
    if (!dataUrl.startsWith('data:image/webp;base64,')) throw new Error(`Chromium did not encode WebP: ${dataUrl.slice(0, 30)}`);
    return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  } finally {
    await page.close();
  }
}
