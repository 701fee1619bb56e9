/**
 * `npm run bench:workers [-- --runs 20 --persons 20000]`: does running replicates on two worker
 * threads nearly double the throughput of one? Runs the compiled kith (npm run build:cli first)
 * twice on the same work — covid-lockdown's online-shg arm, --runs replicates of --persons
 * persons, 365 days — with --workers 1 and --workers 2, and prints runs per minute and the
 * speed-up against issue 5's target (2 workers ≥ 1.8 × one). Wall time of the whole command,
 * so it counts what a user waits for; a benchmark, not a test: it always exits 0.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KITH = join(ROOT, 'build/cli/kith.js');
const TARGET = 1.8;

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const runs = flag('runs', 20);
const persons = flag('persons', 20_000);
const dir = mkdtempSync(join(tmpdir(), 'kith-workers-'));

function seconds(workers: number): number {
  const started = performance.now();
  const args = ['run', 'scenarios/covid-lockdown.json', '--arms', 'online-shg', '--replicates', String(runs), '--persons', String(persons), '--workers', String(workers), '--quiet', '--out', join(dir, `w${workers}`)];
  const r = spawnSync(process.execPath, [KITH, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`kith ${args.join(' ')} exited with ${r.status}`);
  return (performance.now() - started) / 1000;
}

try {
  console.log(`${runs} runs of ${persons.toLocaleString('en')} persons × 365 days (covid-lockdown, online-shg)\n`);
  const one = seconds(1);
  const two = seconds(2);
  const row = (workers: number, s: number) => `${String(workers).padStart(7)}  ${s.toFixed(1).padStart(9)}  ${((60 * runs) / s).toFixed(1).padStart(12)}`;
  console.log('workers  seconds  runs/minute');
  console.log(row(1, one));
  console.log(row(2, two));
  const speedUp = one / two;
  console.log(`\n${speedUp >= TARGET ? 'PASS' : 'FAIL'}  sweep throughput: 2 workers at least ${TARGET}x one worker  (measured ${speedUp.toFixed(2)}x)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
