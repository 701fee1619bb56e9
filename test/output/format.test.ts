/**
 * The one number and CSV formatter every export goes through (sim/output/format.ts): what it
 * writes for the values a run produces, and that a run's rows formatted as one part (as a worker
 * formats them) are the bytes the rows give one at a time.
 */
import { describe, expect, it } from 'vitest';
import { csvField, csvPart, csvRow, formatNumber, type Cell } from '../../sim/index.ts';

describe('formatNumber', () => {
  it('writes the shortest round-trip form, integers without a point, -0 as 0', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(Number(formatNumber(0.7481869692255637))).toBe(0.7481869692255637);
    expect(formatNumber(20000)).toBe('20000');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(1e-7)).toBe('1e-7');
  });

  it('leaves a missing value empty, never NaN or Infinity', () => {
    expect([null, NaN, Infinity, -Infinity].map(formatNumber)).toEqual(['', '', '', '']);
  });
});

describe('csvField and csvRow', () => {
  it('quotes a field holding a comma, a quote or a line break, doubling its quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('ends each record with CRLF', () => {
    expect(csvRow(['covid-lockdown', 0, 0.5, null])).toBe('covid-lockdown,0,0.5,\r\n');
  });
});

describe('csvPart', () => {
  const rows: Cell[][] = [
    ['a', 1, 0.25],
    ['b,c', null, -0],
    ['d', NaN, 1e21],
  ];

  it('gives the rows one at a time would give, and counts them', () => {
    expect(csvPart(rows)).toEqual({ text: rows.map(csvRow).join(''), rows: 3 });
    expect(csvPart(rows).text).toBe('a,1,0.25\r\n"b,c",,0\r\nd,,1e+21\r\n');
  });

  it('takes any iterable, a generator among them, and nothing at all', () => {
    expect(csvPart((function* () { yield* rows; })()).rows).toBe(3);
    expect(csvPart([])).toEqual({ text: '', rows: 0 });
  });
});
