/**
 * `npx tsx bench/sweep-memory.ts [--runs 2000] [--workers 2]`: does a sweep's memory stay flat?
 *
 * Runs the compiled kith (npm run build:cli first) in child processes of their own and reads
 * each one's peak RSS (maxRSS, worker threads included) as it exits: one `kith run` of a single
 * small run, then sweeps of a tenth of --runs and of --runs small runs (covid-lockdown's two
 * lockdown arms, 100 persons, 170 days, 5 replicates per point). A sweep that held its runs in
 * memory would grow with their number; the bound is 300 MB above the single run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KITH = join(ROOT, 'build/cli/kith.js');
const SMALL = ['--persons', '100', '--days', '170', '--quiet'];
const REPLICATES = 5;
const ARMS = 2;

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const dir = mkdtempSync(join(tmpdir(), 'kith-sweep-memory-'));
// Loaded before kith in each child: writes the process's peak RSS (kB) when it exits.
const probe = join(dir, 'rss.mjs');
writeFileSync(probe, "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.KITH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n");

/** Peak RSS in MB of `kith args`, and its wall time in seconds. */
function measure(args: string[]): { mb: number; seconds: number } {
  const file = join(dir, `rss-${Date.now()}`);
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--import', probe, KITH, ...args], { cwd: ROOT, env: { ...process.env, KITH_RSS_FILE: file }, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`kith ${args.join(' ')} exited with ${r.status}`);
  return { mb: Number(readFileSync(file, 'utf8')) / 1024, seconds: (Date.now() - started) / 1000 };
}

function sweepOf(runs: number): string {
  const points = Math.max(2, Math.round(runs / (REPLICATES * ARMS)));
  const file = join(dir, `sweep-${points}.json`);
  const sweep = {
    name: `memory-${points}`,
    scenario: join(ROOT, 'scenarios/covid-lockdown.json'),
    arms: ['no-online-shg', 'online-shg'],
    parameters: [{ path: 'shg.pJoin', min: 0.01, max: 0.03, levels: points }],
    design: { type: 'grid' },
    replicates: REPLICATES,
    seed: 1,
  };
  writeFileSync(file, JSON.stringify(sweep));
  return file;
}

const runs = flag('runs', 2000);
const workers = String(flag('workers', 2));
const single = measure(['run', 'scenarios/covid-lockdown.json', '--arms', 'online-shg', '--replicates', '1', '--workers', '1', ...SMALL, '--out', join(dir, 'single')]);
console.log(`one run (kith run, 1 worker):      peak RSS ${single.mb.toFixed(0)} MB`);
for (const n of [Math.round(runs / 10), runs]) {
  const sweep = measure(['sweep', sweepOf(n), '--workers', workers, ...SMALL, '--out', join(dir, `sweep-${n}`)]);
  const above = sweep.mb - single.mb;
  console.log(`sweep of ${n} runs (${workers} workers): peak RSS ${sweep.mb.toFixed(0)} MB, ${above.toFixed(0)} MB above one run, ${sweep.seconds.toFixed(0)} s`);
  if (n === runs) console.log(above <= 300 ? 'PASS: within 300 MB of one run' : 'FAIL: more than 300 MB above one run');
}
rmSync(dir, { recursive: true, force: true });
