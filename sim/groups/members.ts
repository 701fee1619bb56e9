/**
 * The persons in a group, listed in person order: phases 6 and 10 walk these few (about one in
 * twenty) instead of every person.
 */
import type { World } from '../world.ts';

/** Lists the persons in a group now, in person order, into `scratch.members`; returns the list. */
export function listMembers(world: World): Int32Array {
  const { group } = world.persons;
  const list = world.scratch.members;
  let count = 0;
  for (let i = 0; i < world.n; i++) if (group[i] >= 0) list[count++] = i;
  return list.subarray(0, count);
}
