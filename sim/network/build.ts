/**
 * The person-to-person layers of MODEL.md §3, drawn from the `network` stream in a fixed order:
 * household, kin, friend, neighbour, coworker. Every tie takes its strength draw whether or not
 * it is later dropped as a duplicate, so the stream never shifts.
 */
import type { Sharing } from '../fields.ts';
import type { Params } from '../params/index.ts';
import { AGE, AGE_BANDS } from '../population/fields.ts';
import type { Population } from '../population/build.ts';
import { constructionStream, poisson, randomIndex, shuffle, uniformBetween, type Rng } from '../random/index.ts';
import { compileNetwork, type Network } from './compile.ts';
import { EdgeList } from './edges.ts';
import { LAYER } from './layers.ts';

interface Builder {
  readonly rng: Rng;
  readonly edges: EdgeList;
  readonly population: Population;
  readonly params: Params;
}

type StrengthLayer = 'kin' | 'friend' | 'neighbour' | 'coworker';

function addTie(b: Builder, from: number, to: number, layer: StrengthLayer): void {
  const { strengthMin, strengthMax } = b.params.network[layer];
  b.edges.add(from, to, LAYER[layer], uniformBetween(b.rng, strengthMin, strengthMax));
}

/** A random person outside `person`'s household (or −1 when everyone lives together). */
function randomOutsider(b: Builder, person: number): number {
  const { household } = b.population.persons;
  const n = b.population.size;
  for (let attempt = 0; attempt < 32; attempt++) {
    const other = randomIndex(b.rng, n);
    if (household[other] !== household[person]) return other;
  }
  return -1;
}

/** Everyone in a household is tied to everyone else in it, with strength 1. */
function householdLayer(b: Builder): void {
  const starts = b.population.householdStart;
  for (let h = 0; h + 1 < starts.length; h++) {
    for (let i = starts[h]; i < starts[h + 1]; i++) {
      for (let j = i + 1; j < starts[h + 1]; j++) b.edges.add(i, j, LAYER.household, 1);
    }
  }
}

/** Family in other households: each person draws Poisson(kinPerPerson) relatives at random. */
function kinLayer(b: Builder): void {
  for (let i = 0; i < b.population.size; i++) {
    const count = poisson(b.rng, b.params.network.kinPerPerson);
    for (let k = 0; k < count; k++) {
      const other = randomOutsider(b, i);
      if (other >= 0) addTie(b, i, other, 'kin');
    }
  }
}

/**
 * A small world over the ring: each person befriends the next 4 / 3 / 2 persons round the ring
 * (young / adult / older) outside their own household; the far end of each tie is rewired to a
 * random outsider with probability `friendRewire` (Watts & Strogatz 1998).
 */
function friendLayer(b: Builder): void {
  const { ageBand, household } = b.population.persons;
  const n = b.population.size;
  const ahead = AGE_BANDS.map((band) => b.params.network.friendsAhead[band]);
  for (let i = 0; i < n; i++) {
    let next = i;
    for (let k = 0; k < ahead[ageBand[i]]; k++) {
      // Skip housemates: they are tied already, on the household layer.
      do next = (next + 1) % n;
      while (household[next] === household[i] && next !== i);
      if (next === i) break;
      const rewire = b.rng.next() < b.params.network.friendRewire;
      const other = rewire ? randomOutsider(b, i) : next;
      if (other >= 0) addTie(b, i, other, 'friend');
    }
  }
}

/** Each person knows up to `neighbours` persons of the next household on the ring. */
function neighbourLayer(b: Builder): void {
  const starts = b.population.householdStart;
  const households = starts.length - 1;
  if (households < 2) return;
  const picked: number[] = [];
  for (let h = 0; h < households; h++) {
    const next = (h + 1) % households;
    const first = starts[next];
    const size = starts[next + 1] - first;
    const count = Math.min(b.params.network.neighbours, size);
    for (let i = starts[h]; i < starts[h + 1]; i++) {
      picked.length = 0;
      while (picked.length < count) {
        const other = first + randomIndex(b.rng, size);
        if (!picked.includes(other)) picked.push(other);
      }
      for (const other of picked) addTie(b, i, other, 'neighbour');
    }
  }
}

/**
 * Young and adult persons are employed with probability `employment`, put in workplaces of
 * `workplaceSize` at random, and tied to `colleagues` random colleagues each.
 */
function coworkerLayer(b: Builder): void {
  const order = employed(b);
  shuffle(b.rng, order);
  tieColleagues(b, order);
}

/** The employed, in person order (a function of its own: compileNetwork says why). */
function employed(b: Builder): Int32Array {
  const { ageBand } = b.population.persons;
  const { employment } = b.params.network;
  const workers: number[] = [];
  for (let i = 0; i < b.population.size; i++) {
    const employed = b.rng.next() < employment;
    if (employed && ageBand[i] !== AGE.older) workers.push(i);
  }
  return Int32Array.from(workers);
}

/** Workplaces of `workplaceSize` in `order`, each worker tied to `colleagues` random colleagues. */
function tieColleagues(b: Builder, order: Int32Array): void {
  const { workplaceSize, colleagues } = b.params.network;
  const picked: number[] = [];
  for (let start = 0; start < order.length; start += workplaceSize) {
    const size = Math.min(workplaceSize, order.length - start);
    const count = Math.min(colleagues, size - 1);
    for (let w = 0; w < size; w++) {
      picked.length = 0;
      while (picked.length < count) {
        const c = randomIndex(b.rng, size);
        if (c !== w && !picked.includes(c)) picked.push(c);
      }
      for (const c of picked) addTie(b, order[start + w], order[start + c], 'coworker');
    }
  }
}

export function buildNetwork(params: Params, population: Population, seed: number, shared: Sharing = false): Network {
  const b: Builder = { rng: constructionStream(seed, 'network'), edges: new EdgeList(), population, params };
  householdLayer(b);
  kinLayer(b);
  friendLayer(b);
  neighbourLayer(b);
  coworkerLayer(b);
  return compileNetwork(b.edges, population.size, params, shared);
}
