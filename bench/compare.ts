/**
 * `npm run bench:compare -- BEFORE.json AFTER.json`
 *
 * For each configuration in both result files: the change in agent-days per second and in peak
 * memory, in %, with a noise band of ±2 standard errors when either file holds repeats
 * (`npm run bench -- --repeat N`), and each side's range. A change inside its band may be noise.
 */
import { resolve } from 'node:path';
import { parseCompareArgs, usageError } from './args.ts';
import { readResult, type ResultFile, type RunRow } from './results.ts';
import { mean, relativeChange } from './stats.ts';
import { fixed, formatTable, percent, type Column } from './table.ts';

/** A figure compared, and which direction of change is better. */
interface Compared {
  readonly label: string;
  readonly of: (r: RunRow) => number;
  readonly show: (x: number) => string;
  readonly better: 'higher' | 'lower';
  /** Words for a change beyond noise: [better, worse]. */
  readonly words: readonly [string, string];
}

const COMPARED: readonly Compared[] = [
  { label: 'M agent-days/s', of: (r) => r.agentDaysPerSecond, show: (x) => fixed(x / 1e6, 2), better: 'higher', words: ['faster', 'slower'] },
  { label: 'peak RSS MB', of: (r) => r.peakRssBytes, show: (x) => fixed(x / 1e6, 0), better: 'lower', words: ['smaller', 'larger'] },
];

const COLUMNS: readonly Column[] = [
  { header: 'config', align: 'left' },
  { header: 'figure', align: 'left' },
  { header: 'runs', align: 'right' },
  { header: 'before', align: 'right' },
  { header: 'after', align: 'right' },
  { header: 'change', align: 'right' },
  { header: 'noise ±2 SE', align: 'right' },
  { header: 'reading', align: 'left' },
];

function describe(label: string, path: string, file: ResultFile): string {
  const commit = file.git ? `${file.git.commit}${file.git.dirty ? ' (dirty)' : ''}` : 'no commit';
  return `${label}: ${path} — ${file.date}, ${commit}, node ${file.machine.node}, ${file.machine.cpu}, ${file.machine.cores} cores`;
}

/** The mean, and with repeats their range: "1.62 (1.34–2.14)". */
function summary(xs: readonly number[], show: (x: number) => string): string {
  return xs.length < 2 ? show(mean(xs)) : `${show(mean(xs))} (${show(Math.min(...xs))}–${show(Math.max(...xs))})`;
}

/** The rows of one configuration: one per compared figure. */
function rows(config: string, before: readonly RunRow[], after: readonly RunRow[]): string[][] {
  return COMPARED.map((c) => {
    const a = before.map(c.of);
    const b = after.map(c.of);
    const { change, band } = relativeChange(a, b);
    const improved = c.better === 'higher' ? change > 0 : change < 0;
    const reading = band === null ? 'no repeats: noise unknown' : Math.abs(change) <= band ? 'within noise' : c.words[improved ? 0 : 1];
    return [config, c.label, `${a.length}/${b.length}`, summary(a, c.show), summary(b, c.show), percent(change), band === null ? '—' : `±${band.toFixed(1)}%`, reading];
  });
}

function main(): void {
  const args = parseCompareArgs(process.argv.slice(2));
  // npm runs scripts from the package root; INIT_CWD is where the command was typed.
  const from = process.env.INIT_CWD ?? process.cwd();
  let before: ResultFile;
  let after: ResultFile;
  try {
    before = readResult(resolve(from, args.before));
    after = readResult(resolve(from, args.after));
  } catch (error) {
    usageError((error as Error).message);
  }

  console.log(describe('before', args.before, before));
  console.log(describe('after ', args.after, after));
  if (before.machine.cpu !== after.machine.cpu || before.machine.node !== after.machine.node || before.machine.cores !== after.machine.cores) {
    console.log('note: the two files come from different machines or node versions; their change is not the code\'s alone');
  }

  const configs = [...new Set([...before.runs, ...after.runs].map((r) => r.config))];
  const table: string[][] = [];
  const unpaired: string[] = [];
  for (const config of configs) {
    const a = before.runs.filter((r) => r.config === config);
    const b = after.runs.filter((r) => r.config === config);
    if (a.length === 0 || b.length === 0) unpaired.push(`${config} (only ${a.length ? 'before' : 'after'})`);
    else table.push(...rows(config, a, b));
  }
  console.log('');
  if (table.length > 0) console.log(formatTable(COLUMNS, table));
  else console.log('no configuration appears in both files');
  if (unpaired.length > 0) console.log(`\nnot compared: ${unpaired.join(', ')}`);
}

main();
