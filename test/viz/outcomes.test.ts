/** What the outcome charts say where a live run has no value of a metric yet. */
import { describe, expect, it } from 'vitest';
import { DAILY_OUTCOMES, SUBGROUPS, WORLD_OUTCOMES } from '../../sim/index.ts';
import { liveNoValue, lockdownMarks, metricPending, metricsData, noValueHint, wellbeingData, type SeriesLike } from '../../viz/charts/outcomes.ts';
import { balancedLines, wrapText } from '../../viz/charts/measure.ts';

const crisis = { start: 90, end: 160 };

describe('metricPending', () => {
  it('should say that every metric waits for the crisis to start', () => {
    expect(metricPending('depth', crisis, 40, 364)).toBe('Not available until the crisis starts, on day 90.');
  });

  it('should say that the recovery time waits for wellbeing to recover after the crisis', () => {
    expect(metricPending('recoveryDays', crisis, 120, 364)).toBe('Not available until wellbeing recovers after the crisis (ends day 160).');
    expect(metricPending('recoveryDays', crisis, 364, 364)).toBe('Wellbeing did not recover by the last day: see recoveryCensored.');
  });

  it('should say that the share recovered waits for the last day', () => {
    expect(metricPending('recovered', crisis, 200, 364)).toBe('Not available until the last day, day 364.');
  });

  it('should say, on the last day, that no one had to recover when no one was distressed', () => {
    expect(metricPending('recovered', crisis, 364, 364)).toBe('No one was distressed during the crisis, so no one had to recover.');
  });

  it('should say when there is no crisis window at all', () => {
    expect(metricPending('depth', null, 200, 364)).toBe('Not available: this scenario has no crisis window to measure against.');
  });
});

describe('wrapText', () => {
  it('should break between words, keeping every word in order', () => {
    const text = 'Not available until wellbeing recovers after the crisis (ends day 160).';
    const lines = wrapText(text, 150, 10);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(text);
  });
});

// Without a canvas (here) a text is 0.6 of the type's size wide a character.
describe('balancedLines', () => {
  it('should take as few lines as wrapText, as even as they can be', () => {
    expect(wrapText('Support received per function', 150, 10)).toEqual(['Support received per', 'function']);
    expect(balancedLines('Support received per function', 150, 10)).toEqual(['Support received', 'per function']);
  });

  it('should break between phrases where that takes no more lines', () => {
    expect(balancedLines('Distress and loneliness — older', 150, 10)).toEqual(['Distress and loneliness', '— older']);
    expect(balancedLines('Support received by online-shg, by source', 200, 10)).toEqual(['Support received by online-shg,', 'by source']);
  });

  it('should keep a text that fits on one line', () => {
    expect(balancedLines('Mean wellbeing — older', 150, 10)).toEqual(['Mean wellbeing — older']);
  });
});

describe('metricsData', () => {
  const arms = [
    { name: 'no-online-shg', colour: '#0072B2', values: [{ mean: 0.05 }, null] },
    { name: 'online-shg', colour: '#009E73', values: [{ mean: 0.04 }, { mean: 0.07 }] },
  ];

  it('should key the dots to each arm in its own colour', () => {
    expect(metricsData('depth', ['everyone', 'older'], arms, 'no-online-shg').legend).toEqual([
      { label: 'no-online-shg', colour: '#0072B2', swatch: 'dot' },
      { label: 'online-shg', colour: '#009E73', swatch: 'dot' },
    ]);
  });

  it('should take each difference from the reference, in the colour of the arm it is of', () => {
    const { differences } = metricsData('depth', ['everyone', 'older'], arms, 'no-online-shg');
    expect(differences).toHaveLength(1);
    expect(differences[0].colour).toBe('#009E73');
    expect(differences[0].values[0]?.mean).toBeCloseTo(-0.01, 12);
    expect(differences[0].values[1]).toBeNull();
  });
});

describe('rows without a value', () => {
  // SUBGROUPS order: everyone, living-alone, weak-family, no-internet, young, older, …
  const OLDER = 5;
  const emptyOlder = (_arm: string, i: number) => i === OLDER;

  it('should say that a live arm has no value for an empty subgroup, naming who is missing', () => {
    const why = liveNoValue('depth', crisis, 130, 364, emptyOlder);
    expect(why('no-mutual-aid', OLDER)).toBe('Empty subgroup: there are no persons aged 65 and over.');
  });

  it('should say that a metric still waits for its days where the subgroup has persons', () => {
    const why = liveNoValue('recovered', crisis, 130, 364, emptyOlder);
    expect(why('no-mutual-aid', 0)).toBe('Not available until the last day, day 364.');
  });

  it('should give no hint where any series has a value, one sentence where all agree, else one per series', () => {
    const series = [
      { name: 'a', values: [{ mean: 1 }, null, null] },
      { name: 'b', values: [null, null, null] },
    ];
    const why = (arm: string, i: number) => (i === 2 && arm === 'b' ? 'Not yet.' : 'Empty.');
    expect(noValueHint(series, 0, why)).toBeNull();
    expect(noValueHint(series, 1, why)).toBe('Empty.');
    expect(noValueHint(series, 2, why)).toBe('a: Empty. b: Not yet.');
  });

  it('should hint at the rows with no value in each panel, and say why a difference is missing', () => {
    const arms = [
      { name: 'no-mutual-aid', colour: '#0072B2', values: [{ mean: 0.05 }, null, { mean: 0.02 }] },
      { name: 'mutual-aid-platform', colour: '#D55E00', values: [{ mean: 0.04 }, null, null] },
    ];
    const why = (arm: string, i: number) => (i === 1 ? 'Empty subgroup.' : `Not yet in ${arm}.`);
    const { hints } = metricsData('depth', ['everyone', 'older', 'young'], arms, 'no-mutual-aid', { why });
    expect(hints.arms).toEqual([null, 'Empty subgroup.', null]);
    expect(hints.difference).toEqual([
      null,
      'No difference: no-mutual-aid and mutual-aid-platform have no value. Empty subgroup.',
      'No difference: mutual-aid-platform has no value. Not yet in mutual-aid-platform.',
    ]);
  });

  it('should say only that the results hold no value, in a results folder', () => {
    const arms = [{ name: 'shg', colour: '#0072B2', values: [null] }];
    expect(metricsData('depth', ['older'], arms, 'shg').hints.arms).toEqual(['The results hold no value for this subgroup.']);
  });
});

describe('wellbeingData', () => {
  const arm = (name: string, colour: string, lockdown = 0): SeriesLike => ({
    name,
    colour,
    days: 3,
    recorded: 3,
    daily: Object.fromEntries(DAILY_OUTCOMES.map((o) => [o.name, new Float64Array(3 * SUBGROUPS.length).fill(0.7)])) as SeriesLike['daily'],
    world: Object.fromEntries(WORLD_OUTCOMES.map((o) => [o.name, new Float64Array(3).fill(o.name === 'lockdown' ? lockdown : 0)])) as SeriesLike['world'],
  });

  it('should key the bands in the colours they are drawn in, one per arm', () => {
    const data = wellbeingData([arm('no-online-shg', '#0072B2'), arm('online-shg', '#009E73')], 0, null, null);
    const band = data.legend?.find((e) => e.swatch === 'band');
    expect(band).toEqual({ label: '10–90% band', colour: '#0072B2', colours: ['#0072B2', '#009E73'], swatch: 'band' });
    expect(data.bands?.map((b) => b.colour)).toEqual(band?.colours);
  });

  it('should mark a day of lockdown in any arm, up to the days recorded', () => {
    const locked = arm('a', '#0072B2');
    locked.world.lockdown.set([0, 1, 1]);
    const marks = lockdownMarks([{ ...locked, recorded: 2 }, arm('b', '#009E73')]);
    expect([0, 1, 2].map(marks.lockdown)).toEqual([false, true, false]);
    expect(marks.recordedLockdown).toBe(3);
    expect(marks.legend).toEqual([{ label: 'lockdown', colour: '#6A3D9A', swatch: 'bar' }]);
  });

  it('should add the lockdown entry only where there are days of lockdown', () => {
    const labels = (lockdown: number) => wellbeingData([arm('a', '#0072B2', lockdown), arm('b', '#009E73')], 0, null, null).legend?.map((e) => e.label);
    expect(labels(0)).toEqual(['a', 'b', '10–90% band']);
    expect(labels(1)).toEqual(['a', 'b', '10–90% band', 'lockdown']);
  });
});
