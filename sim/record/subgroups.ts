/**
 * Subgroups fixed on day 0 (MODEL.md §8): the same persons in every arm, so paired effects stay
 * paired. Membership is a bit mask per person.
 */
import type { Network } from '../network/compile.ts';
import { LAYER } from '../network/layers.ts';
import { AGE, type Persons } from '../population/fields.ts';
import { hashWords } from '../random/keyed.ts';

export const SUBGROUPS = [
  'everyone',
  'living-alone',
  'weak-family',
  'no-internet',
  'young',
  'older',
  'low-income',
  'shg-members',
] as const;
export type Subgroup = (typeof SUBGROUPS)[number];

export const SUBGROUP_DOCS: Record<Subgroup, string> = {
  everyone: 'the whole population',
  'living-alone': 'persons in one-person households',
  'weak-family': 'persons with at most one kin tie',
  'no-internet': 'persons without internet access',
  young: 'persons aged 18–29',
  older: 'persons aged 65 and over',
  'low-income': 'the bottom fifth of material resources',
  'shg-members': 'members of a self-help group on day 0',
};

/**
 * A fingerprint of a subgroup's members, 16 hex digits: the same for the same persons, and for
 * others with odds of about 2^−64. Effects pair a subgroup's runs only where their fingerprints
 * agree: in an arm that changes who is in it (who has internet, say), a paired difference would
 * compare other persons, so there is none.
 */
export function membershipKey(members: Int32Array): string {
  const hex = (h: number) => h.toString(16).padStart(8, '0');
  return hex(hashWords(members, 0x4b697468)) + hex(hashWords(members, 0x73756267));
}

/**
 * Sets each person's subgroup mask — from their own attributes, or, when `given`, another world's
 * masks of the same persons (world.ts subgroupMasksOf) — and returns each subgroup's members in
 * person order.
 */
export function assignSubgroups(persons: Persons, network: Network, given?: Uint8Array): Int32Array[] {
  if (given) persons.subgroups.set(given);
  else setMasks(persons, network);
  return subgroupLists(persons.subgroups);
}

/**
 * Each person's subgroup mask. (Each loop of the build in a function of its own:
 * network/compile.ts compileNetwork says why.)
 */
function setMasks(persons: Persons, network: Network): void {
  const n = network.persons;
  const L = network.layers;
  // Bottom fifth by rank, so its size does not depend on the distribution's shape.
  const lowIncomeBelow = persons.material.slice().sort()[Math.floor(n / 5)];
  for (let i = 0; i < n; i++) {
    const kinTies = network.offsets[i * L + LAYER.kin + 1] - network.offsets[i * L + LAYER.kin];
    const member = [
      true,
      persons.householdSize[i] === 1,
      kinTies <= 1,
      persons.digital[i] === 0,
      persons.ageBand[i] === AGE.young,
      persons.ageBand[i] === AGE.older,
      persons.material[i] < lowIncomeBelow,
      persons.group[i] >= 0,
    ];
    let mask = 0;
    member.forEach((inside, s) => {
      if (inside) mask |= 1 << s;
    });
    persons.subgroups[i] = mask;
  }
}

/** Each subgroup's size, from the masks. */
function subgroupSizes(masks: Uint8Array): number[] {
  const sizes = new Array<number>(SUBGROUPS.length).fill(0);
  for (let i = 0; i < masks.length; i++) for (let s = 0; s < SUBGROUPS.length; s++) sizes[s] += (masks[i] >>> s) & 1;
  return sizes;
}

/** Each subgroup's members in person order, from the masks. */
function subgroupLists(masks: Uint8Array): Int32Array[] {
  const lists = subgroupSizes(masks).map((size) => new Int32Array(size));
  const filled = new Array<number>(SUBGROUPS.length).fill(0);
  for (let i = 0; i < masks.length; i++) {
    for (let s = 0; s < SUBGROUPS.length; s++) if ((masks[i] >>> s) & 1) lists[s][filled[s]++] = i;
  }
  return lists;
}
