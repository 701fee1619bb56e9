/** What the outcome charts say where a live run has no value of a metric yet. */
import { describe, expect, it } from 'vitest';
import { metricPending, metricsData } from '../../viz/charts/outcomes.ts';
import { wrapText } from '../../viz/charts/measure.ts';

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
