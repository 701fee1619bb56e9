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
