/**
 * Photos for the story to upload, drawn in the browser (a canvas exported as JPEG): an ID card
 * side, a signed letter, a face on a white background — each marked 样例 (sample) and large
 * enough for the photo rules (≥ 1500 × 1100 for documents, ≥ 720 × 1280 for ID sides), well
 * under 2 MB.
 */
import type { Page } from 'playwright-core';

/**
 * The canvas API as far as the drawing below uses it. The function runs in the browser (Playwright
 * serialises it); these module-local declarations only type it, as this file is type-checked
 * without the DOM library.
 */
interface Context2d {
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  font: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  strokeRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  ellipse(x: number, y: number, rx: number, ry: number, rotation: number, start: number, end: number): void;
  fill(): void;
  fillText(text: string, x: number, y: number): void;
  save(): void;
  restore(): void;
  translate(x: number, y: number): void;
  rotate(angle: number): void;
}
declare const OffscreenCanvas: new (
  width: number,
  height: number,
) => {
  getContext(kind: '2d'): Context2d | null;
  convertToBlob(options: { type: string; quality: number }): Promise<{ arrayBuffer(): Promise<ArrayBuffer> }>;
};

export interface SampleImage {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export interface SampleSpec {
  name: string;
  width: number;
  height: number;
  /** Lines of text on the picture; the first is the heading. */
  lines: string[];
  /** Draws a head and shoulders (a face photo) instead of a document. */
  portrait?: boolean;
  /**
   * A certificate to be read by recognition: smaller type, so every line fits, and the 样例 mark
   * in the top corner, clear of the text (over a line, it hides the line from the OCR).
   */
  certificate?: boolean;
}

/** Draws the sample in the page's canvas and returns the JPEG bytes. */
export async function sampleImage(page: Page, spec: SampleSpec): Promise<SampleImage> {
  const base64 = await page.evaluate(async (drawn: SampleSpec) => {
    const canvas = new OffscreenCanvas(drawn.width, drawn.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    const { width, height } = drawn;
    context.fillStyle = drawn.portrait ? '#ffffff' : '#eef3f8';
    context.fillRect(0, 0, width, height);
    if (drawn.portrait) {
      context.fillStyle = '#2f3a4a';
      context.beginPath();
      context.ellipse(width / 2, height * 0.95, width * 0.42, height * 0.3, 0, 0, Math.PI * 2);
      context.fill();
      context.fillStyle = '#f1c7a6';
      context.beginPath();
      context.ellipse(width / 2, height * 0.42, width * 0.2, height * 0.16, 0, 0, Math.PI * 2);
      context.fill();
      context.fillStyle = '#222';
      context.fillRect(width * 0.3, height * 0.24, width * 0.4, height * 0.06);
    } else {
      context.strokeStyle = '#5b7ba3';
      context.lineWidth = Math.round(width / 100);
      context.strokeRect(width * 0.04, height * 0.05, width * 0.92, height * 0.9);
    }
    const size = Math.round(
      Math.min(width, height) / (drawn.certificate ? (drawn.lines.length > 5 ? 22 : 16) : 14),
    );
    context.fillStyle = '#1f2d3d';
    drawn.lines.forEach((line, index) => {
      context.font = `${index === 0 ? 700 : 400} ${index === 0 ? size * 1.3 : size}px "WenQuanYi Micro Hei", sans-serif`;
      context.fillText(line, width * 0.1, height * (drawn.portrait ? 0.08 : 0.2) + index * size * 1.8);
    });
    context.save();
    context.translate(width * (drawn.certificate ? 0.72 : 0.55), height * (drawn.certificate ? 0.2 : 0.7));
    context.rotate(-0.35);
    context.font = `700 ${size * (drawn.certificate ? 1.6 : 2.4)}px "WenQuanYi Micro Hei", sans-serif`;
    context.fillStyle = 'rgba(200, 30, 30, 0.35)';
    context.fillText('样例', 0, 0);
    context.restore();
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.82 });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  }, spec);
  return { name: spec.name, mimeType: 'image/jpeg', buffer: Buffer.from(base64, 'base64') };
}
