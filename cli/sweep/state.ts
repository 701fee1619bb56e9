/**
 * A sweep folder's state, in DIR/.sweep: plan.json (the layout and the shard), journal (the runs
 * finished so far) and lock (the process writing them). --resume and `kith merge` read it; it
 * stays after the sweep so that a finished shard can be merged and a finished sweep re-assembled.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../errors.ts';
import { alive, makeFolder } from '../output.ts';
import type { Shard, SweepLayout } from './layout.ts';

export interface PlanFile {
  /** Format of this file. */
  readonly kithSweep: 1;
  readonly shard: Shard | null;
  readonly layout: SweepLayout;
}

export const stateDir = (dir: string) => join(dir, '.sweep');
export const journalPath = (dir: string) => join(stateDir(dir), 'journal');
const planPath = (dir: string) => join(stateDir(dir), 'plan.json');
const lockPath = (dir: string) => join(stateDir(dir), 'lock');

/** The plan saved in `dir`, if a sweep was started there. */
export function readPlanFile(dir: string): PlanFile | undefined {
  if (!existsSync(planPath(dir))) return undefined;
  try {
    const plan = JSON.parse(readFileSync(planPath(dir), 'utf8')) as PlanFile;
    if (plan.kithSweep !== 1 || !plan.layout?.fingerprint) throw new Error('unknown format');
    return plan;
  } catch (e) {
    throw new UsageError(`${planPath(dir)}: not a kith sweep plan (${(e as Error).message})`);
  }
}

/** Saves the plan, whole or not at all. */
export function writePlanFile(dir: string, plan: PlanFile): void {
  makeFolder(stateDir(dir));
  const temp = `${planPath(dir)}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(plan)}\n`);
  const fd = openSync(temp, 'r');
  fsyncSync(fd);
  closeSync(fd);
  renameSync(temp, planPath(dir));
}

/** The process that holds `dir`'s lock, if it is still running on this machine. */
export function lockHolder(dir: string): number | undefined {
  if (!existsSync(lockPath(dir))) return undefined;
  const [host, pid] = readFileSync(lockPath(dir), 'utf8').trim().split(' ');
  return host === hostname() && Number(pid) !== process.pid && alive(Number(pid)) ? Number(pid) : undefined;
}

/**
 * Takes the folder for this process: two processes appending to one journal would interleave
 * records. A lock left by a process that was killed is taken over.
 */
export function lock(dir: string): () => void {
  const holder = lockHolder(dir);
  if (holder !== undefined) throw new UsageError(`--out ${dir}: another kith sweep (process ${holder}) is writing to this folder`);
  makeFolder(stateDir(dir));
  writeFileSync(lockPath(dir), `${hostname()} ${process.pid}\n`);
  return () => rmSync(lockPath(dir), { force: true });
}
