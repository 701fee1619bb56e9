/** effects.csv's pairing: runs of the same seed, in a subgroup only where it holds the same persons. */
import { describe, expect, it } from 'vitest';
import { effectsRows, type MetricsRecord } from '../../sim/output/tables.ts';
import { RUN_METRICS, type RunMetrics } from '../../sim/record/metrics.ts';
import { membershipKey } from '../../sim/record/subgroups.ts';

const SUBGROUPS = ['everyone', 'no-internet'] as const;

/** A run whose every metric is `value`, with the given members in each subgroup. */
function record(arm: string, replicate: number, value: number, members: readonly Int32Array[]): MetricsRecord {
  const metrics = Object.fromEntries(RUN_METRICS.map((m) => [m.name, value])) as RunMetrics;
  return {
    arm,
    replicate,
    seed: replicate + 1,
    outcomes: {
      subgroups: SUBGROUPS as unknown as MetricsRecord['outcomes']['subgroups'],
      subgroupSizes: members.map((m) => m.length),
      subgroupKeys: members.map(membershipKey),
      metrics: members.map(() => metrics),
    },
  };
}

/** effects.csv's depth row of `subgroup`: n, mean_difference. */
function depthEffect(runs: MetricsRecord[], subgroup: string) {
  const row = [...effectsRows('s', 'ref', runs)].find((r) => r[3] === subgroup && r[4] === 'depth');
  return { n: row?.[5], mean: row?.[6] };
}

describe('effects', () => {
  const everyone = Int32Array.from({ length: 10 }, (_, i) => i);
  const offline = Int32Array.of(1, 4, 7);
  const otherOffline = Int32Array.of(1, 4);

  it('gives a subgroup’s members a key that is the same for the same persons and differs for others', () => {
    expect(membershipKey(Int32Array.of(1, 4, 7))).toBe(membershipKey(offline));
    expect(membershipKey(offline)).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set([offline, otherOffline, Int32Array.of(1, 4, 8), Int32Array.of(4, 1, 7), new Int32Array(0)].map(membershipKey)).size).toBe(5);
  });

  it('pairs a subgroup where it holds the same persons in the arm and the reference', () => {
    const runs = [0, 1].flatMap((r) => [record('ref', r, 0.1, [everyone, offline]), record('arm', r, 0.3, [everyone, offline])]);
    expect(depthEffect(runs, 'no-internet')).toEqual({ n: 2, mean: 0.19999999999999998 });
  });

  it('leaves a subgroup unpaired where the arm changes who is in it, and still pairs the others', () => {
    const runs = [0, 1].flatMap((r) => [record('ref', r, 0.1, [everyone, offline]), record('arm', r, 0.3, [everyone, otherOffline])]);
    expect(depthEffect(runs, 'no-internet')).toEqual({ n: 0, mean: null });
    expect(depthEffect(runs, 'everyone').n).toBe(2);
  });

  it('pairs the runs whose subgroup agrees when only some replicates differ', () => {
    const runs = [
      record('ref', 0, 0.1, [everyone, offline]),
      record('arm', 0, 0.3, [everyone, offline]),
      record('ref', 1, 0.1, [everyone, offline]),
      record('arm', 1, 0.5, [everyone, otherOffline]),
    ];
    expect(depthEffect(runs, 'no-internet')).toEqual({ n: 1, mean: 0.19999999999999998 });
  });
});
