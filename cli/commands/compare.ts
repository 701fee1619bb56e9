/**
 * `kith compare <DIR>`: the summary and effects tables `kith run` wrote, read back and set out
 * for one subgroup — each arm's mean and 95% confidence interval per metric, then each arm's
 * paired effect against the reference, flagged where its interval excludes 0.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv, type Info } from 'csv-parse/sync';
import { EFFECTS_COLUMNS, nearest, SUMMARY_COLUMNS, type Column } from '../../sim/index.ts';
import { InputError } from '../../scenarios/load.ts';
import { listFlag, parse, type Options } from '../args.ts';
import { EXIT, UsageError } from '../errors.ts';
import { alignColumns } from '../table.ts';

const DEFAULT_METRICS = ['depth', 'loss', 'recoveryDays', 'recoveryCensored', 'peakDistress', 'peakLonely'];

export const COMPARE_HELP = `Usage: kith compare <DIR> [options]

Reads summary.csv and effects.csv from DIR, the output folder of kith run, and prints for one
subgroup each arm's mean of each metric with its 95% confidence interval, then each arm's
paired effect against the reference arm (arm − reference over the same seeds) with its 95%
confidence interval and standardised effect size d_z. A * marks an effect whose interval
excludes 0.

Options:
  --subgroup S       subgroup                                        (default everyone)
  --metrics m,…      metrics, in this order                          (default ${DEFAULT_METRICS.join(',')})
  -h, --help         this help

Metrics are described in datapackage.json and docs/ODD.md; — marks a missing value.
Exit status: 0 on success, 2 on bad input.`;

const OPTIONS: Options = {
  subgroup: { type: 'string' },
  metrics: { type: 'string' },
};

/** A row of a table read back: numbers for the numeric columns, null for an empty cell. */
type Row = Record<string, string | number | null>;

function checkFolder(dir: string): void {
  let isFolder: boolean;
  try {
    isFolder = statSync(dir).isDirectory();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(dir, code === 'ENOENT' ? 'no such folder' : `cannot be read (${code ?? (e as Error).message})`);
  }
  if (!isFolder) throw new InputError(dir, 'expected the output folder of kith run, but it is a file');
}

/** What compare says of a sweep's folder or tables: it reads one run's. */
const SWEEP_HINT = 'compare reads a kith run folder — run one point with the command points.csv gives for it';

/**
 * Checks the header against the declared columns (extra columns are allowed, but not a sweep's
 * point: one arm's rows would then be many points', and the last would pass for the arm's).
 */
function checkHeader(file: string, name: string, header: readonly string[], columns: readonly Column[]): void {
  if (header.includes('point')) throw new InputError(file, `a sweep's ${name} (it has a point column); ${SWEEP_HINT}`);
  const expected = columns.map((c) => c.name);
  const missing = expected.filter((column) => !header.includes(column));
  if (missing.length === 0) return;
  const problem =
    missing.length === expected.length
      ? `its columns are ${header.join(', ')}`
      : `no ${missing.length === 1 ? 'column' : 'columns'} ${missing.join(', ')}`;
  throw new InputError(file, `not the ${name} kith run writes: ${problem} (expected ${expected.join(', ')})`);
}

/** A cell as its column declares it: text, a number, or null for an empty cell. */
function cellOf(file: string, line: number, column: Column, text: string): string | number | null {
  if (column.type === 'string') return text;
  if (text.trim() === '') return null;
  const x = Number(text);
  if (!Number.isFinite(x)) throw new InputError(file, `line ${line}: ${column.name}: expected a number or an empty cell, got ${JSON.stringify(text)}`);
  return x;
}

/**
 * The text of a file kith run wrote in UTF-8. Read leniently, a table saved again as UTF-16 (as
 * spreadsheets offer) or a file that is not text would print its bytes as the header it lacks.
 */
function utf8Text(file: string, bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
    throw new InputError(file, `not UTF-8 text${utf16 ? ' but UTF-16' : ''}: kith run writes its tables in UTF-8; save it as UTF-8 CSV`);
  }
}

/** `DIR/<name>`: every row, its cells converted as the declared columns say. */
function readTable(dir: string, name: string, columns: readonly Column[]): Row[] {
  const file = join(dir, name);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(file, `no such file — is ${dir} the output of kith run?`);
    throw new InputError(file, `cannot be read (${code ?? (e as Error).message})`);
  }
  const text = utf8Text(file, bytes);
  let records: { record: Record<string, string>; info: Info }[];
  let header: string[] | undefined;
  try {
    // `columns` as a function: the header is checked before any row, even in a table without rows.
    const columnsOf = (names: string[]) => (checkHeader(file, name, names, columns), (header = names));
    records = parseCsv(text, { columns: columnsOf, info: true, bom: true }) as unknown as typeof records;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(file, `not valid CSV: ${(e as Error).message}`);
  }
  if (!header) throw new InputError(file, 'empty: expected a header line');
  // kith run ends every line with a line break: a last line without one was cut off — an
  // interrupted copy, say — and its last number may be only the first digits of the true one.
  if (!text.endsWith('\n')) throw new InputError(file, `line ${records.at(-1)?.info.lines ?? 1} ends without a line break: the file was cut short; copy it again`);
  return records.map(({ record, info }) => Object.fromEntries(columns.map((c) => [c.name, cellOf(file, info.lines, c, record[c.name])])));
}

/** Values in first-seen order. */
function distinct(rows: readonly Row[], column: string): string[] {
  return [...new Set(rows.map((r) => String(r[column])))];
}

function checkChoice(flag: string, what: string, chosen: string, valid: readonly string[]): void {
  if (valid.includes(chosen)) return;
  const guess = nearest(chosen, valid);
  const hint = guess ? `; did you mean ${JSON.stringify(guess)}?` : '';
  throw new UsageError(`kith compare: --${flag}: unknown ${what} ${JSON.stringify(chosen)}${hint} (the ${what}s are ${valid.join(', ')})`);
}

/** Drops a minus sign from a value that rounds to zero: `-0.000` reads as a sign that is not there. */
const unsigned0 = (text: string): string => (/^-0(\.0*)?$/.test(text) ? text.slice(1) : text);

/** Decimals that show 3 significant digits of `x`. */
const threeDigits = (x: number): number => 2 - Math.floor(Math.log10(Math.abs(x)));

/**
 * Decimals for a value and its interval, the same for all three so they line up: 3 significant
 * digits of the largest in size, a 4th where the value itself or the width of the interval would
 * otherwise show fewer than 3 and 2.
 */
function decimalsFor(value: number, ends: readonly number[]): number | 'exponential' {
  const scale = Math.max(Math.abs(value), ...ends.map(Math.abs));
  if (scale === 0) return 0;
  if (scale < 1e-4 || scale >= 1e7) return 'exponential';
  const three = threeDigits(scale);
  const halfWidth = ends.length === 2 ? Math.abs(ends[1] - ends[0]) / 2 : 0;
  const wanted = Math.max(three, value === 0 ? three : threeDigits(value), halfWidth > 0 ? threeDigits(halfWidth) - 1 : three);
  return Math.max(0, Math.min(wanted, three + 1));
}

function fixed(x: number, decimals: number | 'exponential'): string {
  return unsigned0(decimals === 'exponential' ? x.toPrecision(3) : x.toFixed(decimals));
}

/** `0.0580` and `[0.0560, 0.0600]`: a mean and its interval with the same decimals; — if missing. */
export function formatEstimate(mean: number | null, low: number | null, high: number | null): [string, string] {
  if (mean === null) return ['—', '—'];
  const hasCi = low !== null && high !== null;
  const decimals = decimalsFor(mean, hasCi ? [low, high] : []);
  return [fixed(mean, decimals), hasCi ? `[${fixed(low, decimals)}, ${fixed(high, decimals)}]` : '—'];
}

/** 3 significant digits (whole numbers from 1000 on), or — if missing. */
export function formatSignificant(x: number | null): string {
  if (x === null) return '—';
  return unsigned0(Math.abs(x) >= 1000 ? x.toFixed(0) : x.toPrecision(3));
}

const numberOf = (row: Row | undefined, column: string): number | null => (row ? (row[column] as number | null) : null);
const key = (arm: unknown, metric: unknown) => `${String(arm)}\u0000${String(metric)}`;

/** One subgroup's rows by arm and metric; a second row for one would hide the first. */
function byArmAndMetric(file: string, rows: readonly Row[]): Map<string, Row> {
  const table = new Map<string, Row>();
  for (const row of rows) {
    const k = key(row.arm, row.metric);
    if (table.has(k)) {
      throw new InputError(file, `two rows for arm ${JSON.stringify(row.arm)}, subgroup ${JSON.stringify(row.subgroup)}, metric ${JSON.stringify(row.metric)}: one kith run writes one (are two runs' tables joined?)`);
    }
    table.set(k, row);
  }
  return table;
}

interface Comparison {
  dir: string;
  scenario: string;
  subgroup: string;
  metrics: string[];
  arms: string[];
  reference: string | null;
  summary: Map<string, Row>;
  effects: Map<string, Row>;
  effectArms: string[];
}

function compareLines(c: Comparison): string[] {
  const label = (arm: string) => (arm === c.reference ? `${arm} (reference)` : arm);
  const meanRows = c.arms.flatMap((arm) =>
    c.metrics.map((metric, m) => {
      const row = c.summary.get(key(arm, metric));
      const [mean, ci] = formatEstimate(numberOf(row, 'mean'), numberOf(row, 'ci_low'), numberOf(row, 'ci_high'));
      return [m === 0 ? label(arm) : '', metric, mean, ci, String(numberOf(row, 'n') ?? '—')];
    }),
  );
  const lines = [
    `${c.scenario}: subgroup ${c.subgroup}, from ${c.dir}`,
    '',
    'Means over replicates, with 95% confidence intervals',
    ...alignColumns([['arm', 'metric', 'mean', '95% CI', 'n'], ...meanRows], ['l', 'l', 'r', 'l', 'r'], '  '),
    '',
  ];
  if (c.reference === null || c.effectArms.length === 0) {
    return [...lines, `No paired effects: effects.csv has no rows for subgroup ${c.subgroup} (was only one arm run, or not the reference?)`];
  }
  const effectRows = c.effectArms.flatMap((arm) =>
    c.metrics.map((metric, m) => {
      const row = c.effects.get(key(arm, metric));
      const low = numberOf(row, 'ci_low');
      const high = numberOf(row, 'ci_high');
      const [difference, ci] = formatEstimate(numberOf(row, 'mean_difference'), low, high);
      const excludes0 = low !== null && high !== null && (low > 0 || high < 0);
      return [m === 0 ? arm : '', metric, difference, ci, excludes0 ? '*' : '', formatSignificant(numberOf(row, 'effect_size')), String(numberOf(row, 'n') ?? '—')];
    }),
  );
  return [
    ...lines,
    `Paired effects against ${c.reference}: arm − reference over the same seeds; * where the 95% CI excludes 0`,
    ...alignColumns([['arm', 'metric', 'difference', '95% CI', '', 'd_z', 'n'], ...effectRows], ['l', 'l', 'r', 'l', 'l', 'r', 'r'], '  '),
    ...unpairedNote(c),
  ];
}

/**
 * Why an arm has no pair at all where it and the reference both have values: effects.csv pairs a
 * subgroup's runs only where it holds the same persons in both arms (kith run --subgroups says).
 */
function unpairedNote(c: Comparison): string[] {
  const n = (table: Map<string, Row>, arm: string, metric: string) => numberOf(table.get(key(arm, metric)), 'n') ?? 0;
  const reference = c.reference as string;
  const unpaired = c.effectArms.filter(
    (arm) => c.metrics.every((metric) => n(c.effects, arm, metric) === 0) && c.metrics.some((metric) => n(c.summary, arm, metric) > 0 && n(c.summary, reference, metric) > 0),
  );
  if (unpaired.length === 0) return [];
  return [
    '',
    `n 0 in ${unpaired.join(', ')}: subgroup ${c.subgroup} holds other persons there than in ${reference}, so no run is paired;`,
    `kith run --subgroups reference follows ${reference}'s persons into every arm and pairs them.`,
  ];
}

export function compare(argv: string[], help: string): number {
  const { values, positionals } = parse('compare', argv, OPTIONS);
  if (values.help) return console.log(help), EXIT.ok;
  if (positionals.length !== 1) throw new UsageError(`kith compare: expected one folder, the output of kith run, got ${positionals.length} (see kith compare --help)`);
  const dir = positionals[0];
  checkFolder(dir);
  // A sweep's summary has a row per point as well: one arm's numbers would be some point's.
  if (existsSync(join(dir, 'points.csv'))) {
    throw new UsageError(`kith compare: ${dir} holds a sweep (points.csv); ${SWEEP_HINT}`);
  }
  const summary = readTable(dir, 'summary.csv', SUMMARY_COLUMNS);
  const effects = readTable(dir, 'effects.csv', EFFECTS_COLUMNS);
  if (summary.length === 0) throw new InputError(join(dir, 'summary.csv'), 'no rows');

  const subgroup = (values.subgroup as string | undefined) ?? 'everyone';
  checkChoice('subgroup', 'subgroup', subgroup, distinct(summary, 'subgroup'));
  const metrics = listFlag(values.metrics) ?? DEFAULT_METRICS;
  if (metrics.length === 0) throw new UsageError('kith compare: --metrics: expected metric names separated by commas');
  const known = distinct(summary, 'metric');
  for (const metric of metrics) checkChoice('metrics', 'metric', metric, known);

  const mine = (rows: Row[]) => rows.filter((r) => r.subgroup === subgroup);
  const effectRows = mine(effects);
  console.log(
    compareLines({
      dir,
      scenario: distinct(summary, 'scenario').join(', '),
      subgroup,
      metrics,
      arms: distinct(summary, 'arm'),
      reference: effectRows.length > 0 ? String(effectRows[0].reference) : null,
      summary: byArmAndMetric(join(dir, 'summary.csv'), mine(summary)),
      effects: byArmAndMetric(join(dir, 'effects.csv'), effectRows),
      effectArms: distinct(effectRows, 'arm'),
    }).join('\n'),
  );
  return EXIT.ok;
}
