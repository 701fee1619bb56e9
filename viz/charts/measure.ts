/**
 * The width text takes in the charts' font, known before it is drawn (a layout can then make
 * room for it): measured on a canvas, or estimated where there is none (the unit tests).
 */
import { theme } from '../palette.ts';

let context: CanvasRenderingContext2D | null | undefined;

function canvasContext(): CanvasRenderingContext2D | null {
  if (context === undefined) context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  return context;
}

export function textWidth(text: string, size = theme.fontSize, weight: number | 'normal' = 'normal'): number {
  const ctx = canvasContext();
  if (!ctx) return text.length * size * 0.6;
  ctx.font = `${weight} ${size}px ${theme.font}`;
  return ctx.measureText(text).width;
}

/** `text` in lines no wider than `width` (a word wider than that has a line of its own). */
export function wrapText(text: string, width: number, size = theme.fontSize): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.length - 1;
    if (last >= 0 && textWidth(`${lines[last]} ${word}`, size) <= width) lines[last] = `${lines[last]} ${word}`;
    else lines.push(word);
  }
  return lines;
}
