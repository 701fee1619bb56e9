/**
 * Running a planned sweep: runs go out to worker threads, each finished run is appended to the
 * journal (and fsync'd) as it comes back and then dropped, and the final files are assembled from
 * the journal at the end. Ctrl-C stops the workers and leaves the journal whole; `--resume`
 * replays it and runs only what is missing.
 */
import { existsSync } from 'node:fs';
import { RUN_METRICS, runSeed } from '../../sim/index.ts';
import { EXIT } from '../errors.ts';
import { OutputDir } from '../output.ts';
import { runPool, type PoolHandle } from '../pool.ts';
import { progress, type Progress } from '../progress.ts';
import type { Job, JobResult } from '../worker.ts';
import { assemble, type Source } from './assemble.ts';
import { Journal, type RunEntry } from './journal.ts';
import { pointsOf, type Shard, type SweepLayout } from './layout.ts';
import type { SweepPlan } from './plan.ts';
import { Schedule, type RunKey } from './schedule.ts';
import { handsMasksOn, maskRole, ReferenceMasks, takesMasks } from '../reference-masks.ts';
import { journalPath, lock, writePlanFile } from './state.ts';

/** The value the sequential rule judges: the metric for everyone. */
function ruleValue(layout: SweepLayout, entry: Pick<RunEntry, 'subgroups' | 'metrics'>): number | null {
  if (!layout.sequential) return null;
  const m = RUN_METRICS.findIndex((x) => x.name === layout.sequential?.metric);
  return entry.metrics[entry.subgroups.indexOf('everyone')][m];
}

/** A fresh schedule for a shard's points (all points without a shard). */
export function scheduleOf(layout: SweepLayout, shard: Shard | null): Schedule {
  const rule = layout.sequential && { precision: layout.sequential.precision, max: layout.sequential.max, batch: layout.replicates };
  // With --subgroups reference, the reference arm's runs first: the others take its subgroup masks.
  const reference = layout.subgroups === 'reference' ? layout.arms.indexOf(layout.reference) : -1;
  return new Schedule(pointsOf(layout, shard), layout.arms.length, layout.replicates, rule, reference >= 0 ? reference : undefined);
}

/** A journal on disk replayed through a fresh schedule. */
export function replay(dir: string, layout: SweepLayout, shard: Shard | null, writable: boolean): Source & { dropped: number; droppedRecords: number } {
  const schedule = scheduleOf(layout, shard);
  const { journal, dropped, droppedRecords } = Journal.resume(journalPath(dir), (entry) => schedule.finish(entry, ruleValue(layout, entry)), writable);
  return { journal, schedule, shard, dropped, droppedRecords };
}

/** What a finished run leaves in the journal: its metrics, and its timeseries rows (formatted by the worker) on request. */
function entryOf(layout: SweepLayout, key: RunKey, seed: number, result: JobResult): { entry: RunEntry; data: string } {
  const o = result.outcomes;
  const metrics = o.metrics.map((m) => RUN_METRICS.map(({ name }) => m[name]));
  const rows = layout.timeseries ? { dataRows: result.timeseries?.rows ?? 0 } : {};
  return { entry: { ...key, seed, subgroups: o.subgroups, sizes: o.subgroupSizes, keys: o.subgroupKeys, metrics, ...rows }, data: result.timeseries?.text ?? '' };
}

/** What --resume says of a journal's tail it could not read: a crash cuts off one record; damage further in, more. */
function droppedTail(path: string, bytes: number, records: number): string {
  if (records <= 1) return `the last record in ${path} was cut off (${bytes} bytes); its run will be done again`;
  return `${path} is damaged ${bytes} bytes before its end, where ${records} records begin; those runs will be done again`;
}

/**
 * With --subgroups reference, the reference runs' day-0 subgroup masks handed to the other arms'
 * runs of the same point and replicate (cli/reference-masks.ts).
 */
function maskHandover(plan: SweepPlan, layout: SweepLayout) {
  const masks = new ReferenceMasks();
  const handsOn = handsMasksOn(layout.subgroups, layout.reference, layout.arms);
  const roleOf = (key: RunKey, job: Pick<Job, 'params' | 'subgroupsFrom'>) =>
    handsOn ? maskRole(`${key.point}/${key.replicate}`, layout.arms[key.arm], layout.reference, job.params, job.subgroupsFrom) : null;
  const takers = new Map<number, number>();
  /** Runs of a replicate at `point` that take the reference run's masks (the same for each replicate). */
  const takersAt = (point: number): number => {
    const known = takers.get(point);
    if (known !== undefined) return known;
    const at = (arm: number) => ({ params: plan.params(point, arm), subgroupsFrom: plan.subgroupsFrom(point, arm) });
    const count = layout.arms.filter((_, arm) => takesMasks(roleOf({ point, arm, replicate: 0 }, at(arm)))).length;
    takers.set(point, count);
    return count;
  };
  return {
    prepare: (key: RunKey, job: Job): Job => masks.prepare(job, roleOf(key, job), () => takersAt(key.point)),
    finished: (key: RunKey, job: Job, result: JobResult): void => masks.finished(roleOf(key, job), result),
  };
}

/** Runs the plan; resolves with what it wrote, or exits 130 on Ctrl-C. */
export async function executeSweep(plan: SweepPlan, commandLine: string[]): Promise<string> {
  const started = new Date();
  const { layout, shard, out } = plan;
  // What a Ctrl-C must undo, filled in as it is made: the handler is installed before anything is
  // made in the folder, so a Ctrl-C at any moment finds it (made first, a lock and journal could
  // be left by the default action, with no word of them).
  const made: { unlock?: () => void; source?: Source; bar?: Progress; pool?: PoolHandle; output?: OutputDir } = {};
  const interrupt = () => {
    made.bar?.stop();
    void made.pool?.stop();
    made.output?.abort();
    made.source?.journal.close();
    made.unlock?.();
    const schedule = made.source?.schedule;
    const saved = schedule ? `${schedule.finished} of ${schedule.planned} runs are saved in ${out}: add --resume to the same command to continue` : 'no run was started';
    process.stderr.write(`kith: interrupted; ${saved}\n`);
    process.exit(EXIT.interrupted);
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    made.unlock = lock(out);
    const source = openJournal(plan);
    made.source = source;
    const { journal, schedule } = source;
    const bar = progress(shard ? `shard ${shard.index}/${shard.count}: runs` : 'runs', schedule.planned, plan.quiet, schedule.finished);
    made.bar = bar;
    const keys = new Map<number, RunKey>();
    let nextId = 0;
    const masks = maskHandover(plan, layout);
    const queue = {
      next(): Job | undefined {
        const key = schedule.next();
        if (!key) return undefined;
        const seed = runSeed(layout.seed, key.point, key.replicate);
        const id = nextId++;
        keys.set(id, key);
        const label = `point ${key.point}, arm ${JSON.stringify(layout.arms[key.arm])}, replicate ${key.replicate}, seed ${seed}`;
        const timeseries = layout.timeseries ? { scenario: layout.scenario, arm: layout.arms[key.arm], replicate: key.replicate, point: key.point } : undefined;
        const job = { id, label, seed, params: plan.params(key.point, key.arm), subgroupsFrom: plan.subgroupsFrom(key.point, key.arm), options: {}, threads: plan.threads, timeseries };
        return masks.prepare(key, job);
      },
    };
    const output = new OutputDir(out);
    made.output = output;
    await runPool(
      queue,
      plan.workers,
      (job, result) => {
        const key = keys.get(job.id) as RunKey;
        keys.delete(job.id);
        masks.finished(key, job, result);
        const { entry, data } = entryOf(layout, key, job.seed, result);
        journal.append(entry, data);
        schedule.finish(key, ruleValue(layout, entry));
        bar.total(schedule.planned);
        bar.tick();
      },
      (handle) => (made.pool = handle),
    );
    bar.stop();
    if (!schedule.complete) throw new Error(`the sweep stopped with ${schedule.finished} of ${schedule.planned} runs done`);
    if (shard) return `shard ${shard.index}/${shard.count} into ${out} (${schedule.finished} runs); when every shard is done: kith merge`;
    assemble(output, layout, [source], { command: commandLine, started, workers: plan.workers, threads: plan.threads });
    return out;
  } finally {
    made.bar?.stop();
    made.source?.journal.close();
    made.unlock?.();
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}

/** The journal to append to: the folder's, replayed, with --resume; else a new one, after the plan. */
function openJournal(plan: SweepPlan): Source {
  const { layout, shard, out } = plan;
  if (plan.resume && existsSync(journalPath(out))) {
    const replayed = replay(out, layout, shard, true);
    if (replayed.dropped > 0 && !plan.quiet) process.stderr.write(`kith: ${droppedTail(journalPath(out), replayed.dropped, replayed.droppedRecords)}\n`);
    return replayed;
  }
  writePlanFile(out, { kithSweep: 1, shard, layout });
  return { journal: Journal.create(journalPath(out)), schedule: scheduleOf(layout, shard), shard };
}
