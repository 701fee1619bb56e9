/**
 * Every kernel of the day by name (parallel.ts): what an executor, on this thread or another,
 * runs for a range of persons.
 */
import type { Executor, Kernel } from '../parallel.ts';
import { distressKernel, subgroupSumsKernel } from '../record/recorder.ts';
import { contactMemoryKernel } from './contact.ts';
import { growthKernel } from './growth.ts';
import { asksKernel, farSumsKernel, giversKernel, takersKernel, withheldKernel } from './informal.ts';
import { meetingsGiveKernel, meetingsTakePartKernel } from './meetings.ts';
import { needsKernel } from './needs.ts';
import { perceptionKernel } from './perception.ts';
import { shocksKernel } from './shocks.ts';
import type { World } from '../world.ts';
import { twinsOf } from '../wasm/twins.ts';
import { wellbeingKernel } from './wellbeing.ts';

export const KERNELS = {
  shocks: shocksKernel,
  contactMemory: contactMemoryKernel,
  asks: asksKernel,
  farSums: farSumsKernel,
  givers: giversKernel,
  withheld: withheldKernel,
  takers: takersKernel,
  meetingsTakePart: meetingsTakePartKernel,
  meetingsGive: meetingsGiveKernel,
  needs: needsKernel,
  perception: perceptionKernel,
  wellbeing: wellbeingKernel,
  growth: growthKernel,
  distress: distressKernel,
  subgroupSums: subgroupSumsKernel,
} as const satisfies Record<string, Kernel<never>>;

export type KernelName = keyof typeof KERNELS;

/**
 * Runs the kernel called `name` for persons `from … to − 1`, with the context its phase made: its
 * WebAssembly twin when the world has them (sim/wasm/twins.ts), which gives the same bits.
 */
export function runKernel(name: string, world: World, context: unknown, from: number, to: number, slot: number): void {
  const twin = twinsOf(world)?.kernels[name];
  const kernel = twin ?? KERNELS[name as KernelName];
  (kernel as Kernel<unknown>)(world, context, from, to, slot);
}

/** Runs every kernel in one call on this thread. */
export const SERIAL_EXECUTOR: Executor = {
  slots: 1,
  run: (world, name, context) => runKernel(name, world, context, 0, world.n, 0),
};
