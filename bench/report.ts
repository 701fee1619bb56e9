/** The tables and lines run.ts prints. */
import { kernelsOf, PHASE_NAMES } from './profile.ts';
import type { RunRow, TargetOutcome } from './results.ts';
import { fixed, formatTable, type Column } from './table.ts';

const MB = 1e6;

const RUN_COLUMNS: readonly Column[] = [
  { header: 'config', align: 'left' },
  { header: 'persons', align: 'right' },
  { header: 'ties', align: 'right' },
  { header: 'build s', align: 'right' },
  { header: 'run s', align: 'right' },
  { header: 'M agent-days/s', align: 'right' },
  { header: 'ns/tie-day', align: 'right' },
  { header: 'peak RSS MB', align: 'right' },
  { header: 'bytes/person', align: 'right' },
  { header: 'over start', align: 'right' },
];

/**
 * One row per run; a configuration run more than once is numbered (small #2). "over start" is
 * bytes per person above the child's RSS before the build (node, tsx and the modules).
 */
export function runTable(runs: readonly RunRow[], repeat: number): string {
  return formatTable(
    RUN_COLUMNS,
    runs.map((r) => [
      repeat > 1 ? `${r.config} #${r.repetition}` : r.config,
      fixed(r.persons, 0),
      fixed(r.ties, 0),
      fixed(r.buildSeconds, 2),
      fixed(r.runSeconds, 2),
      fixed(r.agentDaysPerSecond / 1e6, 2),
      fixed(r.nsPerTieDay, 1),
      fixed(r.peakRssBytes / MB, 0),
      fixed(r.bytesPerPerson, 0),
      fixed(r.bytesPerPersonOverStart, 0),
    ]),
  );
}

const PHASE_COLUMNS: readonly Column[] = [
  { header: 'phase', align: 'left' },
  { header: 'seconds', align: 'right' },
  { header: '% of run', align: 'right' },
  { header: 'ns/agent-day', align: 'right' },
];

/**
 * Where a configuration's run time went, phase by phase, averaged over its runs, each phase's
 * kernels indented under it (the rest of the phase is its serial work). The loop itself and the
 * clock reads show as "between phases".
 */
export function phaseTable(runs: readonly RunRow[]): string {
  const mean = (f: (r: RunRow) => number) => runs.reduce((sum, r) => sum + f(r), 0) / runs.length;
  const run = mean((r) => r.runSeconds);
  const agentDays = runs[0].persons * runs[0].days;
  const row = (name: string, seconds: number) => [name, fixed(seconds, 3), fixed((100 * seconds) / run, 1), fixed((seconds * 1e9) / agentDays, 1)];
  const phases = PHASE_NAMES.flatMap((name) => [
    row(name, mean((r) => r.phases?.[name] ?? 0)),
    ...kernelsOf(runs[0].phases ?? {}, name).map((kernel) => row(`  ${kernel}`, mean((r) => r.phases?.[`${name}.${kernel}`] ?? 0))),
  ]);
  const inPhases = PHASE_NAMES.reduce((sum, name) => sum + mean((r) => r.phases?.[name] ?? 0), 0);
  return formatTable(PHASE_COLUMNS, [...phases, row('between phases', run - inPhases), row('run', run)]);
}

/** `PASS  medium: at least …  (2.31 M agent-days/s)`. */
export function targetLine(outcome: TargetOutcome): string {
  const status = { pass: 'PASS', fail: 'FAIL', 'not run': 'SKIP' }[outcome.status];
  // Ratios (scaling, threads) are small numbers: three decimals, so that one on its limit shows
  // which side it fell (scaling 1.504 printed as '1.50' beside FAIL).
  const digits = outcome.value !== undefined && outcome.value < 100 ? 3 : 0;
  const value = outcome.status === 'not run' ? '(configuration not run)' : outcome.value === undefined ? '' : `(measured ${fixed(outcome.value, digits)})`;
  return `${status}  ${outcome.says}  ${value}`;
}
