/**
 * A table as CSV text, byte for byte what `kith run` writes (cli/output.ts): the header of column
 * names, then one row per record, through the one number formatter, CRLF-terminated.
 */
import { csvRow, type Cell, type Column } from '../../sim/index.ts';

export function csvText(columns: readonly Column[], rows: Iterable<readonly Cell[]>): string {
  const parts = [csvRow(columns.map((c) => c.name))];
  for (const row of rows) parts.push(csvRow(row));
  return parts.join('');
}
