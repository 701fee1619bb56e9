/** Plain-text tables with aligned columns, for the terminal. */

export interface Column {
  readonly header: string;
  /** Numbers read best right-aligned; names left-aligned. */
  readonly align: 'left' | 'right';
}

/** The rows under a header line and a rule, each column as wide as its widest cell. */
export function formatTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((c, j) => Math.max(c.header.length, ...rows.map((r) => r[j].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, j) => (columns[j].align === 'left' ? cell.padEnd(widths[j]) : cell.padStart(widths[j])))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(columns.map((c) => c.header)), rule, ...rows.map(line)].join('\n');
}

/** `x` with `digits` decimals and thousands separators: 1234567.8 → "1,234,567.8". */
export function fixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return '—';
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A signed percentage: +3.2%, -1.0%. */
export function percent(x: number, digits = 1): string {
  if (!Number.isFinite(x)) return '—';
  const text = Math.abs(x).toFixed(digits);
  return `${x < 0 && Number(text) !== 0 ? '-' : '+'}${text}%`;
}
