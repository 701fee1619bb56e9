/** The layout is computed once per network, seeded, and shared by both panels. */
import { describe, expect, it } from 'vitest';
import { resolveParams, Simulation } from '../../sim/index.ts';
import { computeLayout } from '../../viz/engine/layout.ts';

const world = new Simulation(resolveParams({ persons: 300 }), 3).world;
const input = { n: world.n, offsets: world.network.offsets, neighbour: world.network.neighbour, seed: 3, ticks: 60 };

describe('computeLayout', () => {
  it('should give the same positions for the same network and seed', () => {
    expect(computeLayout(input)).toEqual(computeLayout(input));
  });

  it('should place every person within the unit disc', () => {
    const xy = computeLayout(input);
    for (let i = 0; i < world.n; i++) expect(Math.hypot(xy[2 * i], xy[2 * i + 1])).toBeLessThanOrEqual(1 + 1e-6);
    expect(xy.every(Number.isFinite)).toBe(true);
  });
});
