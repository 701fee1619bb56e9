/**
 * Initialisation of persons (MODEL.md §3): households of 1–5 laid along the ring, age bands by
 * household type, traits by age band. Each person's draws do not depend on the settings that use
 * them (internet access is one uniform draw against the band's probability), so changing, say,
 * older people's internet access changes only who is online.
 */
import { allocate, type Sharing } from '../fields.ts';
import type { Params } from '../params/index.ts';
import { beta, constructionStream, normal, pickWeighted, type Rng } from '../random/index.ts';
import { AGE_BANDS, PERSON_FIELDS, type Persons } from './fields.ts';

export interface Population {
  readonly size: number;
  readonly persons: Persons;
  /** Household h holds persons `householdStart[h] … householdStart[h + 1] − 1`. */
  readonly householdStart: Int32Array;
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/** Household sizes drawn until the population is filled; the last one is cut to fit. */
function drawHouseholds(rng: Rng, n: number, p: Params['population']): Int32Array {
  const weights = [p.householdSize.one, p.householdSize.two, p.householdSize.three, p.householdSize.four, p.householdSize.five];
  const starts: number[] = [0];
  let filled = 0;
  while (filled < n) {
    filled = Math.min(n, filled + 1 + pickWeighted(rng, weights));
    starts.push(filled);
  }
  return Int32Array.from(starts);
}

export function buildPopulation(params: Params, seed: number, shared: Sharing = false): Population {
  const n = params.persons;
  const p = params.population;
  const rng = constructionStream(seed, 'population');
  const persons = allocate(PERSON_FIELDS, n, shared);
  const householdStart = drawHouseholds(rng, n, p);
  const ageAlone = AGE_BANDS.map((band) => p.ageLivingAlone[band]);
  const ageShared = AGE_BANDS.map((band) => p.ageWithOthers[band]);
  const digitalByAge = AGE_BANDS.map((band) => p.digital[band]);

  for (let h = 0; h + 1 < householdStart.length; h++) {
    const first = householdStart[h];
    const size = householdStart[h + 1] - first;
    for (let i = first; i < first + size; i++) {
      persons.household[i] = h;
      persons.householdSize[i] = size;
      const band = pickWeighted(rng, size === 1 ? ageAlone : ageShared);
      persons.ageBand[i] = band;
      persons.iAm[i] = beta(rng, p.iAmAlpha, p.iAmBeta);
      persons.iCan[i] = beta(rng, p.iCanAlpha, p.iCanBeta);
      persons.material[i] = beta(rng, p.materialAlpha, p.materialBeta);
      persons.digital[i] = rng.next() < digitalByAge[band] ? 1 : 0;
      const wb0 = clamp01(p.wbBase + p.wbPerIAm * persons.iAm[i] + p.wbSd * normal(rng));
      persons.wb0[i] = wb0;
      persons.wb[i] = wb0;
    }
  }
  return { size: n, persons, householdStart };
}
