/**
 * A day stepped phase by phase with a clock around each, for `--phases`. It repeats the body of
 * `step()` in sim/day/step.ts — the PHASES in order, then `record`, then the clock moves on — so
 * if that body changes, change this with it.
 */
import { PHASES, type Simulation } from '../sim/index.ts';
import { record } from '../sim/record/recorder.ts';

/** Seconds spent in each phase, by name, summed over the days stepped. */
export type PhaseTimes = Record<string, number>;

/** The phases as the profile names them, in their order: PHASES, then `record`. */
export const PHASE_NAMES: readonly string[] = [...PHASES.map(([name]) => name), 'record'];

/** Steps `sim` one day, adding each phase's wall seconds to `times`. */
export function profiledStep(sim: Simulation, times: PhaseTimes): void {
  if (sim.done) throw new Error('bench/profile: the run has ended');
  const { world, recorder } = sim;
  for (const [name, phase] of PHASES) {
    const t0 = performance.now();
    phase(world);
    times[name] = (times[name] ?? 0) + (performance.now() - t0) / 1000;
  }
  const t0 = performance.now();
  record(world, recorder);
  times.record = (times.record ?? 0) + (performance.now() - t0) / 1000;
  world.today++;
}
