/**
 * Result files: what one `npm run bench` measured, on which machine and commit, as JSON in
 * bench/results/ (git-ignored). compare.ts reads two of them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Measurement } from './measure.ts';

/** One run of one configuration, with the figures the table shows. */
export interface RunRow extends Measurement {
  /** 1 … repeat: which repetition of its configuration this run was. */
  readonly repetition: number;
  /** persons × days / run seconds. */
  readonly agentDaysPerSecond: number;
  /** Run nanoseconds / (ties × days). */
  readonly nsPerTieDay: number;
  /** Peak RSS / persons. */
  readonly bytesPerPerson: number;
  /**
   * (Peak RSS − RSS at the child's start) / persons: the world's own share, without node, tsx and
   * the loaded modules (about 100 MB, which dominate bytesPerPerson for small populations).
   */
  readonly bytesPerPersonOverStart: number;
}

/** The outcome of one target (targets.ts) in this file. */
export interface TargetOutcome {
  readonly says: string;
  readonly status: 'pass' | 'fail' | 'not run';
  /** The mean over the configuration's runs of the metric the target bounds. */
  readonly value?: number;
}

export interface Machine {
  readonly node: string;
  readonly cpu: string;
  readonly cores: number;
  readonly platform: string;
  readonly arch: string;
  readonly totalMemoryBytes: number;
}

export interface ResultFile {
  /** Bumped when the format changes in a way compare.ts must know about. */
  readonly schema: 1;
  /** When the benchmark started, ISO 8601. */
  readonly date: string;
  /** The commit measured; `dirty` if tracked files had changes. Null outside a git checkout. */
  readonly git: { readonly commit: string; readonly dirty: boolean } | null;
  readonly machine: Machine;
  readonly options: { readonly configs: readonly string[]; readonly repeat: number; readonly phases: boolean };
  readonly runs: readonly RunRow[];
  readonly targets: readonly TargetOutcome[];
}

const REPO = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = fileURLToPath(new URL('results/', import.meta.url));

/** A measurement with its derived figures. */
export function toRow(m: Measurement, repetition: number): RunRow {
  return {
    ...m,
    repetition,
    agentDaysPerSecond: (m.persons * m.days) / m.runSeconds,
    nsPerTieDay: (m.runSeconds * 1e9) / (m.ties * m.days),
    bytesPerPerson: m.peakRssBytes / m.persons,
    bytesPerPersonOverStart: (m.peakRssBytes - m.memory.start.rss) / m.persons,
  };
}

export function thisMachine(): Machine {
  const cores = cpus();
  return {
    node: process.version,
    cpu: cores[0]?.model ?? 'unknown',
    cores: cores.length,
    platform: process.platform,
    arch: process.arch,
    totalMemoryBytes: totalmem(),
  };
}

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

/** The checked-out commit, or null if git or the repository is missing. */
export function gitVersion(): ResultFile['git'] {
  try {
    return { commit: git('rev-parse', '--short', 'HEAD'), dirty: git('status', '--porcelain', '--untracked-files=no') !== '' };
  } catch {
    return null;
  }
}

/**
 * Writes `result` to bench/results/<timestamp>-<commit>.json and returns the path. The timestamp
 * is ISO 8601's basic format (20250101T093000Z): it sorts by time and, without colons, is a valid
 * file name on every system.
 */
export function writeResult(result: ResultFile): string {
  const stamp = result.date.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const path = `${RESULTS}${stamp}${result.git ? `-${result.git.commit}` : ''}.json`;
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  return path;
}

/** Reads a result file; throws an Error whose message names the file and the problem. */
export function readResult(path: string): ResultFile {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new Error(`${path}: ${reason}`, { cause: error });
  }
  const file = data as Partial<ResultFile> | null;
  if (file?.schema !== 1 || !Array.isArray(file.runs)) throw new Error(`${path}: expected a bench result file (schema 1), as written by npm run bench`);
  file.runs.forEach((run, i) => {
    for (const key of ['config', 'agentDaysPerSecond', 'peakRssBytes'] as const) {
      if (run?.[key] === undefined) throw new Error(`${path}: runs[${i}].${key}: missing`);
    }
  });
  return file as ResultFile;
}
