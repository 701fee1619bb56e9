/**
 * `kith slurm`: the batch scripts it writes, and — on a real Slurm cluster (.ci/run starts a
 * one-node one with .ci/slurm-up.sh) — a 4-task sweep submitted with --submit whose merged files
 * equal a local `kith sweep`, byte for byte. Outside CI the cluster test is skipped only where
 * sbatch is not installed or no controller answers, and says so.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kith, snapshot, tempDir } from '../helpers/kith.ts';
import { differing, SWEEP_CSVS, until, writeSweep } from '../helpers/sweep.ts';

const SIZE = ['--persons', '150', '--days', '170'];
const HAS_SBATCH = !spawnSync('sbatch', ['--version']).error;
const CONTROLLER_UP = HAS_SBATCH && (spawnSync('scontrol', ['ping'], { encoding: 'utf8' }).stdout ?? '').includes(' is UP');
const SKIP = !CONTROLLER_UP && process.env.CI !== 'true';
if (SKIP) {
  const why = HAS_SBATCH ? 'no Slurm controller answers `scontrol ping`' : 'sbatch is not installed';
  console.warn(`test/cli/slurm.test.ts: ${why} here, so the Slurm cluster test is skipped (it always runs in CI)`);
}

describe('kith slurm', () => {
  it('writes a job array with one task per shard and a merge job that waits for it', () => {
    const dir = tempDir();
    const file = writeSweep(dir);
    const out = join(dir, 'cluster');
    const r = kith(['slurm', file, '--tasks', '4', '--out', out, '--partition', 'short', '--time', '0:30:00', '--mem', '2G', '--cpus-per-task', '2', ...SIZE, '--set', 'shg.pJoin=0.03', '--threads', '2', '--subgroups', 'reference']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/submit with: .*submit\.sh/);
    const array = readFileSync(join(out, 'kith-sweep.sbatch'), 'utf8');
    for (const line of ['#SBATCH --array=1-4', '#SBATCH --cpus-per-task=2', '#SBATCH --partition=short', '#SBATCH --time=0:30:00', '#SBATCH --mem=2G']) expect(array).toContain(line);
    expect(array).toMatch(/ sweep \S+sweep\.json --persons 150 --days 170 --set shg\.pJoin=0\.03 --threads 2 --subgroups reference --shard "\$SLURM_ARRAY_TASK_ID\/4" --out \S+shard-"\$SLURM_ARRAY_TASK_ID" --workers 2 --resume --quiet$/m);
    const merge = readFileSync(join(out, 'kith-merge.sbatch'), 'utf8');
    expect(merge).toMatch(new RegExp(` merge ${[1, 2, 3, 4].map((i) => `\\S+shard-${i}`).join(' ')} --out \\S+cluster$`, 'm'));
    expect(readFileSync(join(out, 'submit.sh'), 'utf8')).toMatch(/sbatch --parsable --dependency=afterok:"\$array" /);
  });

  const bad: [string, (file: string, out: string) => string[], RegExp][] = [
    ['no --tasks', (file, out) => [file, '--out', out], /^kith slurm: expected --tasks N/],
    ['a bad sweep file', (_file, out) => [writeSweep(tempDir(), { design: { type: 'latin-hypercube' } }), '--tasks', '2', '--out', out], /design\.points: expected the number of points/],
    ['more tasks than points', (file, out) => [file, '--tasks', '7', '--out', out], /^kith slurm: --tasks: expected at most the sweep's 6 points, got 7$/],
    ['--shard, which kith slurm sets', (file, out) => [file, '--tasks', '2', '--out', out, '--shard', '1/2'], /^kith slurm: --shard is set by kith slurm for each task; leave it out$/],
    // A line break would end the directive, and the rest be read as a directive of its own.
    ['a line break in --time', (file, out) => [file, '--tasks', '2', '--out', out, '--time', '1:00:00\n#SBATCH --account=other'], /^kith slurm: --time: Slurm's #SBATCH lines cannot take a backslash or a line break, as in "1:00:00\\n#SBATCH --account=other"$/],
    ['a % in --out, which --output reads as a pattern', (file, out) => [file, '--tasks', '2', '--out', `${out}-100%`], /^kith slurm: --out: Slurm's #SBATCH lines cannot take a backslash, a line break or %, as in ".*-100%\/logs"$/],
  ];
  for (const [what, args, message] of bad) {
    it(`exits 2 with one line, writing nothing, for ${what}`, () => {
      const out = join(tempDir(), 'cluster');
      const r = kith(['slurm', ...args(writeSweep(tempDir()), out)]);
      expect(r.status).toBe(2);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr.trimEnd()).toMatch(message);
      expect(existsSync(out)).toBe(false);
      expect(existsSync(`${out}-100%`)).toBe(false);
    });
  }

  // Once, the first script was written before the second failed: exit 1, Node's EISDIR or EEXIST.
  const inTheWay: [string, (out: string) => void, RegExp][] = [
    ['a folder where kith-merge.sbatch goes', (out) => mkdirSync(join(out, 'kith-merge.sbatch')), /^kith: --out (.*): \1\/kith-merge\.sbatch is a folder, where kith writes a file; move it, or choose another folder$/],
    ['a file where the logs folder goes', (out) => writeFileSync(join(out, 'logs'), ''), /^kith: --out .*\/logs: expected a folder, but it is a file$/],
  ];
  for (const [what, obstruct, message] of inTheWay) {
    it(`exits 2 with one line, writing no script, for ${what}`, () => {
      const out = tempDir();
      obstruct(out);
      const before = snapshot(out);
      const r = kith(['slurm', writeSweep(tempDir()), '--tasks', '2', '--out', out, ...SIZE]);
      expect(r.status).toBe(2);
      expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
      expect(r.stderr.trimEnd()).toMatch(message);
      expect(snapshot(out)).toBe(before);
    });
  }

  it('names --tasks, the flag it takes, when DIR holds the shards of as many tasks as before', () => {
    // Once 'resume it with --shard 1/2', a flag kith slurm refuses.
    const out = tempDir();
    const file = writeSweep(tempDir());
    expect(kith(['sweep', file, ...SIZE, '--quiet', '--shard', '1/2', '--out', join(out, 'shard-1')]).status).toBe(0);
    const r = kith(['slurm', file, '--tasks', '3', '--out', out, ...SIZE]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^kith slurm: --out .*shard-1 holds shard 1\/2 of this sweep: resume it with --tasks 2, or choose another folder\n$/);
  });

  it('writes its scripts again beside the merged files of an earlier submission, leaving those', () => {
    const out = tempDir();
    writeFileSync(join(out, 'runs.csv'), 'merged before\n');
    const file = writeSweep(tempDir());
    for (const tasks of ['2', '3']) expect(kith(['slurm', file, '--tasks', tasks, '--out', out, ...SIZE]).status).toBe(0);
    expect(readFileSync(join(out, 'kith-sweep.sbatch'), 'utf8')).toContain('#SBATCH --array=1-3');
    expect(statSync(join(out, 'submit.sh')).mode & 0o777).toBe(0o755);
    expect(readFileSync(join(out, 'runs.csv'), 'utf8')).toBe('merged before\n');
    expect(readdirSync(out).sort()).toEqual(['kith-merge.sbatch', 'kith-sweep.sbatch', 'logs', 'runs.csv', 'submit.sh']);
  });

  it.skipIf(SKIP)('submits a 4-task sweep with --submit and merges it into the files of a local kith sweep', async () => {
    const dir = tempDir();
    const file = writeSweep(dir);
    const [cluster, local] = [join(dir, 'cluster'), join(dir, 'local')];
    const r = kith(['slurm', file, '--tasks', '4', '--out', cluster, '--submit', ...SIZE]);
    expect(r.status, r.stderr).toBe(0);
    const [, array, merge] = /submitted job array (\d+) \(4 tasks\) and merge job (\d+)/.exec(r.stdout) ?? [];
    expect(array, r.stdout).toBeDefined();
    expect(kith(['sweep', file, ...SIZE, '--quiet', '--out', local]).status).toBe(0);
    const queued = () => spawnSync('squeue', ['--noheader', '--jobs', `${array},${merge}`, '--format', '%i'], { encoding: 'utf8' }).stdout.trim();
    await until(() => queued() === '', 300_000);
    const logs = () => ['merge.out', ...[1, 2, 3, 4].map((i) => `shard-${i}.out`)].map((f) => (existsSync(join(cluster, 'logs', f)) ? `${f}:\n${readFileSync(join(cluster, 'logs', f), 'utf8')}` : `${f}: none`)).join('\n');
    expect(existsSync(join(cluster, 'manifest.json')), logs()).toBe(true);
    expect(differing(local, cluster, [...SWEEP_CSVS, 'datapackage.json'])).toEqual([]);
    for (let i = 1; i <= 4; i++) expect(statSync(join(cluster, `shard-${i}`, '.sweep/journal')).size).toBeGreaterThan(0);
  }, 360_000);
});
