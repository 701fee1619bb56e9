/**
 * `kith sweep` on bad input: a wrong sweep file, flag or folder exits 2 with one line that names
 * the file and the place, before anything runs, and writes nothing.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kith, ROOT, snapshot, tempDir } from '../helpers/kith.ts';
import { SMALL, writeSweep } from '../helpers/sweep.ts';
import { howItDiffers } from '../../cli/sweep/plan.ts';
import type { SweepLayout } from '../../cli/sweep/layout.ts';

/** A folder with a file in it, to see that nothing is added or changed. */
const out = () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'keep.txt'), 'already here');
  return dir;
};

/** A sweep file with `changes` (a function of the default file, or keys to replace). */
const sweepWith = (changes: Record<string, unknown>) => writeSweep(tempDir(), changes, 'x.json');

/** A folder holding a finished one-point sweep of `file`. */
const holding = (file: string) => {
  const dir = join(tempDir(), 'held');
  expect(kith(['sweep', file, ...SMALL, '--out', dir]).status).toBe(0);
  return dir;
};
const onePoint = { parameters: [{ path: 'lockdown.faceToFaceCut', values: [0.5] }], replicates: 1 };

const cases: [string, () => { args: string[]; out?: string }, RegExp][] = [
  ['an unknown path', () => ({ args: [sweepWith({ parameters: [{ path: 'lockdown.faceToFace', values: [0.5] }] })] }), /x\.json: parameters\[0\]\.path: unknown parameter "lockdown\.faceToFace"; did you mean "lockdown\.faceToFaceCut"\?$/],
  ['an empty range', () => ({ args: [sweepWith({ parameters: [{ path: 'lockdown.faceToFaceCut', min: 0.5, max: 0.5, levels: 3 }] })] }), /x\.json: parameters\[0\]: empty range: min \(0\.5\) must be below max \(0\.5\)$/],
  ['a value of no parameter’s type', () => ({ args: [sweepWith({ parameters: [{ path: 'lockdown.faceToFaceCut', values: [0.5, null] }] })] }), /x\.json: parameters\[0\]\.values\[1\]: expected a number, or a text for a setting that takes one, got null$/],
  ['an empty list of values', () => ({ args: [sweepWith({ parameters: [{ path: 'lockdown.faceToFaceCut', values: [] }] })] }), /x\.json: parameters\[0\]\.values: expected at least one value, got \[\]$/],
  ['a Latin hypercube missing its size', () => ({ args: [sweepWith({ parameters: [{ path: 'lockdown.faceToFaceCut', min: 0.2, max: 0.8 }], design: { type: 'latin-hypercube' } })] }), /x\.json: design\.points: expected the number of points of the Latin hypercube, an integer of at least 1$/],
  ['a Morris design missing its size', () => ({ args: [sweepWith({ parameters: [{ path: 'lockdown.faceToFaceCut', min: 0.2, max: 0.8 }], design: { type: 'morris' } })] }), /x\.json: design\.trajectories: expected the number of Morris trajectories, an integer of at least 2$/],
  ['an odd number of Morris levels', () => ({ args: [sweepWith({ parameters: [{ path: 'lockdown.faceToFaceCut', min: 0.2, max: 0.8 }], design: { type: 'morris', trajectories: 4, levels: 3 } })] }), /x\.json: design\.levels: expected an even number of levels/],
  ['an unknown design', () => ({ args: [sweepWith({ design: { type: 'sobol' } })] }), /x\.json: design\.type: expected a design: \{"type": "grid"\}/],
  ['--shard 3/2', () => ({ args: [sweepWith({}), '--shard', '3/2'] }), /^kith sweep: --shard 3\/2: expected i\/N with i from 1 to N, e\.g\. --shard 1\/4 … --shard 4\/4$/],
  ['--shard 0/2', () => ({ args: [sweepWith({}), '--shard', '0/2'] }), /--shard 0\/2: expected i\/N with i from 1 to N/],
  ['a value out of the parameter’s range', () => ({ args: [sweepWith({ parameters: [{ path: 'lockdown.faceToFaceCut', values: [0.5, 1.5] }] })] }), /x\.json: parameters\[0\]\.values\[1\]: lockdown\.faceToFaceCut: expected a number from 0 to 1, got 1\.5$/],
  ['a grid range without levels', () => ({ args: [sweepWith({ parameters: [{ path: 'lockdown.faceToFaceCut', min: 0.2, max: 0.8 }] })] }), /x\.json: parameters\[0\]\.levels: a grid design needs values, or levels over the range$/],
  ['a design too large to hold', () => ({ args: [sweepWith({ parameters: [{ path: 'lockdown.faceToFaceCut', min: 0.2, max: 0.8 }], design: { type: 'latin-hypercube', points: 100_000_000 } })] }), /x\.json: design: it has 100,000,000 points; a sweep holds at most 1,000,000 \(split it, or use fewer levels or points\)$/],
  ['values in a Latin hypercube', () => ({ args: [sweepWith({ design: { type: 'latin-hypercube', points: 4 } })] }), /x\.json: parameters\[0\]\.values: a latin-hypercube design needs a range \(min and max\), not a list of values$/],
  ['a parameter varied twice', () => ({ args: [sweepWith({ parameters: [{ path: 'shg.pJoin', values: [0.01] }, { path: 'shg.pJoin', values: [0.02] }] })] }), /x\.json: parameters\[1\]\.path: shg\.pJoin is already varied by parameters\[0\]$/],
  ['an unknown key', () => ({ args: [sweepWith({ replicate: 3 })] }), /x\.json: replicate: unknown setting; did you mean "replicates"\?$/],
  ['invalid JSON', () => {
    const file = join(tempDir(), 'x.json');
    writeFileSync(file, '{\n  "name": "x",\n  "design": }\n');
    return { args: [file] };
  }, /x\.json: line 3, column 13: invalid JSON/],
  ['a missing sweep file', () => ({ args: ['scenarios/sweeps/nope.json'] }), /^kith: scenarios\/sweeps\/nope\.json: no such file$/],
  ['a missing scenario', () => ({ args: [sweepWith({ scenario: 'nope.json' })] }), /x\.json: scenario: .*nope\.json: no such file$/],
  ['an unknown arm', () => ({ args: [sweepWith({ arms: ['online'] })] }), /x\.json: arms\[0\]: unknown arm "online"; the arms of covid-lockdown are "no-lockdown", "no-online-shg", "online-shg"$/],
  ['a point the model refuses', () => ({ args: [sweepWith({ parameters: [{ path: 'perception.kappaKin', values: [0.1, 0.3] }] }), '--set', 'perception.kappa=0.25'] }), /x\.json: point 1 \(perception\.kappaKin=0\.3\), arm "no-online-shg": perception\.kappaKin: expected at most perception\.kappa \(0\.25\)/],
  ['--set of a swept parameter', () => ({ args: [sweepWith({}), '--set', 'lockdown.faceToFaceCut=0.3'] }), /^kith sweep: lockdown\.faceToFaceCut is varied by the sweep; drop it from --set, --persons or --days$/],
  ['an unknown --metric', () => ({ args: [sweepWith({}), '--precision', '0.01', '--metric', 'deep'] }), /--metric: expected one of baseline, depth, .*, got "deep"$/],
  ['--metric without --precision', () => ({ args: [sweepWith({}), '--metric', 'depth'] }), /^kith sweep: --metric goes with --precision/],
  ['a bad --precision', () => ({ args: [sweepWith({}), '--precision', '0'] }), /--precision: expected a number above 0, got "0"$/],
  ['--max-replicates below the replicates', () => ({ args: [sweepWith({ replicates: 4 }), '--precision', '0.01', '--max-replicates', '3'] }), /--max-replicates: expected an integer of at least 4, got "3"$/],
  ['an unknown flag', () => ({ args: [sweepWith({}), '--worker', '2'] }), /unknown flag --worker; did you mean --workers\?/],
  ['a folder holding this sweep, without --resume', () => {
    const file = sweepWith(onePoint);
    return { args: [file], out: holding(file) };
  }, /--out .*held holds a sweep already; add --resume to continue it, or choose another folder$/],
  ['a folder holding another sweep, with --resume', () => {
    const dir = holding(sweepWith(onePoint));
    return { args: [sweepWith({ ...onePoint, seed: 8 }), '--resume'], out: dir };
  }, /--out .*held holds a different sweep — its seed: 7, this one's: 8; choose another folder, or resume with the same sweep file and flags$/],
  ['a folder holding this sweep of other persons, with --resume', () => {
    const file = sweepWith(onePoint);
    return { args: [file, '--resume', '--persons', '160'], out: holding(file) };
  }, /--out .*held holds a different sweep — its settings \(--set, --persons, --days\): \{"days":170,"persons":150\}, this one's: \{"days":170,"persons":160\}; choose another folder, or resume with the same sweep file and flags$/],
  ['a folder holding this sweep without --timeseries, resumed with it', () => {
    const file = sweepWith(onePoint);
    return { args: [file, '--resume', '--timeseries'], out: holding(file) };
  }, /--out .*held holds a different sweep — its --timeseries: false, this one's: true; choose another folder, or resume with the same sweep file and flags$/],
  // Once 'holds shard 1/2 of this sweep, not no shard'.
  ['a folder holding a shard of this sweep, resumed without --shard', () => {
    const file = sweepWith(onePoint);
    const dir = join(tempDir(), 'held');
    expect(kith(['sweep', file, ...SMALL, '--shard', '1/1', '--out', dir]).status).toBe(0);
    return { args: [file, '--resume'], out: dir };
  }, /--out .*held holds shard 1\/1 of this sweep: resume it with --shard 1\/1, or choose another folder$/],
  ['a folder holding this sweep unsharded, resumed with --shard', () => {
    const file = sweepWith(onePoint);
    return { args: [file, '--resume', '--shard', '1/1'], out: holding(file) };
  }, /--out .*held holds this sweep unsharded: resume it with no --shard, or choose another folder$/],
  ['a journal without its plan, with --resume', () => {
    const file = sweepWith(onePoint);
    const dir = holding(file);
    rmSync(join(dir, '.sweep', 'plan.json'));
    return { args: [file, '--resume'], out: dir };
  }, /--out .*held holds a journal but no \.sweep\/plan\.json, so it cannot be told to be this sweep's; choose another folder$/],
  ['a damaged journal, with --resume', () => {
    const file = sweepWith(onePoint);
    const dir = holding(file);
    writeFileSync(join(dir, '.sweep', 'journal'), 'not a journal at all');
    return { args: [file, '--resume'], out: dir };
  }, /held\/\.sweep\/journal: not a kith sweep journal$/],
];

describe('kith sweep on bad input', () => {
  for (const [what, make, message] of cases) {
    it(`exits 2 with one clear line, writing nothing, for ${what}`, () => {
      const { args, out: given } = make();
      const dir = given ?? out();
      const before = snapshot(dir);
      const r = kith(['sweep', '--out', dir, ...SMALL, ...args], ROOT);
      expect(r.status, r.stderr).toBe(2);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(snapshot(dir)).toBe(before);
    });
  }
});

describe('kith sweep --resume', () => {
  it('takes the same settings given in another order, or by another flag, as the same sweep', () => {
    const file = sweepWith(onePoint);
    const dir = join(tempDir(), 'held');
    const first = ['--set', 'shg.pJoin=0.05', '--set', 'shocks.isolation=0.1', '--persons', '150'];
    expect(kith(['sweep', file, '--days', '170', '--quiet', ...first, '--out', dir]).status).toBe(0);
    const reordered = ['--set', 'persons=150', '--set', 'shocks.isolation=0.1', '--set', 'shg.pJoin=0.05'];
    const r = kith(['sweep', file, '--days', '170', '--quiet', ...reordered, '--out', dir, '--resume']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('howItDiffers', () => {
  it('names Kith’s version where nothing else differs, and no setting a plan saved without them cannot tell', () => {
    const dir = holding(sweepWith(onePoint));
    const { layout } = JSON.parse(readFileSync(join(dir, '.sweep', 'plan.json'), 'utf8')) as { layout: SweepLayout };
    expect(howItDiffers(layout, layout)).toBe('it was made by another version of Kith');
    const { source, ...older } = layout;
    const otherPersons = { ...layout, source: { ...(source as NonNullable<SweepLayout['source']>), settings: { persons: 9 } } };
    expect(howItDiffers(older, otherPersons)).toBe('another file, setting or version of Kith');
    expect(howItDiffers(older, { ...otherPersons, replicates: 3 })).toBe("its replicates: 1, this one's: 3");
  });
});
