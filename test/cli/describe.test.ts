/**
 * `kith describe`: the resolved parameters with those off their defaults marked, the arms, the
 * timeline, and network statistics equal to `networkStats` of the same world; bad input exits 2
 * with one line.
 */
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { describe as describeCommand, DESCRIBE_HELP } from '../../cli/commands/describe.ts';
import { describeError, exitCodeOf } from '../../cli/errors.ts';
import { parseScenario } from '../../scenarios/load.ts';
import { armParams } from '../../scenarios/scenario.ts';
import { buildWorld, defaultParams, networkStats, PARAMETERS } from '../../sim/index.ts';
import { kith, read, ROOT } from '../helpers/kith.ts';

/** shg.pJoin's default, as `describe` prints it. */
const PJOIN = String(defaultParams().shg.pJoin).replace('.', '\\.');

const FILE = 'scenarios/covid-lockdown.json';
const scenario = parseScenario(read(ROOT, FILE), FILE);
/** Small worlds keep the tests fast; the statistics are checked on the same size. */
const SMALL = ['--persons', '400'];

let log: MockInstance<typeof console.log>;
beforeEach(() => {
  log = vi.spyOn(console, 'log').mockImplementation(() => {});
});
afterEach(() => log.mockRestore());

/** What `kith describe <argv>` prints, run in this process. */
function output(argv: string[]): string {
  log.mockClear();
  expect(describeCommand([`${ROOT}/${FILE}`, ...argv], DESCRIBE_HELP)).toBe(0);
  return log.mock.calls.map((call) => call.join(' ')).join('\n');
}

const linesOf = (text: string) => text.split('\n');
const parameterLine = (text: string, path: string) => linesOf(text).find((l) => l.slice(4).startsWith(`${path} `));

describe('kith describe', () => {
  it('marks a parameter set with --set by *, with its value, unit and default', () => {
    const text = output([...SMALL, '--set', 'shg.pJoin=0.05']);
    expect(parameterLine(text, 'shg.pJoin')).toMatch(new RegExp(`^ {2}\\* shg\\.pJoin +0\\.05 +per day +\\(default ${PJOIN}\\)$`));
    expect(parameterLine(text, 'persons')).toMatch(/^ {2}\* persons +400 +persons +\(default 5000\)$/);
  });

  it('takes one end of the crisis window at a time, merged onto the scenario’s', () => {
    expect(output([...SMALL, '--set', 'crisis.start=100'])).toContain('Crisis window: days 100 to 160 (declared)');
    expect(output([...SMALL, '--set', 'crisis.end=150'])).toContain('Crisis window: days 90 to 150 (declared)');
  });

  it('leaves a parameter at its default unmarked', () => {
    const text = output(SMALL);
    expect(parameterLine(text, 'shg.pJoin')).toMatch(new RegExp(`^ {4}shg\\.pJoin +${PJOIN} +per day$`));
    expect(text).toContain('(* differs from the default: 1 of');
  });

  it('lists every parameter once, in table order', () => {
    const paths = linesOf(output(SMALL))
      .filter((l) => /^ {2}[* ] [\w.]+ /.test(l))
      .map((l) => l.slice(4).split(' ')[0]);
    expect(paths).toEqual(PARAMETERS.map((p) => p.path));
  });

  it('names the scenario and its arms, and resolves the reference by default', () => {
    const text = output(SMALL);
    expect(linesOf(text)[0]).toBe('covid-lockdown');
    expect(text).toMatch(/^ {2}no-online-shg +lockdown; face-to-face groups cannot meet online +\(reference\)$/m);
    expect(text).toMatch(/^ {2}no-lockdown +no lockdown: a year of ordinary life$/m);
    expect(text).toContain('Parameters of arm no-online-shg');
    expect(text).toMatch(/^ {2}day +90 {2}lockdown$/m);
    expect(text).toContain('Crisis window: days 90 to 160 (declared)');
  });

  it('resolves the arm asked for, its timeline included', () => {
    const text = output([...SMALL, '--arm', 'online-shg']);
    expect(text).toContain('Parameters of arm online-shg');
    expect(text).toMatch(/^ {2}day +90 {2}platform \(open: true\)$/m);
    expect(output([...SMALL, '--arm', 'no-lockdown'])).toContain('Timeline: no events');
  });

  it('shows the ties per layer of networkStats of the same world', () => {
    const stats = networkStats(buildWorld(armParams(scenario, 'online-shg', { persons: 400 }), 7));
    const text = output([...SMALL, '--arm', 'online-shg', '--seed', '7']);
    const rows = linesOf(text)
      .map((l) => /^ {2}(\w+) +(tie|membership) +(\d+) +([\d.]+)/.exec(l))
      .filter((m) => m !== null)
      .map((m) => ({ layer: m[1], kind: m[2], ties: Number(m[3]), meanDegree: Number(m[4]) }));
    expect(rows).toEqual(stats.layers.map((l) => ({ layer: l.layer, kind: l.kind, ties: l.ties, meanDegree: Number(l.meanDegree.toFixed(3)) })));
    expect(text).toContain(`seed 7: ${stats.persons} persons in ${stats.households} households`);
    expect(text).toMatch(new RegExp(`^ {2}all tie layers +${stats.ties} +${stats.meanDegree.toFixed(3)}$`, 'm'));
    expect(text).toContain(`household modularity ${stats.householdModularity?.toFixed(3)}`);
  });

  it('gives the same content as one JSON object with --json', () => {
    log.mockClear();
    describeCommand([`${ROOT}/${FILE}`, ...SMALL, '--set', 'shg.pJoin=0.05', '--json'], DESCRIBE_HELP);
    expect(log).toHaveBeenCalledTimes(1);
    const json = JSON.parse(String(log.mock.calls[0][0]));
    expect(json.arm).toBe('no-online-shg');
    expect(json.reference).toBe('no-online-shg');
    expect(json.arms.map((a: { name: string }) => a.name)).toEqual(['no-lockdown', 'no-online-shg', 'online-shg']);
    expect(json.parameters.find((p: { path: string }) => p.path === 'shg.pJoin')).toEqual({ path: 'shg.pJoin', value: 0.05, unit: 'per day', default: defaultParams().shg.pJoin, changed: true });
    expect(json.parameters.filter((p: { changed: boolean }) => p.changed).map((p: { path: string }) => p.path)).toEqual(['persons', 'shg.pJoin']);
    expect(json.crisis).toEqual({ start: 90, end: 160, source: 'declared' });
    expect(json.timeline.map((e: { type: string }) => e.type)).toEqual(['lockdown', 'reopening']);
    const params = armParams(scenario, 'no-online-shg', { persons: 400, shg: { pJoin: 0.05 } });
    expect(json.network).toEqual(networkStats(buildWorld(params, 1)));
  });

  it('prints its help with --help', () => {
    log.mockClear();
    expect(describeCommand(['--help'], DESCRIBE_HELP)).toBe(0);
    expect(log).toHaveBeenCalledWith(DESCRIBE_HELP);
  });

  describe('bad input', () => {
    const cases: [string, string[], RegExp][] = [
      ['no file', [], /expected one scenario file, got 0/],
      ['two files', [FILE, FILE], /expected one scenario file, got 2/],
      ['a missing file', ['nope.json'], /^nope\.json: no such file$/],
      ['a folder', ['scenarios'], /expected a scenario file, but it is a folder/],
      ['an unknown arm', [FILE, '--arm', 'online'], /--arm: unknown arm "online" \(the arms are "no-lockdown", "no-online-shg", "online-shg"\)/],
      ['an unknown setting', [FILE, '--set', 'shg.pJoinx=1'], /shg\.pJoinx/],
      ['a value out of range', [FILE, '--set', 'shg.pJoin=2'], /shg\.pJoin: expected a number from 0 to 1, got 2/],
      ['settings that conflict', [FILE, '--set', 'shg.sizeMin=10'], /arm "no-online-shg" with the command-line settings: shg\.sizeMin: expected at most shg\.sizeMax/],
      ['too few days for the timeline', [FILE, '--days', '100'], /timeline\[1\]\.day: expected an integer from 0 to 99, got 160/],
      ['too few persons', [FILE, '--persons', '1'], /--persons: expected an integer from 2 to 10000000, got "1"/],
      ['a negative seed', [FILE, '--seed=-1'], /--seed: expected an integer of at least 0, got "-1"/],
      ['a seed that looks like a flag', [FILE, '--seed', '-1'], /--seed' argument is ambiguous/],
      ['an unknown flag', [FILE, '--jsn'], /unknown flag --jsn; did you mean --json\?/],
    ];
    for (const [what, argv, message] of cases) {
      it(`exits 2 with one line for ${what}`, () => {
        let error: unknown;
        try {
          describeCommand(argv, DESCRIBE_HELP);
        } catch (e) {
          error = e;
        }
        expect(exitCodeOf(error)).toBe(2);
        expect(describeError(error)).toMatch(message);
        expect(describeError(error)).not.toContain('\n');
        expect(log).not.toHaveBeenCalled();
      });
    }

    it('exits 2 with a single stderr line and no stack trace from the command line', () => {
      for (const argv of [['nope.json'], [FILE, '--arm', 'x'], [FILE, '--set', 'shg.pJoin=2'], [FILE, '--seed', '-1']]) {
        const r = kith(['describe', ...argv]);
        expect(r.status, r.stderr).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(/^kith[^\n]*\n$/);
        expect(r.stderr).not.toMatch(/\bat .*:\d+/);
      }
    });
  });
});
