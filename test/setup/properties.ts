/**
 * fast-check's seed, set in every test worker before the tests. Locally each run draws a fresh
 * one, so the properties keep exploring; in CI the seed comes from the commit, so a CI run can be
 * repeated exactly and every commit still tries new inputs. `FC_SEED=n npm test` replays any run:
 * a failing property prints its seed (and the path to its smallest counterexample).
 */
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';

function commitSeed(): number {
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: new URL('../..', import.meta.url), encoding: 'utf8' });
  return Number.parseInt(head.slice(0, 8), 16) | 0;
}

function chosenSeed(): number | undefined {
  const given = process.env.FC_SEED;
  if (given !== undefined && given !== '') {
    const seed = Number(given);
    if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED: expected an integer, got ${JSON.stringify(given)}`);
    return seed | 0;
  }
  return process.env.CI === 'true' ? commitSeed() : undefined;
}

const seed = chosenSeed();
if (seed !== undefined) fc.configureGlobal({ seed });
