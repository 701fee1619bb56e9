/**
 * One day (MODEL.md §4): the eleven phases in their fixed order. Every phase reads other persons'
 * state as it was at the start of the day and writes only each person's own state, so a result
 * cannot depend on the order persons are visited, and the phases that touch every person run as
 * kernels over ranges of persons, on one thread or several (parallel.ts). Sums across persons —
 * means, flows, group and service totals, and the two working sums a few persons add to their
 * ties' other ends (what short givers withhold in phase 4, counts of lonely friends and kin as
 * flags change in phase 11) — are added in a fixed order (per chunk of persons, then chunk by
 * chunk), so the same seed gives the same bits however many threads run it.
 */
import { record, type Recorder } from '../record/recorder.ts';
import type { World } from '../world.ts';
import { contact } from './contact.ts';
import { formal } from './formal.ts';
import { growth } from './growth.ts';
import { informal } from './informal.ts';
import { meetings } from './meetings.ts';
import { needs } from './needs.ts';
import { perception } from './perception.ts';
import { shocks } from './shocks.ts';
import { timeline } from './timeline.ts';
import { wellbeing } from './wellbeing.ts';

/** The phases in order, named for profiling; `record` is the eleventh. */
export const PHASES = [
  ['timeline', timeline], //  1. this day's events
  ['shocks', shocks], //  2. life events and isolation add need
  ['contact', contact], //  3. contact over open channels
  ['informal', informal], //  4. seek and give support over ties
  ['formal', formal], //  5. services share their capacity
  ['meetings', meetings], //  6. self-help groups meet
  ['needs', needs], //  7. what is left resolves slowly
  ['perception', perception], //  8. perceived support and connectedness
  ['wellbeing', wellbeing], //  9. main effect and buffering
  ['growth', growth], // 10. experience, capacity, joining, leaving, dissolving
] as const satisfies readonly (readonly [string, (world: World) => void])[];

export function step(world: World, recorder: Recorder): void {
  for (const [, phase] of PHASES) phase(world);
  record(world, recorder); // 11. the day's outcomes
  world.today++;
}
