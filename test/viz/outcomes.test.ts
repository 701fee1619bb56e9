/** What the outcome charts say where a live run has no value of a metric yet. */
import { describe, expect, it } from 'vitest';
import { metricPending } from '../../viz/charts/outcomes.ts';
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
