/** Reading a kith run folder for the viewer: its tables by name, every problem one line naming the file. */
import { describe, expect, it } from 'vitest';
import { EFFECTS_COLUMNS, SUMMARY_COLUMNS } from '../../sim/index.ts';
import { csvText } from '../../viz/export/csv.ts';
import { readResults, ResultsError } from '../../viz/results/load.ts';

const summary = csvText(SUMMARY_COLUMNS, [
  ['demo', 'calm', 'everyone', 'depth', 3, 0.05, 0.01, 0.03, 0.07, 0.05, 0.04, 0.06],
  ['demo', 'groups', 'everyone', 'depth', 3, 0.04, 0.01, 0.02, 0.06, 0.04, 0.03, 0.05],
  ['demo', 'groups', 'older', 'recoveryDays', 0, null, null, null, null, null, null, null],
]);
const effects = csvText(EFFECTS_COLUMNS, [['demo', 'groups', 'calm', 'everyone', 'depth', 3, -0.01, 0.002, -0.015, -0.005, -5]]);

describe('readResults', () => {
  it('should read each arm’s means with their intervals, and the effects against the reference', () => {
    const r = readResults([
      { name: 'out/demo/summary.csv', text: summary },
      { name: 'out/demo/effects.csv', text: effects },
      { name: 'out/demo/notes.txt', text: 'ignored' },
    ]);
    expect(r.scenario).toBe('demo');
    expect(r.reference).toBe('calm');
    expect(r.arms).toEqual(['calm', 'groups']);
    expect(r.summary.get('groups')?.get('everyone')?.get('depth')).toEqual({ mean: 0.04, n: 3, lo: 0.02, hi: 0.06 });
    expect(r.summary.get('groups')?.get('older')?.get('recoveryDays')).toEqual({ mean: NaN, n: 0 });
    expect(r.effects.get('groups')?.get('everyone')?.get('depth')).toEqual({ mean: -0.01, n: 3, lo: -0.015, hi: -0.005 });
    expect(r.series).toEqual([]);
  });

  it('should say which file lacks which column', () => {
    expect(() => readResults([{ name: 'summary.csv', text: 'scenario,arm\r\ndemo,calm\r\n' }])).toThrow(new ResultsError('summary.csv: expected a column “subgroup” (is this a file kith run wrote?)'));
  });

  it('should refuse a sweep’s tables, whose rows are many points’, with or without points.csv', () => {
    const swept = summary.replace('scenario,arm', 'scenario,point,arm').replace(/demo,/g, 'demo,0,');
    expect(swept).toContain('demo,0,groups,everyone,depth');
    expect(() => readResults([{ name: 'summary.csv', text: swept }])).toThrow(new ResultsError("summary.csv: a sweep's table (it has a point column); Open results reads a kith run folder; run one point with the command points.csv gives for it"));
    expect(() => readResults([{ name: 'sweep/summary.csv', text: summary }, { name: 'sweep/points.csv', text: 'point\r\n0\r\n' }])).toThrow(/^these are a sweep's files \(points\.csv is among them\)/);
  });

  it('should refuse two rows for one arm, subgroup and metric, where the second would hide the first', () => {
    const joined = summary + summary.split('\r\n').slice(2).join('\r\n');
    expect(() => readResults([{ name: 'summary.csv', text: joined }])).toThrow(new ResultsError("summary.csv: two rows for arm “groups”, subgroup “everyone”, metric “depth”; kith run writes one (are two runs' tables joined?)"));
  });

  it('should ask for summary.csv or effects.csv when neither is there', () => {
    expect(() => readResults([{ name: 'runs.csv', text: 'x\r\n' }])).toThrow(/expected summary\.csv or effects\.csv/);
  });
});
