/** Small sweeps for the command-line tests: files, running them in the background, comparing. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Journal } from '../../cli/sweep/journal.ts';
import { ROOT } from './kith.ts';

/** The CSV files every sweep writes. */
export const SWEEP_CSVS = ['runs.csv', 'summary.csv', 'effects.csv', 'points.csv'];

/** Persons and days small enough for a test: the crisis of covid-lockdown runs to day 160. */
export const SMALL = ['--persons', '150', '--days', '170', '--quiet'];

/**
 * Writes a sweep file into `dir`: by default a 2 × 3 grid on covid-lockdown's two lockdown arms
 * with 2 replicates (24 runs), naming the scenario by its absolute path.
 */
export function writeSweep(dir: string, changes: Record<string, unknown> = {}, name = 'sweep.json'): string {
  const sweep = {
    name: 'test-grid',
    scenario: join(ROOT, 'scenarios/covid-lockdown.json'),
    arms: ['no-online-shg', 'online-shg'],
    parameters: [
      { path: 'lockdown.faceToFaceCut', values: [0.5, 0.9] },
      { path: 'lockdown.formalCapacity', min: 0.25, max: 0.75, levels: 3 },
    ],
    design: { type: 'grid' },
    replicates: 2,
    seed: 7,
    ...changes,
  };
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(sweep, null, 2));
  return file;
}

/** Starts the compiled kith in the background. */
export function kithInBackground(args: readonly string[]): ChildProcess {
  return spawn(process.execPath, [join(ROOT, 'build/cli/kith.js'), ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Whole records in a sweep folder's journal (none if there is no journal yet). */
export function journalRecords(dir: string): number {
  const path = join(dir, '.sweep/journal');
  if (!existsSync(path)) return 0;
  let n = 0;
  const { journal } = Journal.resume(path, () => n++, false);
  journal.close();
  return n;
}

/** Resolves once `test()` holds, checking every 20 ms, or rejects after `ms`. */
export async function until(test: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Resolves with the exit code (or the signal) of a child process. */
export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += String(d)));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
}

/** The files of `files` that differ between two folders (byte for byte). */
export function differing(a: string, b: string, files: readonly string[]): string[] {
  return files.filter((f) => !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
}
