/**
 * Phase 2 — shocks: for each person and function, a life event with daily probability
 * rate[f] · m[f] adds Exp(mean) to need[f]; crisis multipliers m[f] = 1 + (M[f] − 1) · intensity,
 * with instrumental M = 1 + poverty · (1 − material). Isolation adds λ_iso · max(0, contactRef −
 * contact) to emotional need, from the contact of the day before (contact is updated in phase 3).
 */
import { crisisIntensity } from '../timeline/environment.ts';
import { dayKey, uniformAt } from '../random/index.ts';
import type { World } from '../world.ts';
import { log } from '../math.ts';

// A module-local copy: calling through an imported binding can cost a load per call in hot loops.
const uniform = uniformAt;

/** The day's rates and draw key, worked out once. */
export interface ShocksContext {
  readonly pEmotional: number;
  readonly pInformational: number;
  readonly poverty: number;
  readonly key: number;
}

export function shocksKernel(world: World, context: ShocksContext, from: number, to: number): void {
  const { need, material, contact, contactRef } = world.persons;
  const s = world.params.shocks;
  const { pEmotional, pInformational, poverty, key } = context;
  const rateInstrumental = s.rate.instrumental;
  const mean = s.mean;
  const isolation = s.isolation;
  for (let i = from, f = 3 * from; i < to; i++, f += 3) {
    // Draws 0/1, 2/3, 4/5: (whether, how much) per function.
    if (uniform(key, i, 0) < pEmotional) need[f] -= mean * log(1 - uniform(key, i, 1));
    if (uniform(key, i, 2) < pInformational) need[f + 1] -= mean * log(1 - uniform(key, i, 3));
    const pInstrumental = Math.min(1, rateInstrumental * (1 + poverty * (1 - material[i])));
    if (uniform(key, i, 4) < pInstrumental) need[f + 2] -= mean * log(1 - uniform(key, i, 5));
    const lost = contactRef[i] - contact[i];
    if (lost > 0) need[f] += isolation * lost;
  }
}

export function shocks(world: World): void {
  const s = world.params.shocks;
  const intensity = crisisIntensity(world.env, world.today, s);
  const context: ShocksContext = {
    pEmotional: Math.min(1, s.rate.emotional * (1 + (s.onsetEmotional - 1) * intensity)),
    pInformational: Math.min(1, s.rate.informational * (1 + (s.onsetInformational - 1) * intensity)),
    poverty: s.onsetInstrumentalPoverty * intensity,
    key: dayKey(world.keys.shocks, world.today),
  };
  world.executor.run(world, 'shocks', context);
}
