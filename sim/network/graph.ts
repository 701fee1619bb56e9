/**
 * The network's public face: the compressed rows of `compile.ts` given to graphology, for
 * analysis, measures (graphology-metrics), layout and export. The daily loop never comes here;
 * this view is built on demand from the same arrays, so both show the same ties.
 */
import { MultiUndirectedGraph, UndirectedGraph } from 'graphology';
// The graph index, not `graph/modularity.js`: that file's `export default` is typed as an ES
// module but is CommonJS `module.exports`, so under NodeNext its default import is not callable.
import { modularity, undirectedDensity } from 'graphology-metrics/graph/index.js';
import { MODES } from '../groups/store.ts';
import { AGE_BANDS, type AgeBand } from '../population/fields.ts';
import type { World } from '../world.ts';
import { tiesPerLayer } from './compile.ts';
import { CHANNEL, LAYERS, TIE_LAYERS, type Layer, type TieLayer } from './layers.ts';

export type ChannelName = keyof typeof CHANNEL;
type MembershipLayer = Exclude<Layer, TieLayer>;

/** A person: node key `String(i)`. */
export interface PersonNode {
  kind: 'person';
  household: number;
  ageBand: AgeBand;
  digital: boolean;
  /** Self-help group id, −1 for none. */
  group: number;
  /** Formal service id. */
  service: number;
}

/** A formal service: node key `s:<id>`. */
export interface ServiceNode {
  kind: 'service';
  clients: number;
}

/** A self-help group that is still alive: node key `g:<id>`. */
export interface GroupNode {
  kind: 'group';
  mode: (typeof MODES)[number];
  members: number;
}

export type NodeAttributes = PersonNode | ServiceNode | GroupNode;

/** A person-to-person tie: one edge per pair and layer, keyed `<layer>:<i>-<j>` with i < j. */
export interface TieEdge {
  layer: TieLayer;
  /** Tie strength w. */
  strength: number;
  /** w · rate: daily contact weight. */
  weight: number;
  /** Today's channel. */
  channel: ChannelName;
}

/** A person's membership of a service or group, keyed `formal:<i>` or `shg:<i>`. */
export interface MembershipEdge {
  layer: MembershipLayer;
}

export type EdgeAttributes = TieEdge | MembershipEdge;
export type KithGraph = MultiUndirectedGraph<NodeAttributes, EdgeAttributes>;

/** A tie, not a membership: narrows an edge's attributes. */
export function isTie(edge: EdgeAttributes): edge is TieEdge {
  return edge.layer !== 'formal' && edge.layer !== 'shg';
}

const CHANNEL_NAME: ChannelName[] = [];
for (const [name, value] of Object.entries(CHANNEL)) CHANNEL_NAME[value] = name as ChannelName;

/** Node keys of persons, made once: each key string is then hashed once, not once per tie. */
function personKeys(n: number): string[] {
  return Array.from({ length: n }, (_, i) => String(i));
}

/**
 * The world's network as a graphology multigraph: persons, services and alive groups as nodes;
 * every tie of the compressed rows as one edge (a pair tied on two layers has two edges), plus
 * membership edges person–service (`formal`) and person–group (`shg`). Keys are made from the
 * persons and layer, so an exported graph is the same from run to run. A snapshot: later changes
 * to the world do not reach it.
 */
export function toGraph(world: World): KithGraph {
  const { network, persons, services, groups } = world;
  const { offsets, neighbour, strength, weight, channel } = network;
  const L = network.layers;
  const n = world.n;
  // Self loops are never built; refusing them makes graphology throw if one ever is.
  const graph: KithGraph = new MultiUndirectedGraph({ allowSelfLoops: false });

  for (let s = 0; s < services.count; s++) graph.addNode(`s:${s}`, { kind: 'service', clients: services.clients[s] });
  const { alive, mode, members } = groups.columns;
  for (let g = 0; g < groups.count; g++) {
    if (alive[g]) graph.addNode(`g:${g}`, { kind: 'group', mode: MODES[mode[g]], members: members[g] });
  }
  // Every person node before any edge: a tie reaches forward to persons not yet visited.
  const keys = personKeys(n);
  for (let i = 0; i < n; i++) {
    graph.addNode(keys[i], {
      kind: 'person',
      household: persons.household[i],
      ageBand: AGE_BANDS[persons.ageBand[i]],
      digital: persons.digital[i] === 1,
      group: persons.group[i],
      service: persons.service[i],
    });
  }

  for (let i = 0; i < n; i++) {
    const key = keys[i];
    for (let l = 0; l < L; l++) {
      const layer = TIE_LAYERS[l];
      for (let h = offsets[i * L + l]; h < offsets[i * L + l + 1]; h++) {
        const j = neighbour[h];
        // Each tie is two half-edges; the one held by the lower index stands for it.
        if (j < i) continue;
        graph.addUndirectedEdgeWithKey(`${layer}:${i}-${j}`, key, keys[j], {
          layer,
          strength: strength[h],
          weight: weight[h],
          channel: CHANNEL_NAME[channel[h]],
        });
      }
    }
    graph.addUndirectedEdgeWithKey(`formal:${i}`, key, `s:${persons.service[i]}`, { layer: 'formal' });
    const g = persons.group[i];
    if (g >= 0) {
      if (!alive[g]) throw new Error(`sim/network/graph: person ${i} is in group ${g}, which has dissolved`);
      graph.addUndirectedEdgeWithKey(`shg:${i}`, key, `g:${g}`, { layer: 'shg' });
    }
  }
  return graph;
}

/** Size and density of one layer. */
export interface LayerStats {
  layer: Layer;
  /** `tie`: person-to-person; `membership`: person to service or group. */
  kind: 'tie' | 'membership';
  /** Undirected ties on a tie layer; members on a membership layer. */
  ties: number;
  /** Ties per person (2·ties / persons) on a tie layer; memberships per person otherwise. */
  meanDegree: number;
  /** Share of the persons·(persons − 1)/2 possible pairs tied; null for memberships. */
  density: number | null;
}

/** A summary of the world's network, per layer (LAYERS order) and over all tie layers. */
export interface NetworkStats {
  persons: number;
  households: number;
  /** Ties over all tie layers (a pair tied on two layers counts twice). */
  ties: number;
  /** 2·ties / persons. */
  meanDegree: number;
  /**
   * Modularity of the household partition on the person graph with one unit-weight edge per
   * tied pair, whatever its layers; null when no one is tied.
   */
  householdModularity: number | null;
  layers: LayerStats[];
}

/**
 * Modularity of the household partition. graphology-metrics refuses multigraphs, so the pairs
 * are collapsed into a simple graph. Unit weights, not Σ w·rate: household ties (w·rate = 1, several
 * times any other tie's) would otherwise dominate, and we want how far the tie structure, not
 * the daily contact, is clustered by household.
 */
function householdModularity(world: World): number | null {
  const { offsets, neighbour, layers: L } = world.network;
  const n = world.n;
  const graph = new UndirectedGraph<{ household: number }>();
  const keys = personKeys(n);
  for (let i = 0; i < n; i++) graph.addNode(keys[i], { household: world.persons.household[i] });
  // lastSeen[j] === i: the pair (i, j) already has its edge (tied on an earlier layer).
  const lastSeen = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    // Person i's rows on all layers are contiguous: offsets[i·L] … offsets[(i + 1)·L].
    for (let h = offsets[i * L]; h < offsets[(i + 1) * L]; h++) {
      const j = neighbour[h];
      if (j < i || lastSeen[j] === i) continue;
      lastSeen[j] = i;
      graph.addUndirectedEdge(keys[i], keys[j]);
    }
  }
  if (graph.size === 0) return null;
  return modularity(graph, { getNodeCommunity: 'household', getEdgeWeight: null });
}

/** Ties, mean degree and density per layer, and the household modularity of the whole. */
export function networkStats(world: World): NetworkStats {
  const n = world.n;
  const tieCounts = tiesPerLayer(world.network);
  let members = 0;
  for (let i = 0; i < n; i++) if (world.persons.group[i] >= 0) members++;
  // Everyone is the client of exactly one service.
  const memberships: Record<MembershipLayer, number> = { formal: n, shg: members };

  const layers = LAYERS.map((layer, l): LayerStats => {
    if (l < TIE_LAYERS.length) {
      const ties = tieCounts[l];
      return { layer, kind: 'tie', ties, meanDegree: (2 * ties) / n, density: undirectedDensity(n, ties) };
    }
    const ties = memberships[layer as MembershipLayer];
    return { layer, kind: 'membership', ties, meanDegree: ties / n, density: null };
  });
  const ties = tieCounts.reduce((a, b) => a + b, 0);
  return {
    persons: n,
    households: world.householdStart.length - 1,
    ties,
    meanDegree: (2 * ties) / n,
    householdModularity: householdModularity(world),
    layers,
  };
}
