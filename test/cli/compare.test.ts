/**
 * `kith compare`: on hand-written tables, the right means, intervals, effects and flags; on the
 * output of a small `kith run`, the numbers of its summary.csv; bad input exits 2 with one line.
 */
import { parse } from 'csv-parse/sync';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { compare, COMPARE_HELP, formatEstimate, formatSignificant } from '../../cli/commands/compare.ts';
import { describeError, exitCodeOf } from '../../cli/errors.ts';
import { csvRow, EFFECTS_COLUMNS, SUMMARY_COLUMNS, type Cell } from '../../sim/index.ts';
import { kith, read, tempDir } from '../helpers/kith.ts';

const METRICS = ['depth', 'loss', 'recoveryDays', 'recoveryCensored', 'peakDistress', 'peakLonely', 'resistant'];
const SCENARIO = 'tiny, "hand-made"';

/** [metric, n, mean, ci_low, ci_high] of the summary; arm `ref` is the reference. */
type Estimate = [string, number, number | null, number | null, number | null];
const SUMMARY: Record<string, Record<string, Estimate[]>> = {
  ref: {
    everyone: [
      ['depth', 3, 0.0712, 0.0651, 0.0773],
      ['recoveryDays', 0, null, null, null],
    ],
  },
  treat: {
    everyone: [
      ['depth', 3, 0.058, 0.056, 0.06],
      ['recoveryDays', 2, 45.5, 12.3, 78.7],
    ],
    older: [['depth', 3, 0.1234, 0.1, 0.15]],
  },
};

/** [metric, n, mean_difference, ci_low, ci_high, effect_size] of treat − ref. */
type Effect = [string, number, number | null, number | null, number | null, number | null];
const EFFECTS: Record<string, Effect[]> = {
  everyone: [
    ['depth', 3, -0.0132, -0.0182, -0.0082, -6.6],
    ['loss', 3, 0.25, -0.1, 0.6, 0.5],
    ['recoveryDays', 0, null, null, null, null],
    ['recoveryCensored', 3, 0, 0, 0, null],
    ['peakDistress', 3, 0.031, 0.002, 0.06, 1.2],
    ['peakLonely', 3, -0.004, -0.01, 0.002, -0.8],
  ],
};

function csv(header: readonly { name: string }[], rows: Cell[][]): string {
  return [header.map((c) => c.name), ...rows].map((row) => csvRow(row)).join('');
}

function summaryRows(): Cell[][] {
  return ['ref', 'treat'].flatMap((arm) =>
    ['everyone', 'older'].flatMap((subgroup) =>
      METRICS.map((metric): Cell[] => {
        const [, n, mean, low, high] = SUMMARY[arm][subgroup]?.find((e) => e[0] === metric) ?? [metric, 3, 0.5, 0.4, 0.6];
        return [SCENARIO, arm, subgroup, metric, n, mean, 0.01, low, high, mean, low, high];
      }),
    ),
  );
}

function effectRows(): Cell[][] {
  return ['everyone', 'older'].flatMap((subgroup) =>
    METRICS.map((metric): Cell[] => {
      const [, n, difference, low, high, size] = EFFECTS[subgroup]?.find((e) => e[0] === metric) ?? [metric, 3, 0.1, 0.05, 0.15, 2];
      return [SCENARIO, 'treat', 'ref', subgroup, metric, n, difference, 0.01, low, high, size];
    }),
  );
}

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A temporary folder, removed after the tests. */
function temporary(): string {
  const dir = tempDir('kith-compare-');
  made.push(dir);
  return dir;
}

/** A folder holding these two files (either may be left out). */
function folder(files: { summary?: string | Buffer; effects?: string | Buffer }): string {
  const dir = temporary();
  if (files.summary !== undefined) writeFileSync(join(dir, 'summary.csv'), files.summary);
  if (files.effects !== undefined) writeFileSync(join(dir, 'effects.csv'), files.effects);
  return dir;
}

/** A table as kith sweep writes it: a point column after scenario, all rows at point 0. */
function withPoint(columns: readonly { name: string }[], rows: Cell[][]): string {
  return csv([columns[0], { name: 'point' }, ...columns.slice(1)], rows.map(([scenario, ...rest]) => [scenario, 0, ...rest]));
}

const SUMMARY_CSV = csv(SUMMARY_COLUMNS, summaryRows());
const EFFECTS_CSV = csv(EFFECTS_COLUMNS, effectRows());

let log: MockInstance<typeof console.log>;
beforeEach(() => {
  log = vi.spyOn(console, 'log').mockImplementation(() => {});
});
afterEach(() => log.mockRestore());

function output(argv: string[]): string {
  log.mockClear();
  expect(compare(argv, COMPARE_HELP)).toBe(0);
  return log.mock.calls.map((call) => call.join(' ')).join('\n');
}

/**
 * The cells of each table row, by section (`means` or `effects`), arm and metric. Cells are at
 * least two spaces apart; an arm is named on its first row only.
 */
function tables(text: string): Map<string, string[]> {
  const cells = new Map<string, string[]>();
  let section = '';
  let arm = '';
  for (const line of text.split('\n')) {
    if (line.startsWith('Means')) section = 'means';
    if (line.startsWith('Paired effects')) section = 'effects';
    if (!line.startsWith('  ') || line.trim().startsWith('arm ')) continue;
    const parts = line.trim().split(/ {2,}/);
    if (!line.startsWith('   ')) arm = parts.shift() as string;
    cells.set(`${section} ${arm} ${parts[0]}`, parts.slice(1));
  }
  return cells;
}

describe('kith compare on hand-written tables', () => {
  const dir = folder({ summary: SUMMARY_CSV, effects: EFFECTS_CSV });

  it('prints each arm’s mean and 95% CI, with n, for the default metrics in order', () => {
    const text = output([dir]);
    expect(text.split('\n')[0]).toBe(`${SCENARIO}: subgroup everyone, from ${dir}`);
    const t = tables(text);
    expect(t.get('means treat depth')).toEqual(['0.0580', '[0.0560, 0.0600]', '3']);
    expect(t.get('means ref (reference) depth')).toEqual(['0.0712', '[0.0651, 0.0773]', '3']);
    expect(t.get('means treat recoveryDays')).toEqual(['45.5', '[12.3, 78.7]', '2']);
    expect(t.get('means ref (reference) recoveryDays')).toEqual(['—', '—', '0']);
    expect(t.get('means treat loss')).toEqual(['0.500', '[0.400, 0.600]', '3']);
    const order = [...t.keys()].filter((k) => k.startsWith('means treat')).map((k) => k.split(' ')[2]);
    expect(order).toEqual(['depth', 'loss', 'recoveryDays', 'recoveryCensored', 'peakDistress', 'peakLonely']);
  });

  it('prints each paired effect with its CI and d_z, flagged with * where the CI excludes 0', () => {
    const text = output([dir]);
    expect(text).toContain('Paired effects against ref: arm − reference over the same seeds; * where the 95% CI excludes 0');
    const t = tables(text);
    expect(t.get('effects treat depth')).toEqual(['-0.0132', '[-0.0182, -0.0082]', '*', '-6.60', '3']);
    expect(t.get('effects treat loss')).toEqual(['0.250', '[-0.100, 0.600]', '0.500', '3']);
    expect(t.get('effects treat recoveryDays')).toEqual(['—', '—', '—', '0']);
    expect(t.get('effects treat recoveryCensored')).toEqual(['0', '[0, 0]', '—', '3']);
    expect(t.get('effects treat peakDistress')).toEqual(['0.0310', '[0.0020, 0.0600]', '*', '1.20', '3']);
    expect(t.get('effects treat peakLonely')).toEqual(['-0.00400', '[-0.01000, 0.00200]', '-0.800', '3']);
    expect([...t.keys()].some((k) => k.startsWith('effects ref'))).toBe(false);
  });

  it('shows the subgroup and metrics asked for', () => {
    const t = tables(output([dir, '--subgroup', 'older', '--metrics', 'resistant,depth']));
    expect([...t.keys()]).toEqual([
      'means ref (reference) resistant',
      'means ref (reference) depth',
      'means treat resistant',
      'means treat depth',
      'effects treat resistant',
      'effects treat depth',
    ]);
    expect(t.get('means treat depth')).toEqual(['0.123', '[0.100, 0.150]', '3']);
    expect(t.get('effects treat depth')).toEqual(['0.100', '[0.050, 0.150]', '*', '2.00', '3']);
  });

  it('says why where an arm has no pair although both arms have values (the subgroup holds other persons)', () => {
    const unpaired = effectRows().map((row) => (row[3] === 'older' ? [...row.slice(0, 5), 0, null, null, null, null, null] : row));
    const text = output([folder({ summary: SUMMARY_CSV, effects: csv(EFFECTS_COLUMNS, unpaired) }), '--subgroup', 'older']);
    expect(tables(text).get('effects treat depth')).toEqual(['—', '—', '—', '0']);
    expect(text.split('\n').slice(-2)).toEqual([
      'n 0 in treat: subgroup older holds other persons there than in ref, so no run is paired;',
      "kith run --subgroups reference follows ref's persons into every arm and pairs them.",
    ]);
    // Paired, or unpaired for want of values (recoveryDays in everyone), it says nothing.
    expect(output([dir, '--subgroup', 'older'])).not.toContain('--subgroups');
    expect(output([dir, '--metrics', 'recoveryDays'])).not.toContain('--subgroups');
  });

  it('says so when effects.csv has no rows (one arm run)', () => {
    const text = output([folder({ summary: SUMMARY_CSV, effects: csv(EFFECTS_COLUMNS, []) })]);
    expect(text).toContain('No paired effects: effects.csv has no rows for subgroup everyone');
    expect(tables(text).get('means ref depth')).toEqual(['0.0712', '[0.0651, 0.0773]', '3']);
  });

  it('prints its help with --help', () => {
    expect(compare(['--help'], COMPARE_HELP)).toBe(0);
    expect(log).toHaveBeenCalledWith(COMPARE_HELP);
  });
});

describe('kith compare on the output of kith run', () => {
  let out = '';
  beforeAll(() => {
    out = temporary();
    const r = kith(['run', 'scenarios/covid-lockdown.json', '--persons', '200', '--days', '200', '--replicates', '2', '--workers', '1', '--quiet', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
  });

  it('shows summary.csv’s means and effects.csv’s differences for every arm', () => {
    const t = tables(output([out, '--subgroup', 'older']));
    const summary = parse(read(out, 'summary.csv'), { columns: true }) as Record<string, string>[];
    const effects = parse(read(out, 'effects.csv'), { columns: true }) as Record<string, string>[];
    const number = (text: string) => (text === '' ? null : Number(text));
    for (const arm of ['no-lockdown', 'no-online-shg', 'online-shg']) {
      const label = arm === 'no-online-shg' ? `${arm} (reference)` : arm;
      const row = summary.find((r) => r.arm === arm && r.subgroup === 'older' && r.metric === 'loss') as Record<string, string>;
      expect(t.get(`means ${label} loss`)?.slice(0, 2)).toEqual(formatEstimate(number(row.mean), number(row.ci_low), number(row.ci_high)));
    }
    const effect = effects.find((r) => r.arm === 'online-shg' && r.subgroup === 'older' && r.metric === 'depth') as Record<string, string>;
    expect(t.get('effects online-shg depth')?.slice(0, 2)).toEqual(formatEstimate(number(effect.mean_difference), number(effect.ci_low), number(effect.ci_high)));
    expect(t.has('effects no-online-shg depth')).toBe(false);
  });
});

describe('number formats', () => {
  it('gives a mean and its interval the same decimals, 3 or 4 significant digits', () => {
    expect(formatEstimate(0.058, 0.056, 0.06)).toEqual(['0.0580', '[0.0560, 0.0600]']);
    expect(formatEstimate(67, 56.17, 77.83)).toEqual(['67.0', '[56.2, 77.8]']);
    expect(formatEstimate(0.000832, 0.000473, 0.001192)).toEqual(['0.000832', '[0.000473, 0.001192]']);
    expect(formatEstimate(12345.6, 12000, 12700)).toEqual(['12346', '[12000, 12700]']);
    expect(formatEstimate(0, 0, 0)).toEqual(['0', '[0, 0]']);
  });

  it('drops the minus sign of a value that rounds to zero', () => {
    expect(formatEstimate(-0.00001, -0.5, 0.5)).toEqual(['0.0000', '[-0.5000, 0.5000]']);
  });

  it('shows a missing value as —', () => {
    expect(formatEstimate(null, null, null)).toEqual(['—', '—']);
    expect(formatEstimate(0.5, null, null)).toEqual(['0.500', '—']);
    expect(formatSignificant(null)).toBe('—');
    expect(formatSignificant(-13.38)).toBe('-13.4');
    expect(formatSignificant(2345.6)).toBe('2346');
  });
});

describe('kith compare on bad input', () => {
  const withSummary = (summary: string | Buffer) => folder({ summary, effects: EFFECTS_CSV });
  const both = withSummary(SUMMARY_CSV);
  const emptyFolder = folder({});
  const onlySummary = folder({ summary: SUMMARY_CSV });
  const aFile = join(emptyFolder, 'a-file');
  writeFileSync(aFile, 'x');
  const aSweep = withSummary(SUMMARY_CSV);
  writeFileSync(join(aSweep, 'points.csv'), 'point\r\n0\r\n');

  const lines = SUMMARY_CSV.split('\r\n');
  const cases: [string, string[], string | RegExp][] = [
    ['no folder', [], /expected one folder, the output of kith run, got 0/],
    ['two folders', [both, both], /got 2/],
    ['a missing folder', [join(emptyFolder, 'nope')], `${join(emptyFolder, 'nope')}: no such folder`],
    ['a file, not a folder', [aFile], `${aFile}: expected the output folder of kith run, but it is a file`],
    ['a sweep’s folder', [aSweep], `kith compare: ${aSweep} holds a sweep (points.csv); compare reads a kith run folder — run one point with the command points.csv gives for it`],
    ['no summary.csv', [emptyFolder], `${emptyFolder}/summary.csv: no such file — is ${emptyFolder} the output of kith run?`],
    ['no effects.csv', [onlySummary], `${onlySummary}/effects.csv: no such file — is ${onlySummary} the output of kith run?`],
    // Without its points.csv, once read as one run's, the last point's numbers shown as the arm's.
    ['a sweep’s tables without points.csv', [folder({ summary: withPoint(SUMMARY_COLUMNS, summaryRows()), effects: withPoint(EFFECTS_COLUMNS, effectRows()) })], /summary\.csv: a sweep's summary\.csv \(it has a point column\); compare reads a kith run folder — run one point with the command points\.csv gives for it$/],
    // Once the second row silently won.
    ['two runs’ tables joined', [withSummary(SUMMARY_CSV + SUMMARY_CSV.split('\r\n').slice(1).join('\r\n'))], /summary\.csv: two rows for arm "ref", subgroup "everyone", metric "depth": one kith run writes one \(are two runs' tables joined\?\)$/],
    ['a missing column', [withSummary(SUMMARY_CSV.replace('ci_low,', ''))], /summary\.csv: not the summary\.csv kith run writes: no column ci_low \(expected scenario, arm/],
    ['another table', [folder({ summary: SUMMARY_CSV, effects: SUMMARY_CSV })], /effects\.csv: not the effects\.csv kith run writes: no columns reference, mean_difference/],
    ['a cell that is not a number', [withSummary([lines[0], lines[1], lines[2].replace(',0.01,', ',zero,'), ''].join('\r\n'))], /summary\.csv: line 3: sd: expected a number or an empty cell, got "zero"/],
    ['a row too long', [withSummary(`${lines[0]}\r\n${lines[1]},1\r\n`)], /summary\.csv: not valid CSV: .*line 2/],
    ['no rows', [withSummary(`${lines[0]}\r\n`)], /summary\.csv: no rows$/],
    // Cut inside its last number: once read as a shorter number, without a word.
    ['a summary.csv cut short', [withSummary(SUMMARY_CSV.slice(0, SUMMARY_CSV.trimEnd().length - 1))], /summary\.csv: line \d+ ends without a line break: the file was cut short; copy it again$/],
    // Once printed as the header it lacks, byte for byte.
    ['a UTF-16 summary.csv', [withSummary(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SUMMARY_CSV, 'utf16le')]))], /summary\.csv: not UTF-8 text but UTF-16: kith run writes its tables in UTF-8; save it as UTF-8 CSV$/],
    ['an effects.csv that is not text', [folder({ summary: SUMMARY_CSV, effects: Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xc3, 0x28, 0x0a, 0x1b, 0x5b, 0x32, 0x4a]) })], /effects\.csv: not UTF-8 text: kith run writes its tables in UTF-8; save it as UTF-8 CSV$/],
    ['an empty effects.csv', [folder({ summary: SUMMARY_CSV, effects: '' })], /effects\.csv: empty: expected a header line$/],
    ['an unknown subgroup', [both, '--subgroup', 'olders'], '--subgroup: unknown subgroup "olders"; did you mean "older"? (the subgroups are everyone, older)'],
    ['an unknown metric', [both, '--metrics', 'depth,los'], /--metrics: unknown metric "los"; did you mean "loss"\? \(the metrics are depth, loss, recoveryDays, recoveryCensored, peakDistress, peakLonely, resistant\)/],
    ['no metrics', [both, '--metrics', ','], /--metrics: expected metric names separated by commas/],
    ['an unknown flag', [both, '--metric', 'depth'], /unknown flag --metric; did you mean --metrics\?/],
  ];

  for (const [what, argv, message] of cases) {
    it(`exits 2 with one line for ${what}`, () => {
      let error: unknown;
      try {
        compare(argv, COMPARE_HELP);
      } catch (e) {
        error = e;
      }
      expect(exitCodeOf(error)).toBe(2);
      const text = describeError(error);
      if (typeof message === 'string') expect(text.endsWith(message), text).toBe(true);
      else expect(text).toMatch(message);
      expect(text).not.toContain('\n');
      expect(log).not.toHaveBeenCalled();
    });
  }

  it('exits 2 with a single stderr line and no stack trace from the command line', () => {
    for (const argv of [[emptyFolder], [onlySummary], [both, '--subgroup', 'x'], [withSummary('a,b\r\n1,2,3\r\n')]]) {
      const r = kith(['compare', ...argv]);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^kith[^\n]*\n$/);
      expect(r.stderr).not.toMatch(/\bat .*:\d+/);
    }
  });
});
