/**
 * The persons in a group, listed in person order: phases 6 and 10 walk these few (about one in
 * twenty) instead of every person. A kernel over persons `from … to − 1` walks the members in
 * that range, `lowerBound(from) … lowerBound(to) − 1` of the list, so threads split the members
 * as they split the persons.
 */
import { twinsOf } from '../wasm/twins.ts';
import type { World } from '../world.ts';

/** Lists the persons in a group now, in person order, into `scratch.members`; returns the list. */
export function listMembers(world: World): Int32Array {
  const twins = twinsOf(world);
  if (twins) return twins.serial.listMembers(world);
  const { group } = world.persons;
  const list = world.scratch.members;
  let count = 0;
  // Without a branch, which would be mispredicted at each of the members, who are scattered:
  // every person is written at the end of the list, which moves on past members only.
  for (let i = 0; i < world.n; i++) {
    list[count] = i;
    count += ~group[i] >>> 31; // 1 for a group (≥ 0), 0 for none (−1)
  }
  return list.subarray(0, count);
}

/** The first place among the first `length` entries of the ascending `list` holding `person` or more. */
export function lowerBound(list: Int32Array, length: number, person: number): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list[mid] < person) low = mid + 1;
    else high = mid;
  }
  return low;
}
