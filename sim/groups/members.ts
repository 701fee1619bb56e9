/**
 * The persons in a group, listed in person order: phases 6 and 10 walk these few (about one in
 * twenty) instead of every person.
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
