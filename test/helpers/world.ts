/**
 * Hand-built worlds for exact tests: persons with no ties and no groups, to which a test adds
 * exactly the ties and groups it reasons about.
 */
import { refreshTieSums } from '../../sim/day/contact.ts';
import { KIND, MODE, GOVERNANCE } from '../../sim/groups/store.ts';
import { compileNetwork } from '../../sim/network/compile.ts';
import { EdgeList } from '../../sim/network/edges.ts';
import { allocateOpenTies } from '../../sim/network/open.ts';
import { LAYER, type TieLayer } from '../../sim/network/layers.ts';
import { mergeParams, resolveParams, type ParamOverrides } from '../../sim/params/index.ts';
import { buildWorld, type World } from '../../sim/world.ts';

/** Settings under which the builders make no ties, no groups and no life events. */
export const ISOLATED: ParamOverrides = {
  population: { householdSize: { one: 1, two: 0, three: 0, four: 0, five: 0 } },
  network: { kinPerPerson: 0, friendsAhead: { young: 0, adult: 0, older: 0 }, neighbours: 0, employment: 0 },
  shg: { initialShare: 0 },
  shocks: { rate: { emotional: 0, informational: 0, instrumental: 0 } },
};

export function bareWorld(persons: number, overrides: ParamOverrides = {}, seed = 1): World {
  return buildWorld(resolveParams(mergeParams(mergeParams({}, ISOLATED), { ...overrides, persons })), seed);
}

export interface Tie {
  a: number;
  b: number;
  layer: TieLayer;
  strength?: number;
}

/** The same world with exactly these ties (strength 1 unless given), contact sums refreshed. */
export function withTies(world: World, ties: readonly Tie[]): World {
  const edges = new EdgeList();
  for (const t of ties) edges.add(t.a, t.b, LAYER[t.layer], t.strength ?? 1);
  const network = compileNetwork(edges, world.n, world.params);
  const next: World = { ...world, network, openTies: allocateOpenTies(network) };
  refreshTieSums(next);
  next.persons.contactRef.set(next.persons.contact);
  return next;
}

export interface GroupSpec {
  members: readonly number[];
  mode?: keyof typeof MODE;
  kind?: keyof typeof KIND;
  governance?: keyof typeof GOVERNANCE;
}

/** Adds a group with these members; returns its id. */
export function addGroup(world: World, spec: GroupSpec): number {
  const g = world.groups.add(MODE[spec.mode ?? 'faceToFace'], GOVERNANCE[spec.governance ?? 'autonomous'], KIND[spec.kind ?? 'peer'], 0);
  for (const i of spec.members) world.persons.group[i] = g;
  world.groups.columns.members[g] = spec.members.length;
  return g;
}
