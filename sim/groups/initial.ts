/**
 * Day-0 self-help groups (MODEL.md §3): `shg.initialShare` of persons, drawn with weight
 * 1 / (1 + Σ w·rate) — people with less support join more (Kessler et al. 1997) — and grouped
 * along the ring in groups of `sizeMin … sizeMax`.
 */
import type { Network } from '../network/compile.ts';
import type { Params } from '../params/index.ts';
import type { Persons } from '../population/fields.ts';
import { constructionStream, randomInt, type Rng } from '../random/index.ts';
import { GOVERNANCE, Groups, KIND, MODE } from './store.ts';
import { log } from '../math.ts';

/** Efraimidis–Spirakis weighted sampling without replacement: the m largest of ln(u) / weight. */
function weightedSample(keys: Float64Array, m: number): Int32Array {
  if (m <= 0) return new Int32Array(0);
  const sorted = keys.slice().sort();
  const threshold = sorted[keys.length - m];
  const chosen = new Int32Array(m);
  let k = 0;
  for (let i = 0; i < keys.length && k < m; i++) if (keys[i] >= threshold) chosen[k++] = i;
  return chosen;
}

export function initialGroups(params: Params, persons: Persons, network: Network, seed: number): Groups {
  const rng = constructionStream(seed, 'groups');
  const members = weightedSample(sampleKeys(network, rng), Math.round(params.shg.initialShare * network.persons)); // ascending: ring order
  return formGroups(params, persons, members, rng);
}

/**
 * Each person's key for the weighted sample: ln(u)·(1 + Σ w·rate). (Each loop of the build in a
 * function of its own: network/compile.ts compileNetwork says why.)
 */
function sampleKeys(network: Network, rng: Rng): Float64Array {
  const L = network.layers;
  const keys = new Float64Array(network.persons);
  for (let i = 0; i < keys.length; i++) {
    let support = 0;
    for (let e = network.offsets[i * L]; e < network.offsets[(i + 1) * L]; e++) support += network.weight[e];
    keys[i] = log(1 - rng.next()) * (1 + support);
  }
  return keys;
}

/** The sampled members, in ring order, cut into groups of `sizeMin … sizeMax`. */
function formGroups(params: Params, persons: Persons, members: Int32Array, rng: Rng): Groups {
  const groups = new Groups(Math.ceil(members.length / params.shg.sizeMin) + 1);
  const { sizeMin, sizeMax, hybridShare } = params.shg;
  const governance = GOVERNANCE[params.shg.governance];
  const kind = KIND[params.shg.kind];
  let next = 0;
  while (next < members.length) {
    let size = randomInt(rng, sizeMin, sizeMax);
    // Too few left for another group: they join this one.
    if (members.length - (next + size) < sizeMin) size = members.length - next;
    const mode = rng.next() < hybridShare ? MODE.hybrid : MODE.faceToFace;
    const g = groups.add(mode, governance, kind, 0);
    for (let k = next; k < next + size; k++) {
      const person = members[k];
      persons.group[person] = g;
      persons.everMember[person] = 1;
      persons.exp[person] = 0.5 * rng.next();
    }
    groups.columns.members[g] = size;
    next += size;
  }
  return groups;
}
