/**
 * `kith sweep` and `kith merge` end to end, through the compiled command: byte-identical files
 * whatever the workers, shards, or crashes on the way; paired seeds; a run reproduced alone from
 * points.csv; sequential replication; and the tables kith run writes, with a point column.
 */
import { parse } from 'csv-parse/sync';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EFFECTS_COLUMNS, RUNS_COLUMNS, SUMMARY_COLUMNS, TIMESERIES_COLUMNS } from '../../sim/index.ts';
import { canonicalJson } from '../../cli/sweep/plan.ts';
import { kith, read, ROOT, tempDir } from '../helpers/kith.ts';
import { differing, exited, journalRecords, kithInBackground, SMALL, SWEEP_CSVS, until, writeSweep } from '../helpers/sweep.ts';

type Row = Record<string, string>;
const rowsOf = (dir: string, file: string): Row[] => parse(read(dir, file), { columns: true }) as Row[];
const header = (dir: string, file: string) => (parse(read(dir, file), { to_line: 1 }) as string[][])[0];
const names = (columns: readonly { name: string }[]) => columns.map((c) => c.name);
const withPoint = (columns: readonly { name: string }[]) => ['scenario', 'point', ...names(columns).slice(1)];
const ALL = [...SWEEP_CSVS, 'timeseries.csv', 'datapackage.json'];

describe('kith sweep', () => {
  let file = '';
  let one = '';
  let two = '';
  beforeAll(() => {
    const dir = tempDir();
    file = writeSweep(dir);
    [one, two] = [join(dir, 'one'), join(dir, 'two')];
    expect(kith(['sweep', file, ...SMALL, '--timeseries', '--workers', '1', '--out', one]).status).toBe(0);
    // Two workers of two threads each: files the same as one worker of one thread.
    expect(kith(['sweep', file, ...SMALL, '--timeseries', '--workers', '2', '--threads', '2', '--out', two]).status).toBe(0);
  });

  it('writes kith run’s tables with a point column, and points.csv', () => {
    expect(header(one, 'runs.csv')).toEqual(withPoint(RUNS_COLUMNS));
    expect(header(one, 'summary.csv')).toEqual(withPoint(SUMMARY_COLUMNS));
    expect(header(one, 'effects.csv')).toEqual(withPoint(EFFECTS_COLUMNS));
    expect(header(one, 'timeseries.csv')).toEqual(withPoint(TIMESERIES_COLUMNS));
    const points = rowsOf(one, 'points.csv');
    expect(points.map((p) => [p['lockdown.faceToFaceCut'], p['lockdown.formalCapacity']])).toEqual([
      ['0.5', '0.25'], ['0.5', '0.5'], ['0.5', '0.75'], ['0.9', '0.25'], ['0.9', '0.5'], ['0.9', '0.75'],
    ]);
    expect(rowsOf(one, 'runs.csv')).toHaveLength(6 * 2 * 2 * 8);
    const pkg = JSON.parse(read(one, 'datapackage.json'));
    for (const resource of pkg.resources) expect(header(one, resource.path), resource.path).toEqual(resource.schema.fields.map((f: { name: string }) => f.name));
  });

  it('records in its manifest the scenario as read, its SHA-256, the settings, workers and threads', () => {
    const manifest = JSON.parse(read(two, 'manifest.json'));
    // As checked: the file's content but for "$schema", which only tells editors where the schema is.
    const { $schema: _schema, ...scenario } = JSON.parse(readFileSync(join(ROOT, 'scenarios/covid-lockdown.json'), 'utf8'));
    expect(manifest.sweep.source.scenario).toEqual(scenario);
    expect(manifest.sweep.source.scenarioSha256).toBe(createHash('sha256').update(canonicalJson(scenario)).digest('hex'));
    expect(manifest.sweep.source.settings).toEqual({ persons: 150, days: 170 });
    expect([manifest.workers, manifest.threads]).toEqual([2, 2]);
  });

  it('gives byte-identical files with 1 worker and with 2 workers of 2 threads', () => {
    expect(differing(one, two, ALL)).toEqual([]);
  });

  it('leaves only its own files where a run wrote before, and a run only its own where it did', () => {
    const dir = tempDir();
    const run = ['run', 'scenarios/covid-lockdown.json', ...SMALL, '--replicates', '1', '--agents', '--out', dir];
    expect(kith(run).status).toBe(0);
    expect(kith(['sweep', file, ...SMALL, '--out', dir]).status).toBe(0);
    const sweepFiles = ['datapackage.json', 'effects.csv', 'manifest.json', 'points.csv', 'runs.csv', 'summary.csv'];
    expect(readdirSync(dir).filter((f) => !f.startsWith('.')).sort()).toEqual(sweepFiles);
    // Once its journal is deleted, the folder may take a run, which leaves no points.csv of the sweep.
    rmSync(join(dir, '.sweep'), { recursive: true });
    expect(kith(run).status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['agents.csv', 'datapackage.json', 'effects.csv', 'manifest.json', 'runs.csv', 'summary.csv', 'timeseries.csv']);
  });

  it('gives the same files from 3 shards merged as from one unsharded sweep', () => {
    const dir = tempDir();
    const shards = [1, 2, 3].map((i) => join(dir, `shard-${i}`));
    shards.forEach((out, i) => expect(kith(['sweep', file, ...SMALL, '--timeseries', '--shard', `${i + 1}/3`, '--out', out]).status).toBe(0));
    const r = kith(['merge', shards[2], shards[0], shards[1], '--out', join(dir, 'merged')]);
    expect(r.status, r.stderr).toBe(0);
    expect(differing(one, join(dir, 'merged'), ALL)).toEqual([]);
    // Each shard holds whole points, and only its own.
    const runs = shards.map((s) => journalRecords(s));
    expect(runs).toEqual([8, 8, 8]);
  });

  it('pairs the arms at every point: the same seeds, those of points.csv', () => {
    const runs = rowsOf(one, 'runs.csv').filter((r) => r.subgroup === 'everyone');
    for (const point of rowsOf(one, 'points.csv')) {
      const seeds = point.seeds.split(' ');
      for (const arm of ['no-online-shg', 'online-shg']) {
        expect(runs.filter((r) => r.point === point.point && r.arm === arm).map((r) => r.seed)).toEqual(seeds);
      }
    }
    expect(new Set(runs.map((r) => r.seed)).size).toBe(6 * 2);
  });

  it('with --subgroups reference, says so in its manifest and points.csv, and resumes only with it', () => {
    const out = join(tempDir(), 'followed');
    const r = kith(['sweep', file, ...SMALL, '--subgroups', 'reference', '--workers', '2', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(read(out, 'manifest.json')).sweep.subgroups).toBe('reference');
    expect(rowsOf(out, 'points.csv')[0].command).toContain(' --subgroups reference ');
    // These arms differ in their timelines only, so their subgroups already held the same persons.
    for (const f of ['runs.csv', 'summary.csv', 'effects.csv']) expect(read(out, f) === read(one, f), f).toBe(true);
    const again = kith(['sweep', file, ...SMALL, '--resume', '--out', out]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/holds a different sweep/);
  });

  it('with --subgroups reference, gives the other arms the same rows whether the reference arm’s runs hand them their subgroups or they find them themselves', () => {
    const dir = tempDir();
    const divide = { scenario: join(ROOT, 'scenarios/digital-divide.json'), parameters: [{ path: 'lockdown.faceToFaceCut', values: [0.5, 0.9] }] };
    const both = writeSweep(dir, { ...divide, arms: ['no-platform', 'older-online-30'] }, 'both.json');
    const alone = writeSweep(dir, { ...divide, arms: ['older-online-30'] }, 'alone.json');
    for (const [sweep, workers] of [[both, '1'], [alone, '2']]) {
      const r = kith(['sweep', sweep, ...SMALL, '--subgroups', 'reference', '--workers', workers, '--out', join(dir, workers)]);
      expect(r.status, r.stderr).toBe(0);
    }
    const armRows = (out: string) => rowsOf(out, 'runs.csv').filter((row) => row.arm === 'older-online-30');
    expect(armRows(join(dir, '1')).length).toBe(2 * 2 * 8);
    expect(armRows(join(dir, '1'))).toEqual(armRows(join(dir, '2')));
  });

  it('says, before running, that effects.csv will have no rows when the sweep file’s arms leave out the reference arm', () => {
    // As kith run does for --arms; a sweep once wrote its empty effects.csv without a word.
    const dir = tempDir();
    const args = ['sweep', writeSweep(dir, { arms: ['online-shg'], parameters: [{ path: 'lockdown.faceToFaceCut', values: [0.5] }], replicates: 1 }), '--persons', '150', '--days', '170'];
    const r = kith([...args, '--out', join(dir, 'loud')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe('kith: the reference arm "no-online-shg" is not among the sweep file\'s arms, so effects.csv will have no rows');
    expect(read(join(dir, 'loud'), 'effects.csv').trimEnd().split('\r\n')).toHaveLength(1);
    expect(kith([...args, '--quiet', '--out', join(dir, 'quiet')]).stderr).toBe('');
    expect(kith(['sweep', file, ...SMALL.filter((a) => a !== '--quiet'), '--out', join(dir, 'paired')]).stderr).not.toContain('reference arm');
  });

  it('reproduces a point alone with the kith run command of points.csv', () => {
    const point = rowsOf(one, 'points.csv')[4];
    const words = point.command.split(' ');
    expect(words.slice(0, 2)).toEqual(['kith', 'run']);
    const out = tempDir();
    const r = kith([...words.slice(1), '--quiet', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const strip = (row: Row) => {
      const { scenario: _s, point: _p, ...rest } = row;
      return rest;
    };
    const swept = rowsOf(one, 'runs.csv').filter((row) => row.point === '4' && row.replicate === '0').map(strip);
    expect(rowsOf(out, 'runs.csv').map(strip)).toEqual(swept);
  });

  it('resumes a sweep killed with SIGKILL to the same files, running no run twice', async () => {
    const dir = tempDir();
    const big = writeSweep(dir, { replicates: 4 }); // 48 runs: time to kill it half-way
    const [whole, killed] = [join(dir, 'whole'), join(dir, 'killed')];
    const child = kithInBackground(['sweep', big, ...SMALL, '--timeseries', '--workers', '2', '--out', killed]);
    const done = exited(child);
    await until(() => journalRecords(killed) >= 10);
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    const saved = journalRecords(killed);
    expect(saved).toBeLessThan(48);
    const again = kith(['sweep', big, ...SMALL, '--timeseries', '--workers', '2', '--out', killed]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/holds a sweep already; add --resume/);
    const resumed = kith(['sweep', big, ...SMALL, '--timeseries', '--workers', '2', '--out', killed, '--resume']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(kith(['sweep', big, ...SMALL, '--timeseries', '--workers', '1', '--out', whole]).status).toBe(0);
    expect(differing(whole, killed, ALL)).toEqual([]);
    expect(journalRecords(killed)).toBe(48);
    const manifest = JSON.parse(read(killed, 'manifest.json'));
    expect(manifest.runs).toBe(48);
  });

  it('says how many records a journal damaged in its middle loses, and runs them again', () => {
    const dir = join(tempDir(), 'damaged');
    mkdirSync(join(dir, '.sweep'), { recursive: true });
    for (const f of ['plan.json', 'journal']) copyFileSync(join(one, '.sweep', f), join(dir, '.sweep', f));
    const journal = join(dir, '.sweep/journal');
    const bytes = readFileSync(journal);
    // A byte of the 11th of 24 records changed: its hash no longer matches, and the 13 after it
    // are dropped with it.
    let at = 0;
    for (let k = 0; k < 11; k++) at = bytes.indexOf('\nR ', at + 1);
    expect(at).toBeGreaterThan(0);
    bytes[bytes.indexOf('\n', at + 1) + 10] ^= 1;
    writeFileSync(journal, bytes);
    const r = kith(['sweep', file, '--persons', '150', '--days', '170', '--timeseries', '--workers', '2', '--out', dir, '--resume']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/journal is damaged \d+ bytes before its end, where 14 records begin; those runs will be done again\n/);
    expect(differing(one, dir, ALL)).toEqual([]);
    expect(journalRecords(dir)).toBe(24);
  });

  it('detects a record cut off by a crash and runs it again', () => {
    const dir = join(tempDir(), 'cut');
    mkdirSync(join(dir, '.sweep'), { recursive: true });
    for (const f of ['plan.json', 'journal']) copyFileSync(join(one, '.sweep', f), join(dir, '.sweep', f));
    const journal = join(dir, '.sweep/journal');
    truncateSync(journal, statSync(journal).size - 1000); // into the last record's timeseries rows
    expect(journalRecords(dir)).toBe(23);
    const r = kith(['sweep', file, '--persons', '150', '--days', '170', '--timeseries', '--workers', '2', '--out', dir, '--resume']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/the last record in .*journal was cut off \(\d+ bytes\); its run will be done again/);
    expect(differing(one, dir, ALL)).toEqual([]);
    expect(journalRecords(dir)).toBe(24);
  });

  it('stops cleanly on Ctrl-C, writing no final file, and resumes', async () => {
    const dir = tempDir();
    const big = writeSweep(dir, { replicates: 4 });
    const out = join(dir, 'out');
    const child = kithInBackground(['sweep', big, '--persons', '150', '--days', '170', '--workers', '2', '--out', out]);
    const done = exited(child);
    await until(() => journalRecords(out) >= 5);
    child.kill('SIGINT');
    const { code, stderr } = await done;
    expect(code).toBe(130);
    expect(stderr).toMatch(/kith: interrupted; \d+ of 48 runs are saved in .*: add --resume to the same command to continue\n$/);
    expect(() => statSync(join(out, 'runs.csv'))).toThrow();
    expect(kith(['sweep', big, ...SMALL, '--workers', '2', '--out', out, '--resume']).status).toBe(0);
    expect(journalRecords(out)).toBe(48);
  });

  it('adds replicates until the CI half-width is below --precision, the same on 1 and 2 workers', () => {
    const dir = tempDir();
    // A target between the points' half-widths after 4 replicates, so some stop there and some not.
    const probe = join(dir, 'probe');
    expect(kith(['sweep', file, ...SMALL, '--precision', '1e-9', '--max-replicates', '4', '--out', probe]).status).toBe(0);
    const widths = rowsOf(probe, 'points.csv').map((p) => Number(p.half_width));
    const sorted = [...widths].sort((x, y) => x - y);
    const target = (sorted[2] + sorted[3]) / 2;
    const flags = [...SMALL, '--precision', String(target), '--metric', 'depth', '--max-replicates', '6'];
    const [a, b] = [join(dir, 'a'), join(dir, 'b')];
    expect(kith(['sweep', file, ...flags, '--workers', '1', '--out', a]).status).toBe(0);
    expect(kith(['sweep', file, ...flags, '--workers', '2', '--out', b]).status).toBe(0);
    expect(differing(a, b, SWEEP_CSVS)).toEqual([]);
    const points = rowsOf(a, 'points.csv');
    const counts = points.map((p) => Number(p.replicates));
    points.forEach((p, k) => {
      expect(counts[k], `point ${k}`).toBe(widths[k] < target ? Math.min(counts[k], 4) : 6);
      expect(Number(p.half_width) < target || counts[k] === 6, `point ${k}`).toBe(true);
      expect(p.precise).toBe(Number(p.half_width) < target ? '1' : '0');
    });
    expect(new Set(counts).size, 'some points should stop early and others not').toBeGreaterThan(1);
    const runs = rowsOf(a, 'runs.csv').filter((r) => r.subgroup === 'everyone');
    points.forEach((_, k) => expect(runs.filter((r) => r.point === String(k))).toHaveLength(2 * counts[k]));
    // The half-width recorded is the widest over arms of the summary's interval for depth.
    const summary = rowsOf(a, 'summary.csv').filter((r) => r.subgroup === 'everyone' && r.metric === 'depth');
    for (const p of points) {
      const halves = summary.filter((r) => r.point === p.point).map((r) => (Number(r.ci_high) - Number(r.ci_low)) / 2);
      expect(Number(p.half_width)).toBeCloseTo(Math.max(...halves), 12);
    }
    expect(journalRecords(a)).toBe(2 * counts.reduce((sum, n) => sum + n, 0));
  });
});

describe('kith sweep with a Morris design', () => {
  it('ranks the free parameters by μ* on depth in sensitivity.csv, from the points’ means', () => {
    const dir = tempDir();
    const example = JSON.parse(readFileSync(join(ROOT, 'scenarios/sweeps/morris-free-parameters.json'), 'utf8'));
    const file = writeSweep(dir, { ...example, $schema: undefined, scenario: join(ROOT, 'scenarios/covid-lockdown.json'), arms: ['online-shg'], design: { type: 'morris', trajectories: 2 }, replicates: 1 });
    const out = join(dir, 'out');
    const r = kith(['sweep', file, '--persons', '100', '--days', '170', '--quiet', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const k = example.parameters.length;
    const rows = rowsOf(out, 'sensitivity.csv').filter((row) => row.subgroup === 'everyone' && row.metric === 'depth');
    expect(rows.map((row) => Number(row.rank))).toEqual(Array.from({ length: k }, (_, i) => i + 1));
    expect(rows.map((row) => row.parameter).sort()).toEqual(example.parameters.map((p: { path: string }) => p.path).sort());
    for (let i = 1; i < k; i++) expect(Number(rows[i].mu_star)).toBeLessThanOrEqual(Number(rows[i - 1].mu_star));
    // μ* again, by hand: steps between consecutive points of a trajectory, in units of each range.
    const points = rowsOf(out, 'points.csv');
    const depth = new Map(rowsOf(out, 'summary.csv').filter((s) => s.subgroup === 'everyone' && s.metric === 'depth').map((s) => [s.point, Number(s.mean)]));
    const effects = new Map<string, number[]>();
    for (let t = 0; t < 2; t++) {
      for (let s = t * (k + 1); s < (t + 1) * (k + 1) - 1; s++) {
        const moved = example.parameters.find((p: { path: string }) => points[s][p.path] !== points[s + 1][p.path]);
        const step = (Number(points[s + 1][moved.path]) - Number(points[s][moved.path])) / (moved.max - moved.min);
        effects.set(moved.path, [...(effects.get(moved.path) ?? []), ((depth.get(String(s + 1)) as number) - (depth.get(String(s)) as number)) / step]);
      }
    }
    for (const row of rows) {
      const ee = effects.get(row.parameter) as number[];
      expect(Number(row.trajectories)).toBe(2);
      expect(Number(row.mu_star)).toBeCloseTo(ee.reduce((s, e) => s + Math.abs(e), 0) / 2, 6);
    }
  });
});

describe('kith merge', () => {
  let file = '';
  let shards: string[] = [];
  beforeAll(() => {
    const dir = tempDir();
    file = writeSweep(dir, { parameters: [{ path: 'lockdown.faceToFaceCut', values: [0.25, 0.5, 0.9] }] });
    shards = [1, 2, 3].map((i) => join(dir, `shard-${i}`));
    shards.forEach((out, i) => expect(kith(['sweep', file, ...SMALL, '--shard', `${i + 1}/3`, '--out', out]).status).toBe(0));
  });

  const unchanged = (args: string[], message: RegExp) => {
    const out = join(tempDir(), 'merged');
    const r = kith(['merge', ...args, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(message);
    expect(() => statSync(out)).toThrow();
  };

  it('exits 2 with one line, writing nothing, when a shard is missing', () => unchanged([shards[0], shards[2]], /^kith merge: shard 2\/3 is missing$/));
  it('exits 2 when a shard is given twice', () => unchanged([shards[0], shards[1], shards[1], shards[2]], /shard 2\/3 is given twice/));
  it('exits 2 for a folder that is not a sweep', () => unchanged([tempDir()], /not a sweep folder \(no \.sweep\/plan\.json\)$/));

  it('exits 2 when a shard is not finished', () => {
    const cut = join(tempDir(), 'cut');
    mkdirSync(join(cut, '.sweep'), { recursive: true });
    for (const f of ['plan.json', 'journal']) copyFileSync(join(shards[1], '.sweep', f), join(cut, '.sweep', f));
    truncateSync(join(cut, '.sweep/journal'), statSync(join(cut, '.sweep/journal')).size - 10);
    unchanged([shards[0], cut, shards[2]], /cut: shard 2\/3 is not finished \(3 of 4 runs\); run it again with --resume$/);
  });

  it('merges into the folder kith sweep writes by default, under out/ even for a sweep named ".."', () => {
    // kith merge once named its default folder out/<name> itself, and out/.. is the working folder.
    const cwd = tempDir();
    const dotted = writeSweep(cwd, { name: '..', parameters: [{ path: 'lockdown.faceToFaceCut', values: [0.5, 0.9] }], arms: ['no-online-shg'], replicates: 1 });
    const halves = [1, 2].map((i) => join(cwd, `half-${i}`));
    halves.forEach((out, i) => expect(kith(['sweep', dotted, ...SMALL, '--shard', `${i + 1}/2`, '--out', out]).status).toBe(0));
    writeFileSync(join(cwd, 'runs.csv'), 'the user’s own\n');
    const r = kith(['merge', ...halves, '--quiet'], cwd);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(cwd, 'runs.csv'), 'utf8')).toBe('the user’s own\n');
    expect(readdirSync(join(cwd, 'out/unnamed'))).toContain('runs.csv');
  });

  it('exits 2 for a shard of another sweep', () => {
    const other = join(tempDir(), 'other');
    expect(kith(['sweep', file, ...SMALL, '--persons', '160', '--shard', '2/3', '--out', other]).status).toBe(0);
    unchanged([shards[0], other, shards[2]], /other holds a shard of another sweep than .*shard-1 — .*shard-1's settings \(--set, --persons, --days\): \{"days":170,"persons":150\}, .*other's: \{"days":170,"persons":160\}$/);
  });
});
