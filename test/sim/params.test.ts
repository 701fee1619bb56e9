import { describe, expect, it } from 'vitest';
import { defaultParams, ParamError, PARAMETERS, resolveParams, run, validateParams } from '../../sim/index.ts';

/** The message `run()` throws for these settings, or '' if it does not throw. */
function runError(overrides: object): string {
  let days = 0;
  try {
    run({ ...defaultParams(), persons: 50, days: 5, ...overrides }, 1, { onDay: () => days++ });
  } catch (e) {
    expect(e).toBeInstanceOf(ParamError);
    expect(days).toBe(0); // nothing ran
    return (e as Error).message;
  }
  return '';
}

describe('parameter validation', () => {
  it('accepts the defaults', () => {
    expect(() => validateParams(defaultParams())).not.toThrow();
  });

  it('names a negative rate, what was expected and what was given', () => {
    const shocks = { ...defaultParams().shocks, rate: { emotional: -0.1, informational: 0.02, instrumental: 0.01 } };
    expect(runError({ shocks })).toBe('shocks.rate.emotional: expected a number of at least 0, got -0.1');
  });

  it('names a share outside [0, 1]', () => {
    const lockdown = { ...defaultParams().lockdown, faceToFaceCut: 1.2 };
    expect(runError({ lockdown })).toBe('lockdown.faceToFaceCut: expected a number from 0 to 1, got 1.2');
  });

  it('rejects days ≤ 0', () => {
    expect(runError({ days: 0 })).toBe('days: expected an integer from 1 to 3650, got 0');
    expect(runError({ days: -3 })).toBe('days: expected an integer from 1 to 3650, got -3');
  });

  it('rejects persons outside 2 … 10,000,000', () => {
    expect(runError({ persons: 1 })).toBe('persons: expected an integer from 2 to 10000000, got 1');
    expect(runError({ persons: 10_000_001 })).toBe('persons: expected an integer from 2 to 10000000, got 10000001');
    expect(runError({ persons: 2.5 })).toBe('persons: expected an integer from 2 to 10000000, got 2.5');
  });

  it('rejects a timeline event on an unknown layer', () => {
    expect(runError({ timeline: [{ type: 'lockdown', day: 2, layers: ['friend', 'pub'] }] })).toBe(
      'timeline[0].layers[1]: expected one of "kin", "friend", "neighbour", "coworker", "formal", "shg", got "pub"',
    );
  });

  it('rejects an unknown kind of event, naming the kinds', () => {
    expect(runError({ timeline: [{ type: 'curfew', day: 2 }] })).toBe(
      'timeline[0].type: expected an event type, one of "lockdown", "reopening", "platform", "capacity", "shock", got "curfew"',
    );
  });

  it('rejects an event after the last day, giving the valid days', () => {
    expect(runError({ timeline: [{ type: 'reopening', day: 5 }] })).toBe('timeline[0].day: expected an integer from 0 to 4, got 5');
    expect(runError({ timeline: [{ type: 'reopening', day: 'ninety' }] })).toBe('timeline[0].day: expected an integer from 0 to 4, got "ninety"');
  });

  it('rejects a set of relative weights that are all zero, leaving nothing to draw', () => {
    const zero = { one: 0, two: 0, three: 0, four: 0, five: 0 };
    expect(() => resolveParams({ population: { householdSize: zero } })).toThrow('population.householdSize: expected relative weights with at least one above 0');
    expect(() => resolveParams({ population: { ageLivingAlone: { young: 0, adult: 0, older: 0 } } })).toThrow('population.ageLivingAlone: expected relative weights');
    expect(() => resolveParams({ population: { householdSize: { ...zero, two: 1 } } })).not.toThrow();
  });

  it('suggests the nearest name for an unknown setting', () => {
    expect(() => resolveParams({ shocks: { meen: 1 } } as never)).toThrow('shocks.meen: unknown setting; did you mean "mean"?');
    expect(() => resolveParams({ persns: 10 } as never)).toThrow('persns: unknown setting; did you mean "persons"?');
  });

  it('rejects NaN and infinities', () => {
    expect(() => resolveParams({ support: { sigma: Number.NaN } })).toThrow('support.sigma: expected a number above 0 and at most 1');
    expect(() => resolveParams({ shocks: { mean: Infinity } })).toThrow('shocks.mean: expected a number above 0, got Infinity');
  });

  it('keeps kin below friends in spreading loneliness', () => {
    expect(() => resolveParams({ perception: { kappa: 0.1, kappaKin: 0.2 } })).toThrow(/^perception\.kappaKin: expected at most perception\.kappa \(0\.1\)/);
  });

  it('rejects a seed that is not a non-negative integer', () => {
    expect(() => run(resolveParams({ persons: 10, days: 2 }), -1)).toThrow('seed: expected a non-negative integer, got -1');
  });

  it('lists every parameter once, with a unit and a source', () => {
    const paths = PARAMETERS.map((p) => p.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const { path, leaf } of PARAMETERS) {
      expect(leaf.unit, path).not.toBe('');
      expect(leaf.doc, path).not.toBe('');
      expect(() => leaf.schema.parse(leaf.default), path).not.toThrow();
    }
  });
});
