/**
 * Loneliness spreads through ties (phase 8 reads the share of one's friends, and of one's kin, who
 * were lonely at the start of the day). The counts are kept as flags change rather than recounted
 * over every friend and kin tie each day: few persons cross θ_lonely on any one day.
 */
import { LAYER } from '../network/layers.ts';
import type { World } from '../world.ts';

const { friend: FRIEND, kin: KIN } = LAYER;

/** Adds `delta` to the lonely-friend or lonely-kin count of each friend and kin tie's far end. */
function spread(world: World, i: number, delta: number): void {
  const { offsets, neighbour, layers: L } = world.network;
  const { lonelyFriends, lonelyKin } = world.persons;
  for (let e = offsets[i * L + FRIEND]; e < offsets[i * L + FRIEND + 1]; e++) lonelyFriends[neighbour[e]] += delta;
  for (let e = offsets[i * L + KIN]; e < offsets[i * L + KIN + 1]; e++) lonelyKin[neighbour[e]] += delta;
}

/** Sets person i's lonely flag and the counts of those tied to them. */
export function setLonely(world: World, i: number, isLonely: 0 | 1): void {
  const lonely = world.persons.lonely;
  if (lonely[i] === isLonely) return;
  lonely[i] = isLonely;
  spread(world, i, isLonely === 1 ? 1 : -1);
}

/** Counts every person's lonely friends and kin afresh from the lonely flags. */
export function countLonelyTies(world: World): void {
  const { lonely, lonelyFriends, lonelyKin } = world.persons;
  lonelyFriends.fill(0);
  lonelyKin.fill(0);
  for (let i = 0; i < world.n; i++) if (lonely[i] === 1) spread(world, i, 1);
}
