/**
 * `kith run` end to end, through the compiled command: determinism across workers, files that
 * parse back with an independent CSV parser to the engine's numbers, names that survive quoting,
 * columns that match datapackage.json, and bad input that changes nothing.
 */
import { parse } from 'csv-parse/sync';
import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { armParams } from '../../scenarios/scenario.ts';
import { parseScenario } from '../../scenarios/load.ts';
import { DAILY_OUTCOMES, run, RUN_METRICS } from '../../sim/index.ts';
import { kith, read, ROOT, snapshot, tempDir } from '../helpers/kith.ts';
import { exited, kithInBackground, until } from '../helpers/sweep.ts';

const SMALL = ['--persons', '600', '--days', '200', '--replicates', '3', '--quiet'];
const CSVS = ['timeseries.csv', 'runs.csv', 'summary.csv', 'effects.csv', 'agents.csv', 'ties.csv', 'flows.csv'];

type Row = Record<string, string>;
const rowsOf = (dir: string, file: string): Row[] => parse(read(dir, file), { columns: true }) as Row[];

describe('kith run', () => {
  let one = '';
  let two = '';
  beforeAll(() => {
    one = tempDir();
    two = tempDir();
    const args = ['run', 'scenarios/covid-lockdown.json', ...SMALL, '--agents', '--ties', '--flows', '--agent-days', '89,120,199'];
    expect(kith([...args, '--workers', '1', '--out', one]).status).toBe(0);
    expect(kith([...args, '--workers', '2', '--out', two]).status).toBe(0);
  });

  it('writes every file', () => {
    for (const file of [...CSVS, 'manifest.json', 'datapackage.json']) expect(read(one, file).length, file).toBeGreaterThan(0);
  });

  it('gives byte-identical CSVs and datapackage.json with 1 and 2 workers', () => {
    for (const file of [...CSVS, 'datapackage.json']) expect(read(two, file) === read(one, file), file).toBe(true);
  });

  it('leaves only its own files in a folder an earlier run wrote more into', () => {
    const dir = tempDir();
    const args = ['run', 'scenarios/covid-lockdown.json', ...SMALL, '--out', dir];
    expect(kith([...args, '--agents', '--flows']).status).toBe(0);
    expect(readdirSync(dir)).toContain('agents.csv');
    expect(kith(args).status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['datapackage.json', 'effects.csv', 'manifest.json', 'runs.csv', 'summary.csv', 'timeseries.csv']);
  });

  it('leaves files of the same names that no earlier kith command wrote, as its manifest would list them', () => {
    // Once removed: a folder of the user's own, chosen for --out, lost its flows.csv and points.csv.
    const dir = tempDir();
    writeFileSync(join(dir, 'flows.csv'), 'my own\n');
    writeFileSync(join(dir, 'points.csv'), 'my own\n');
    expect(kith(['run', 'scenarios/covid-lockdown.json', ...SMALL, '--out', dir]).status).toBe(0);
    expect(read(dir, 'flows.csv')).toBe('my own\n');
    expect(read(dir, 'points.csv')).toBe('my own\n');
  });

  it('writes the --agent-days in ascending order, each once, however they are given', () => {
    // ties.csv once named its channel columns in the order given, over data in day order.
    const shuffled = tempDir();
    const args = ['run', 'scenarios/covid-lockdown.json', ...SMALL, '--agents', '--ties', '--flows', '--agent-days', '199,89,120,89'];
    expect(kith([...args, '--out', shuffled]).status).toBe(0);
    for (const file of ['agents.csv', 'ties.csv', 'datapackage.json']) expect(read(shuffled, file) === read(one, file), file).toBe(true);
    expect(parse(read(one, 'ties.csv'), { to_line: 1 })[0].slice(-3)).toEqual(['channel_day89', 'channel_day120', 'channel_day199']);
  });

  it('gives manifests that differ only in times, command line and workers', () => {
    const strip = (dir: string) => {
      const { started: _s, finished: _f, command: _c, workers: _w, ...rest } = JSON.parse(read(dir, 'manifest.json'));
      return rest;
    };
    expect(strip(two)).toEqual(strip(one));
    const manifest = JSON.parse(read(one, 'manifest.json'));
    expect(manifest.seeds.map((s: { seed: number }) => s.seed)).toEqual([1, 2, 3, 1, 2, 3, 1, 2, 3]);
    expect(manifest.files.find((f: { path: string }) => f.path === 'runs.csv').rows).toBe(3 * 3 * 8);
  });

  it('has exactly the columns datapackage.json declares, in order', () => {
    const pkg = JSON.parse(read(one, 'datapackage.json'));
    for (const resource of pkg.resources) {
      const header = parse(read(one, resource.path), { to_line: 1 })[0];
      expect(header, resource.path).toEqual(resource.schema.fields.map((f: { name: string }) => f.name));
    }
    expect(pkg.resources.map((r: { path: string }) => r.path)).toEqual(CSVS);
  });

  it('parses back to the engine’s own numbers', () => {
    const scenario = parseScenario(read(ROOT, 'scenarios/covid-lockdown.json'), 'covid-lockdown.json');
    const params = armParams(scenario, 'online-shg', { persons: 600, days: 200 });
    const direct = run(params, 2); // replicate 1 of seed 1
    const S = direct.subgroups.length;
    const series = rowsOf(one, 'timeseries.csv').filter((r) => r.arm === 'online-shg' && r.replicate === '1');
    expect(series.length).toBe(200 * S);
    for (const row of series.filter((_, k) => k % 97 === 0)) {
      const day = Number(row.day);
      const s = direct.subgroups.indexOf(row.subgroup as never);
      for (const o of DAILY_OUTCOMES) {
        const value = direct.daily[o.name as keyof typeof direct.daily][day * S + s];
        expect(row[o.name] === '' ? NaN : Number(row[o.name]), `${o.name} day ${day}`).toBe(Number.isFinite(value) ? value : NaN);
      }
    }
    const runs = rowsOf(one, 'runs.csv').filter((r) => r.arm === 'online-shg' && r.replicate === '1');
    for (const row of runs) {
      const metrics = direct.metrics[direct.subgroups.indexOf(row.subgroup as never)];
      for (const m of RUN_METRICS) expect(row[m.name] === '' ? null : Number(row[m.name]), m.name).toBe(metrics[m.name]);
    }
  });

  it('pairs runs by seed in effects.csv', () => {
    const runs = rowsOf(one, 'runs.csv').filter((r) => r.subgroup === 'everyone');
    const depth = (arm: string) => runs.filter((r) => r.arm === arm).map((r) => Number(r.depth));
    const differences = depth('online-shg').map((d, k) => d - depth('no-online-shg')[k]);
    const effect = rowsOf(one, 'effects.csv').find((r) => r.arm === 'online-shg' && r.subgroup === 'everyone' && r.metric === 'depth') as Row;
    expect(Number(effect.n)).toBe(3);
    expect(Number(effect.mean_difference)).toBeCloseTo(differences.reduce((a, b) => a + b) / 3, 14);
  });

  it('says, before running, that effects.csv will have no rows when --arms leaves out the reference arm', () => {
    const dir = tempDir();
    const args = ['run', 'scenarios/covid-lockdown.json', '--persons', '300', '--days', '200', '--replicates', '1', '--workers', '1', '--out', dir];
    const note = 'kith: the reference arm "no-online-shg" is not among --arms, so effects.csv will have no rows\n';
    const without = kith([...args, '--arms', 'online-shg,no-lockdown']);
    expect(without.status).toBe(0);
    expect(without.stderr.startsWith(note)).toBe(true);
    expect(read(dir, 'effects.csv').trimEnd().split('\r\n')).toHaveLength(1);
    const withReference = kith([...args, '--arms', 'online-shg,no-online-shg']);
    expect(withReference.status).toBe(0);
    expect(withReference.stderr).not.toContain('reference arm');
    expect(kith([...args, '--arms', 'online-shg', '--quiet']).stderr).toBe('');
  });

  it('with --subgroups reference, follows the reference arm’s day-0 subgroups into every arm, so effects.csv pairs them all', () => {
    const own = tempDir();
    const followed = tempDir();
    const args = ['run', 'scenarios/digital-divide.json', '--persons', '600', '--days', '200', '--replicates', '2', '--workers', '2', '--quiet'];
    expect(kith([...args, '--out', own]).status).toBe(0);
    expect(kith([...args, '--subgroups', 'reference', '--out', followed]).status).toBe(0);
    const pairs = (dir: string) => rowsOf(dir, 'effects.csv').filter((r) => r.subgroup === 'no-internet' && r.metric === 'depth').map((r) => [r.arm, r.n]);
    // Arms that give other persons internet are not paired in no-internet by default…
    expect(pairs(own).filter(([, n]) => n === '0').length).toBeGreaterThan(0);
    // …and are, every replicate, when every arm records the reference arm's persons.
    expect(pairs(followed)).toEqual(['older-online-30', 'older-online-60', 'older-online-90'].map((arm) => [arm, '2']));
    const sizes = (dir: string) => new Set(rowsOf(dir, 'runs.csv').filter((r) => r.subgroup === 'no-internet').map((r) => `${r.replicate}:${r.n}`));
    expect(sizes(followed).size).toBe(2);
    // The runs are the same: the whole population's rows, and every row of the reference arm.
    const unchanged = (dir: string) => rowsOf(dir, 'runs.csv').filter((r) => r.subgroup === 'everyone' || r.arm === 'no-platform');
    expect(unchanged(followed)).toEqual(unchanged(own));
    expect(JSON.parse(read(followed, 'manifest.json')).subgroups).toBe('reference');
    expect(JSON.parse(read(own, 'manifest.json')).subgroups).toBe('own');
  });

  it('with --subgroups reference, gives the other arms the same rows whether the reference arm’s runs hand them their subgroups or they find them themselves', () => {
    const handed = tempDir();
    const alone = tempDir();
    const args = ['run', 'scenarios/digital-divide.json', '--persons', '500', '--days', '170', '--replicates', '3', '--subgroups', 'reference', '--quiet'];
    // One worker runs the reference arm's runs first, so every other run takes their masks…
    expect(kith([...args, '--workers', '1', '--out', handed]).status).toBe(0);
    // …and without the reference arm among them, each run builds the reference world itself.
    const others = ['older-online-30', 'older-online-60', 'older-online-90'];
    expect(kith([...args, '--arms', others.join(','), '--workers', '2', '--out', alone]).status).toBe(0);
    const armRows = (dir: string, file: string) => read(dir, file).split('\n').filter((line) => others.some((arm) => line.includes(`,${arm},`)));
    // Arms × replicates × subgroups, and × days.
    for (const [file, rows] of [['runs.csv', 3 * 3 * 8], ['timeseries.csv', 3 * 3 * 170 * 8]] as const) {
      expect(armRows(handed, file).length, file).toBe(rows);
      expect(armRows(handed, file), file).toEqual(armRows(alone, file));
    }
  });

  it('refuses --subgroups reference between arms of different sizes, naming them', () => {
    const dir = tempDir();
    const s = JSON.parse(read(ROOT, 'scenarios/covid-lockdown.json'));
    s.arms['online-shg'].persons = 400;
    writeFileSync(join(dir, 'sizes.json'), JSON.stringify(s));
    const r = kith(['run', join(dir, 'sizes.json'), '--subgroups', 'reference', '--replicates', '1', '--quiet', '--out', join(dir, 'out')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/sizes\.json: --subgroups reference: arm "online-shg" has 400 persons and the reference arm "no-online-shg" \d+; the same persons can be followed only between arms of as many\n$/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('keeps a name with a comma, a quote and a line break intact', () => {
    const dir = tempDir();
    const scenario = JSON.parse(read(ROOT, 'scenarios/covid-lockdown.json'));
    const name = 'Lockdown, "strict"\nedition';
    const arm = 'with, "groups"\nonline';
    scenario.name = name;
    scenario.arms = { [arm]: scenario.arms['online-shg'], base: scenario.arms['no-online-shg'] };
    scenario.reference = 'base';
    writeFileSync(join(dir, 'odd.json'), JSON.stringify(scenario));
    const out = join(dir, 'out');
    expect(kith(['run', join(dir, 'odd.json'), '--persons', '200', '--days', '200', '--replicates', '2', '--quiet', '--out', out]).status).toBe(0);
    for (const file of ['timeseries.csv', 'runs.csv', 'summary.csv', 'effects.csv']) {
      const rows = rowsOf(out, file);
      expect(new Set(rows.map((r) => r.scenario)), file).toEqual(new Set([name]));
      expect(new Set(rows.map((r) => r.arm)), file).toEqual(file === 'effects.csv' ? new Set([arm]) : new Set([arm, 'base']));
    }
    // --arms lists arms with commas, so a name with a comma is found again from its pieces.
    const chosen = join(dir, 'chosen');
    const picked = kith(['run', join(dir, 'odd.json'), '--persons', '200', '--days', '200', '--replicates', '1', '--quiet', '--arms', `base, ${arm}`, '--out', chosen]);
    expect(picked.status, picked.stderr).toBe(0);
    expect(new Set(rowsOf(chosen, 'runs.csv').map((r) => r.arm))).toEqual(new Set([arm, 'base']));
    const only = kith(['run', join(dir, 'odd.json'), '--persons', '200', '--days', '200', '--replicates', '1', '--quiet', '--arms', arm, '--out', chosen]);
    expect(only.status, only.stderr).toBe(0);
    expect(new Set(rowsOf(chosen, 'runs.csv').map((r) => r.arm))).toEqual(new Set([arm]));
  });
});

describe('kith run on bad input', () => {
  const out = () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'keep.txt'), 'already here');
    return dir;
  };
  const scenarioWith = (edit: (s: Record<string, unknown>) => void, raw?: string) => {
    const dir = tempDir();
    const s = JSON.parse(read(ROOT, 'scenarios/covid-lockdown.json'));
    edit(s);
    writeFileSync(join(dir, 'x.json'), raw ?? JSON.stringify(s, null, 2));
    return join(dir, 'x.json');
  };
  const linkToNowhere = () => {
    const dir = tempDir();
    symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling'));
    return join(dir, 'dangling');
  };
  const folderWhereRunsCsvGoes = () => {
    const dir = out();
    mkdirSync(join(dir, 'runs.csv'));
    return dir;
  };
  const fileAsOut = () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a-file'), 'not a folder');
    return join(dir, 'a-file');
  };

  const cases: [string, () => { args: string[]; out: string }, RegExp][] = [
    ['a missing file', () => ({ args: ['run', 'scenarios/nope.json'], out: out() }), /^kith: scenarios\/nope\.json: no such file$/],
    ['invalid JSON', () => ({ args: ['run', scenarioWith(() => {}, '{\n  "name": "x",\n  "arms": }\n')], out: out() }), /x\.json: line 3, column 11: invalid JSON/],
    ['an unknown key', () => ({ args: ['run', scenarioWith((s) => (s.settings = { shg: { pjoin: 0.1 } }))], out: out() }), /x\.json: settings\.shg\.pjoin: unknown setting; did you mean "pJoin"\?$/],
    ['a wrong type', () => ({ args: ['run', scenarioWith((s) => ((s.timeline as object[])[1] = { type: 'reopening', day: 'ninety' }))], out: out() }), /x\.json: timeline\[1\]\.day: expected an integer from 0 to 364, got "ninety"$/],
    ['a value out of range', () => ({ args: ['run', scenarioWith((s) => (s.settings = { lockdown: { faceToFaceCut: 1.5 } }))], out: out() }), /x\.json: settings\.lockdown\.faceToFaceCut: expected a number from 0 to 1, got 1\.5$/],
    ['an unknown arm', () => ({ args: ['run', 'scenarios/covid-lockdown.json', '--arms', 'online'], out: out() }), /--arms: unknown arm "online"; the arms are "no-lockdown", "no-online-shg", "online-shg"$/],
    ['an empty --arms', () => ({ args: ['run', 'scenarios/covid-lockdown.json', '--arms', ','], out: out() }), /--arms: expected one or more arm names, as a,b,…$/],
    ['an empty --agent-days', () => ({ args: ['run', 'scenarios/covid-lockdown.json', '--agents', '--agent-days', ','], out: out() }), /--agent-days: expected one or more days, as d,d,…$/],
    ['a bad --set path', () => ({ args: ['run', 'scenarios/covid-lockdown.json', '--set', 'shg.pjoin=0.1'], out: out() }), /--set shg\.pjoin=0\.1: shg\.pjoin: unknown setting; did you mean "pJoin"\?$/],
    ['a bad --set value', () => ({ args: ['run', 'scenarios/covid-lockdown.json', '--set', 'lockdown.faceToFaceCut=2'], out: out() }), /--set lockdown\.faceToFaceCut=2: lockdown\.faceToFaceCut: expected a number from 0 to 1, got 2$/],
    ['an unknown flag', () => ({ args: ['run', 'scenarios/covid-lockdown.json', '--replicate', '3'], out: out() }), /unknown flag --replicate; did you mean --replicates\?/],
    ['--persons and --set persons= that disagree', () => ({ args: ['run', 'scenarios/covid-lockdown.json', '--persons', '300', '--set', 'persons=400'], out: out() }), /^kith run: --persons 300 and --set persons=400 disagree; give one of them$/],
    ['--agent-days alone', () => ({ args: ['run', 'scenarios/covid-lockdown.json', '--agent-days', '89,120'], out: out() }), /^kith run: --agent-days goes with --agents or --ties, which write the persons and ties on those days$/],
    ['a bad --subgroups', () => ({ args: ['run', 'scenarios/covid-lockdown.json', '--subgroups', 'others'], out: out() }), /^kith run: --subgroups: expected own or reference, got "others"$/],
    ['a bad flag value', () => ({ args: ['run', 'scenarios/covid-lockdown.json', '--replicates', 'ten'], out: out() }), /--replicates: expected an integer from 1 to 100000, got "ten"$/],
    ['too many replicates to hold', () => ({ args: ['run', 'scenarios/covid-lockdown.json', '--replicates', '100000000'], out: out() }), /--replicates: expected an integer from 1 to 100000, got "100000000"$/],
    // Found by the run of the last replicate, on seed S + 1: exit 1 once the others had run.
    ['a --seed whose last replicate’s seed is past the exact integers', () => ({ args: ['run', 'scenarios/covid-lockdown.json', '--seed', '9007199254740991', '--replicates', '2'], out: out() }), /^kith run: --seed: expected an integer from 0 to 9007199254740990, got "9007199254740991"$/],
    ['--out that is a file', () => ({ args: ['run', 'scenarios/covid-lockdown.json'], out: fileAsOut() }), /--out .*a-file: expected a folder, but it is a file$/],
    ['--out under a file', () => ({ args: ['run', 'scenarios/covid-lockdown.json'], out: join(fileAsOut(), 'sub') }), /--out .*a-file\/sub: cannot be made, .*a-file is a file$/],
    // Found once every run was done, and then a Node error with exit 1.
    ['--out holding a folder where a file goes', () => ({ args: ['run', 'scenarios/covid-lockdown.json'], out: folderWhereRunsCsvGoes() }), /^kith: --out (.*): \1\/runs\.csv is a folder, where kith writes a file; move it, or choose another folder$/],
    ['--out a link to nowhere', () => ({ args: ['run', 'scenarios/covid-lockdown.json'], out: linkToNowhere() }), /--out .*dangling: .*dangling is a link to .*nowhere, which does not exist$/],
    // /proc passes the permission check, and Node's recursive mkdir loops there for ever.
    ['--out where no folder can be made', () => ({ args: ['run', 'scenarios/covid-lockdown.json'], out: '/proc/kith-out' }), /^kith: --out \/proc\/kith-out: cannot be written, \/proc is not writable$/],
  ];

  it('leaves no folder of its own behind when interrupted with Ctrl-C', async () => {
    const dir = join(tempDir(), 'made', 'by-kith');
    const child = kithInBackground(['run', 'scenarios/covid-lockdown.json', '--persons', '1000', '--replicates', '30', '--workers', '1', '--quiet', '--out', dir]);
    const done = exited(child);
    // The folder appears when the first run's rows are written, with more runs to go.
    await until(() => existsSync(dir));
    child.kill('SIGINT');
    const { code, stderr } = await done;
    expect(code).toBe(130);
    expect(stderr).toBe('kith: interrupted; no output was written\n');
    expect(existsSync(dirname(dirname(dir)))).toBe(true);
    expect(existsSync(dirname(dir))).toBe(false);
  });

  it('keeps the earlier files, as their manifest lists them, when the new ones cannot all be moved into place', async () => {
    const dir = tempDir();
    const args = ['run', 'scenarios/baseline.json', '--quiet', '--out', dir];
    expect(kith([...args, '--replicates', '1', '--persons', '200']).status).toBe(0);
    rmSync(join(dir, 'effects.csv'));
    const before = snapshot(dir);
    const child = kithInBackground([...args, '--replicates', '10', '--workers', '1', '--persons', '1000']);
    const done = exited(child);
    // A folder where effects.csv goes, made while the runs go on (one there from the start is
    // refused up front): the last but two of the files to move in.
    await until(() => readdirSync(dir).some((f) => f.startsWith('.timeseries.csv.')));
    mkdirSync(join(dir, 'effects.csv'));
    const { code, stderr } = await done;
    expect(code).toBe(1);
    expect(stderr).toMatch(/^kith: EISDIR: .*effects\.csv'\n$/);
    rmdirSync(join(dir, 'effects.csv'));
    expect(snapshot(dir)).toBe(before);
    expect(read(dir, 'runs.csv')).toContain(',everyone,200,');
  });

  for (const [what, make, message] of cases) {
    it(`exits 2 with one clear line, writing nothing, for ${what}`, () => {
      const { args, out: dir } = make();
      const before = snapshot(dir);
      // Small settings first, so that a case's own flags come later and win.
      const [command, ...rest] = args;
      const r = kith([command, '--out', dir, '--persons', '200', '--replicates', '1', '--quiet', ...rest]);
      expect(r.status).toBe(2);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(snapshot(dir)).toBe(before);
    });
  }
});
