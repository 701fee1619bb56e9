/** The calibration is deterministic: from the same targets (and seeds) it reproduces its own fit. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calibrate, readTargets, type Targets } from '../../cli/calibrate.ts';
import { latinHypercube, nelderMead } from '../../cli/calibration/search.ts';

const FILE = new URL('../../calibration/targets.json', import.meta.url).pathname;

/** The shipped targets on a small budget: tiny worlds, a few points, a short refinement. */
function small(): Targets {
  const targets = readTargets(FILE);
  return {
    ...targets,
    search: { persons: 300, replicates: 1, seed: 1 },
    check: { persons: 300, replicates: 1, seed: 50 },
    method: { latinHypercubePoints: 3, nelderMeadStarts: 1, nelderMeadEvaluations: 4, seed: 3 },
  };
}

describe('calibration', () => {
  it('reproduces its own fitted values from its seed', () => {
    const first = calibrate(small()).fit;
    const second = calibrate(small()).fit;
    expect(second).toEqual(first);
    expect(Object.keys(first.parameters)).toEqual(Object.keys(JSON.parse(readFileSync(FILE, 'utf8')).parameters));
    for (const [path, [low, high]] of Object.entries(small().parameters)) {
      expect(first.parameters[path], path).toBeGreaterThanOrEqual(low);
      expect(first.parameters[path], path).toBeLessThanOrEqual(high);
    }
  });

  it('draws a Latin hypercube: one point in each slice of every dimension', () => {
    const points = latinHypercube(10, 3, 1);
    for (let j = 0; j < 3; j++) {
      expect(points.map((p) => Math.floor(p[j] * 10)).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }
  });

  it('finds the minimum of a quadratic bowl with Nelder–Mead', () => {
    const target = [0.3, 0.7];
    const found = nelderMead((p) => (p[0] - target[0]) ** 2 + 2 * (p[1] - target[1]) ** 2, [0.9, 0.1], 400, 0.1, 1e-14);
    expect(found.point[0]).toBeCloseTo(0.3, 4);
    expect(found.point[1]).toBeCloseTo(0.7, 4);
  });
});
