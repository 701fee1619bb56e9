/**
 * A day stepped phase by phase with a clock around each, for `--phases`. It repeats the body of
 * `step()` in sim/day/step.ts — the PHASES in order, then `record`, then the clock moves on — so
 * if that body changes, change this with it. The kernels a phase runs (sim/day/kernels.ts) are
 * timed too, through a clocked executor around the world's own (one thread or several), under
 * `phase.kernel`: phase 4's time splits into asks, givers, withheld and takers.
 */
import { PHASES, type Simulation } from '../sim/index.ts';
import type { Executor } from '../sim/parallel.ts';
import { record } from '../sim/record/recorder.ts';

/** Seconds spent in each phase, by name, and in each kernel, as `phase.kernel`, summed over the days stepped. */
export type PhaseTimes = Record<string, number>;

/** The phases as the profile names them, in their order: PHASES, then `record`. */
export const PHASE_NAMES: readonly string[] = [...PHASES.map(([name]) => name), 'record'];

/** The kernels timed within `phase`, in the order they first ran. */
export function kernelsOf(times: PhaseTimes, phase: string): string[] {
  return Object.keys(times)
    .filter((key) => key.startsWith(`${phase}.`))
    .map((key) => key.slice(phase.length + 1));
}

const add = (times: PhaseTimes, key: string, since: number) => (times[key] = (times[key] ?? 0) + (performance.now() - since) / 1000);

/** Steps `sim` one day, adding each phase's and each kernel's wall seconds to `times`. */
export function profiledStep(sim: Simulation, times: PhaseTimes): void {
  if (sim.done) throw new Error('bench/profile: the run has ended');
  const { world, recorder } = sim;
  const executor = world.executor;
  let phase = '';
  const clocked: Executor = {
    slots: executor.slots,
    run: (w, name, context) => {
      const t0 = performance.now();
      executor.run(w, name, context);
      add(times, `${phase}.${name}`, t0);
    },
  };
  world.executor = clocked;
  try {
    for (const [name, step] of PHASES) {
      phase = name;
      const t0 = performance.now();
      step(world);
      add(times, name, t0);
    }
    phase = 'record';
    const t0 = performance.now();
    record(world, recorder);
    add(times, 'record', t0);
  } finally {
    world.executor = executor;
  }
  world.today++;
}
