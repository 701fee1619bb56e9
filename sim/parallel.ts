/**
 * Phases that touch every person split their work into kernels over a range of persons, so one
 * run can use several threads (MODEL.md §4 and §5: a phase reads start-of-day state and writes
 * only the person's own state, and daily draws are keyed by person and day). An executor runs a
 * kernel over all persons: the serial one (day/kernels.ts, which names the kernels) in one call;
 * `cli/threads` splits the persons among threads over shared memory. Sums across persons are made
 * per chunk of CHUNK persons and combined in chunk order by the caller, so a result never depends
 * on how many threads ran it.
 */
import type { World } from './world.ts';

/** Persons per chunk of the sums across persons. */
export const CHUNK = 2048;

/** The most threads one run may use (each has working space of its own). */
export const MAX_SLOTS = 64;

/**
 * A kernel: the phase's work for persons `from … to − 1` (a whole number of chunks, but for the
 * last), with `context` the day's values the phase worked out first, and `slot` the thread's
 * number (0 … slots − 1), for working space of its own.
 */
export type Kernel<C> = (world: World, context: C, from: number, to: number, slot: number) => void;

export interface Executor {
  /** Threads, each with a slot of working space. */
  readonly slots: number;
  /** Runs the kernel named `name` (KERNELS) over every person; returns when all are done. */
  run(world: World, name: string, context: unknown): void;
}

/**
 * Persons cut into `parts` ranges of whole `align`-person units, as equal as may be: range k is
 * `bounds[k] … bounds[k + 1] − 1`.
 */
export function ranges(n: number, parts: number, align: number): number[] {
  const units = Math.ceil(n / align);
  return Array.from({ length: parts + 1 }, (_, k) => Math.min(n, Math.floor((k * units) / parts) * align));
}
