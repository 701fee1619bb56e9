/** Phase 7 — needs: what is left resolves slowly on its own, faster with more I AM. */
import type { World } from '../world.ts';

export function needsKernel(world: World, _context: unknown, from: number, to: number): void {
  const { need, iAm } = world.persons;
  const decay = world.params.needs.decay;
  for (let i = from, f = 3 * from; i < to; i++, f += 3) {
    // need[f] = residual · (1 − δ·(0.5 + iAm)); never below zero when δ·(0.5 + iAm) > 1.
    const keep = Math.max(0, 1 - decay * (0.5 + iAm[i]));
    need[f] *= keep;
    need[f + 1] *= keep;
    need[f + 2] *= keep;
  }
}

export function needs(world: World): void {
  world.executor.run(world, 'needs', null);
}
