/** The address carries every setting; whatever it holds, reading it never throws. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultState, formatState, parseState, type ViewState } from '../../viz/state/url.ts';

const SCENARIOS = ['baseline', 'covid-lockdown'];

describe('parseState', () => {
  it('should read back what formatState wrote', () => {
    const state: ViewState = {
      ...defaultState(),
      scenario: 'baseline',
      arms: ['shg', 'no-shg'],
      seed: 42,
      levers: { persons: 500, cut: 0.25 },
      live: [{ type: 'lockdown', day: 12 }, { type: 'reopening', day: 40 }],
      day: 80,
      speed: 20,
      subgroup: 'older',
      metric: 'recoveryDays',
      person: 17,
      presenter: true,
    };
    expect(parseState(formatState(state), SCENARIOS)).toEqual({ state, problems: [] });
  });

  it('should report an unknown scenario as text and show the default', () => {
    const { state, problems } = parseState('?scenario=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', SCENARIOS);
    expect(state.scenario).toBe('covid-lockdown');
    expect(problems).toEqual(['There is no scenario “<img src=x onerror=alert(1)>”; showing covid-lockdown.']);
  });

  it('should read any seed kith run takes, and report one it does not', () => {
    // The seed field takes it, kith run --seed too; the address gave seed 1 back on a reload.
    expect(parseState('?seed=12345678901', SCENARIOS)).toEqual({ state: { ...defaultState(), seed: 12345678901 }, problems: [] });
    expect(parseState(`?seed=${Number.MAX_SAFE_INTEGER}`, SCENARIOS).state.seed).toBe(Number.MAX_SAFE_INTEGER);
    const { state, problems } = parseState('?seed=9007199254740993', SCENARIOS);
    expect(state.seed).toBe(1);
    expect(problems).toEqual(['The seed must be a whole number from 0; got “9007199254740993”, using 1.']);
  });

  it('should reject levers out of range', () => {
    const { state, problems } = parseState('?persons=99999&cut=-1&older=0.5', SCENARIOS);
    expect(state.levers).toEqual({ older: 0.5 });
    expect(problems).toHaveLength(2);
  });

  it('should read the resilience metric, and report one that does not exist as text', () => {
    expect(parseState('?metric=loss', SCENARIOS)).toEqual({ state: { ...defaultState(), metric: 'loss' }, problems: [] });
    const { state, problems } = parseState('?metric=happiness', SCENARIOS);
    expect(state.metric).toBe('depth');
    expect(problems).toEqual(['There is no resilience metric “happiness”; showing depth.']);
  });

  it('should leave the default metric out of the address, and write any other', () => {
    expect(formatState(defaultState())).toBe('?scenario=covid-lockdown');
    expect(formatState({ ...defaultState(), metric: 'peakLonely' })).toBe('?scenario=covid-lockdown&metric=peakLonely');
  });

  it('should never throw, whatever the address holds', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (key, value) => {
        const q = new URLSearchParams({ [key]: value, scenario: value, live: value, seed: value });
        const { state } = parseState(`?${q}`, SCENARIOS);
        expect(SCENARIOS).toContain(state.scenario);
      }),
    );
  });
});
