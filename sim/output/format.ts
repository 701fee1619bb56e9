/**
 * One formatter for every number Kith writes, shared by the command line and the viewer, so the
 * same run gives the same bytes anywhere: JavaScript's shortest round-trip form (exact when read
 * back), integers without a decimal point, and an empty cell for a missing value — never NaN.
 */

/** A table cell: a number, a text, or missing. */
export type Cell = number | string | null;

export function formatNumber(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '';
  if (Object.is(x, -0)) return '0';
  return String(x);
}

/** RFC 4180: a field holding a comma, a double quote or a line break is quoted, quotes doubled. */
export function csvField(cell: Cell): string {
  if (typeof cell !== 'string') return formatNumber(cell);
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** One CSV record, CRLF-terminated as RFC 4180 lays down. */
export function csvRow(cells: readonly Cell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

/** Records formatted as CSV text, and how many there are. */
export interface CsvPart {
  readonly text: string;
  readonly rows: number;
}

/**
 * `rows` as one CSV text: a part of a file written elsewhere (cli/output.ts startCsv), such as a
 * run's rows formatted by its worker.
 */
export function csvPart(rows: Iterable<readonly Cell[]>): CsvPart {
  const lines = Array.from(rows, csvRow);
  return { text: lines.join(''), rows: lines.length };
}
