/** Plain-text tables for the terminal: columns padded to their widest cell. */

/** `l`: left-aligned (text); `r`: right-aligned (numbers). */
export type Align = 'l' | 'r';

/**
 * The rows as lines, each column as wide as its widest cell and two spaces apart. Trailing
 * spaces are trimmed, so a short last cell leaves no ragged padding.
 */
export function alignColumns(rows: readonly (readonly string[])[], align: readonly Align[], indent = ''): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, c) => (widths[c] = Math.max(widths[c] ?? 0, cell.length)));
  return rows.map((row) => `${indent}${row.map((cell, c) => (align[c] === 'r' ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ')}`.trimEnd());
}

/** Words of `text` wrapped into lines of at most `width` characters (a longer word stands alone). */
export function wrap(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}
