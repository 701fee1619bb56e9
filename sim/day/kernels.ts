/**
 * Every kernel of the day by name (parallel.ts): what an executor, on this thread or another,
 * runs for a range of persons.
 */
import type { Kernel } from '../parallel.ts';
import { distressKernel, subgroupSumsKernel } from '../record/recorder.ts';
import { contactMemoryKernel } from './contact.ts';
import { asksKernel, giversKernel, takersKernel, withheldKernel } from './informal.ts';
import { needsKernel } from './needs.ts';
import { perceptionKernel } from './perception.ts';
import { shocksKernel } from './shocks.ts';
import { wellbeingKernel } from './wellbeing.ts';

export const KERNELS = {
  shocks: shocksKernel,
  contactMemory: contactMemoryKernel,
  asks: asksKernel,
  givers: giversKernel,
  withheld: withheldKernel,
  takers: takersKernel,
  needs: needsKernel,
  perception: perceptionKernel,
  wellbeing: wellbeingKernel,
  distress: distressKernel,
  subgroupSums: subgroupSumsKernel,
} as const satisfies Record<string, Kernel<never>>;

export type KernelName = keyof typeof KERNELS;
