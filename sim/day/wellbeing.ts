/**
 * Phase 9 — wellbeing.
 *   stress = 1 − e^(−Σ_f need[f])
 *   wb* = clamp(wb0 + β_c·(conn − ½) − β_s·stress·(1 − γ·iHave) − strain)
 *   wb += (1 − e^(−ρ·(0.5 + resilience)))·(wb* − wb),  resilience = (iAm + iCan + iHave) / 3
 * Connectedness helps whether or not one is stressed (main effect, Cohen 2004); perceived support
 * softens stress (buffering); more I AM, I CAN and I HAVE recover faster (Grotberg 1995).
 */
import type { World } from '../world.ts';
import { exp } from '../math.ts';

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

export function wellbeingKernel(world: World, settle: boolean, from: number, to: number): void {
  const { need, stress, wb, wb0, conn, iHave, iAm, iCan } = world.persons;
  const { strain } = world.scratch;
  const { betaC, betaS, gamma, rho } = world.params.wellbeing;
  for (let i = from, f = 3 * from; i < to; i++, f += 3) {
    const s = 1 - exp(-(need[f] + need[f + 1] + need[f + 2]));
    stress[i] = s;
    const target = clamp01(wb0[i] + betaC * (conn[i] - 0.5) - betaS * s * (1 - gamma * iHave[i]) - strain[i]);
    const resilience = (iAm[i] + iCan[i] + iHave[i]) / 3;
    wb[i] += (settle ? 1 : 1 - exp(-rho * (0.5 + resilience))) * (target - wb[i]);
  }
}

/** With `settle`, wb is set to its target (before day 0) instead of moving toward it. */
export function wellbeing(world: World, settle = false): void {
  world.executor.run(world, 'wellbeing', settle);
}
