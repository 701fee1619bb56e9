/**
 * bench/profile.ts steps a day phase by phase with clocks around the phases and their kernels. It
 * repeats step()'s body, so it must simulate the same day: the same bits as an unprofiled run.
 */
import { describe, expect, it } from 'vitest';
import { kernelsOf, PHASE_NAMES, profiledStep, type PhaseTimes } from '../../bench/profile.ts';
import { resolveParams, Simulation } from '../../sim/index.ts';

const params = resolveParams({
  persons: 400,
  days: 40,
  timeline: [
    { type: 'lockdown', day: 10 },
    { type: 'platform', day: 10, open: true },
  ],
});

describe('bench/profile', () => {
  it('should simulate the same days as step(), to the bit', () => {
    const plain = new Simulation(params, 3);
    const profiled = new Simulation(params, 3);
    const times: PhaseTimes = {};
    while (!plain.done) plain.step();
    while (!profiled.done) profiledStep(profiled, times);
    expect(profiled.results()).toEqual(plain.results());
    expect(profiled.world.executor).toBe(plain.world.executor);
  });

  it('should time every phase and, under it, the kernels it runs', () => {
    const sim = new Simulation(params, 3);
    const times: PhaseTimes = {};
    for (let d = 0; d < 3; d++) profiledStep(sim, times);
    expect(PHASE_NAMES.filter((name) => !(times[name] >= 0))).toEqual([]);
    expect(kernelsOf(times, 'informal')).toEqual(['asks', 'givers', 'withheld', 'takers']);
    expect(kernelsOf(times, 'record')).toEqual(['distress', 'subgroupSums']);
    expect(kernelsOf(times, 'meetings')).toEqual(['meetingsTakePart', 'meetingsGive']);
    expect(kernelsOf(times, 'growth')).toEqual(['growth']);
    expect(kernelsOf(times, 'formal')).toEqual([]);
    for (const phase of PHASE_NAMES) {
      const inKernels = kernelsOf(times, phase).reduce((sum, k) => sum + times[`${phase}.${k}`], 0);
      expect(inKernels, phase).toBeLessThanOrEqual(times[phase]);
    }
  });
});
