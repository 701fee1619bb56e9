/**
 * --subgroups reference hands the reference runs' day-0 subgroup masks to the other arms' runs on
 * the same seeds (cli/reference-masks.ts), and hands the reference arm's runs out first.
 */
import { describe, expect, it } from 'vitest';
import { ReferenceMasks, type MaskRole } from '../../cli/reference-masks.ts';
import { Schedule, type RunKey } from '../../cli/sweep/schedule.ts';
import type { Job, JobResult } from '../../cli/worker.ts';
import { defaultParams } from '../../sim/index.ts';

const DEFAULTS = defaultParams();
const job = (id: number): Job => ({ id, label: `run ${id}`, params: DEFAULTS, subgroupsFrom: DEFAULTS, seed: id, options: {} });
const result = (masks: Uint8Array) => ({ subgroupMasks: masks }) as unknown as JobResult;
const keeps = (key: string): MaskRole => ({ keeps: key });
const takes = (key: string): MaskRole => ({ takes: key });
const two = () => 2;

describe('the reference runs’ masks', () => {
  it('go to the runs of its seed that start after it has finished, and are then let go', () => {
    const masks = new ReferenceMasks();
    const mine = new Uint8Array([1, 3, 5]);
    expect(masks.prepare(job(0), keeps('1'), two).keepSubgroupMasks).toBe(true);
    // Started before the reference run finished: builds the reference world itself, as before.
    const early = masks.prepare(job(1), takes('1'), two);
    expect(early.subgroupMasks).toBeUndefined();
    expect(early.subgroupsFrom).toBe(DEFAULTS);
    masks.finished(keeps('1'), result(mine));
    expect(masks.held).toBe(1);
    const late = masks.prepare(job(2), takes('1'), two);
    expect(late.subgroupMasks).toBe(mine);
    expect(late.subgroupsFrom).toBeUndefined();
    expect(masks.held).toBe(0);
  });

  it('are not asked for when every run that would take them has started', () => {
    const masks = new ReferenceMasks();
    masks.prepare(job(1), takes('4'), two);
    masks.prepare(job(2), takes('4'), two);
    expect(masks.prepare(job(0), keeps('4'), two).keepSubgroupMasks).toBeUndefined();
    masks.finished(keeps('4'), result(new Uint8Array([1])));
    expect(masks.held).toBe(0);
  });

  it('are kept per seed, and not at all where no run takes them', () => {
    const masks = new ReferenceMasks();
    expect(masks.prepare(job(0), keeps('1'), () => 0).keepSubgroupMasks).toBeUndefined();
    masks.prepare(job(1), keeps('2'), two);
    masks.prepare(job(2), keeps('3'), two);
    masks.finished(keeps('2'), result(new Uint8Array([2])));
    masks.finished(keeps('3'), result(new Uint8Array([3])));
    expect(masks.prepare(job(3), takes('3'), two).subgroupMasks).toEqual(new Uint8Array([3]));
    expect(masks.prepare(job(4), takes('2'), two).subgroupMasks).toEqual(new Uint8Array([2]));
    expect(masks.held).toBe(2);
  });

  it('leave runs with no part in them as they are', () => {
    const masks = new ReferenceMasks();
    const own = job(5);
    expect(masks.prepare(own, null, two)).toBe(own);
  });
});

/** Every key a schedule hands out until it has none, as `arm@replicate`. */
function handedOut(schedule: Schedule): string[] {
  const keys: string[] = [];
  for (let key: RunKey | undefined; (key = schedule.next()); ) keys.push(`${key.arm}@${key.replicate}`);
  return keys;
}

describe('a sweep’s schedule', () => {
  it('hands out a batch replicate by replicate, arm by arm', () => {
    expect(handedOut(new Schedule([0], 3, 2, null))).toEqual(['0@0', '1@0', '2@0', '0@1', '1@1', '2@1']);
  });

  it('with a first arm, hands out its runs of each batch ahead of the others', () => {
    expect(handedOut(new Schedule([0], 3, 2, null, 1))).toEqual(['1@0', '1@1', '0@0', '2@0', '0@1', '2@1']);
    expect(handedOut(new Schedule([0], 3, 2, null, 2))).toEqual(['2@0', '2@1', '0@0', '1@0', '0@1', '1@1']);
  });

  it('does so batch by batch under sequential replication, skipping runs already done', () => {
    const schedule = new Schedule([0], 2, 2, { precision: 0, max: 4, batch: 2 }, 1);
    schedule.finish({ point: 0, arm: 0, replicate: 1 }, 1); // on disk (--resume)
    expect(handedOut(schedule)).toEqual(['1@0', '1@1', '0@0']);
    for (const [arm, replicate, value] of [[1, 0, 1], [1, 1, 2], [0, 0, 3]]) schedule.finish({ point: 0, arm, replicate }, value);
    // The rule asks for another batch (precision 0 is never reached): replicates 2 and 3.
    expect(handedOut(schedule)).toEqual(['1@2', '1@3', '0@2', '0@3']);
  });
});
