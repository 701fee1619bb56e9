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

/** `units` (words, or phrases) joined by spaces into lines each of which `fits` (a unit that does not has a line of its own). */
function pack(units: readonly string[], fits: (line: string) => boolean): string[] {
  const lines: string[] = [];
  for (const unit of units) {
    const last = lines.length - 1;
    if (last >= 0 && fits(`${lines[last]} ${unit}`)) lines[last] = `${lines[last]} ${unit}`;
    else lines.push(unit);
  }
  return lines;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** `text` in lines no wider than `width` (a word wider than that has a line of its own). */
export function wrapText(text: string, width: number, size = theme.fontSize, weight: number | 'normal' = 'normal'): string[] {
  return pack(words(text), (line) => textWidth(line, size, weight) <= width);
}

/**
 * `text` in as few lines no wider than `width` as wrapText takes, the lines as even as they can
 * be ('Support received' over 'per function', not 'Support received per' over 'function'), and
 * broken between phrases (after a comma, before a dash) where that takes no more lines ('Distress
 * and loneliness' over '— older', not 'Distress and' over 'loneliness — older').
 */
export function balancedLines(text: string, width: number, size = theme.fontSize, weight: number | 'normal' = 'normal'): string[] {
  const fits = (room: number) => (line: string) => textWidth(line, size, weight) <= room;
  // Packed at the narrowest width that takes no more lines than `width` does.
  const even = (units: readonly string[]) => {
    const count = pack(units, fits(width)).length;
    let [lo, hi] = [0, width];
    while (hi - lo > 0.5) {
      const mid = (lo + hi) / 2;
      if (pack(units, fits(mid)).length > count) lo = mid;
      else hi = mid;
    }
    return pack(units, fits(hi));
  };
  const byWord = even(words(text));
  if (byWord.length < 2) return byWord;
  const byPhrase = even(words(text).join(' ').split(/(?<=,) | (?=— )/));
  return byPhrase.length === byWord.length && byPhrase.every(fits(width)) ? byPhrase : byWord;
}
