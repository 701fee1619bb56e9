/**
 * The network's layout, computed once per network and shared by both panels: persons start on a
 * ring in person order (households, friends, neighbours and formal services are laid out along
 * the engine's ring), then d3-force pulls each household together and ties along the ring close,
 * while a radial force keeps the ring and collision spreads the dots. Long-range ties (kin,
 * coworkers, rewired friends) pull only weakly, so they show as chords across the ring instead of
 * folding it into a ball. Seeded: the same network and seed give the same positions.
 */
import { forceCollide, forceLink, forceRadial, forceSimulation, randomLcg, type SimulationNodeDatum } from 'd3';
import { TIE_LAYERS } from '../../sim/index.ts';

export interface LayoutInput {
  readonly n: number;
  /** The engine's compressed rows: person i's ties on layer l are offsets[i·L + l] … offsets[i·L + l + 1] − 1. */
  readonly offsets: Int32Array;
  readonly neighbour: Int32Array;
  readonly seed: number;
  /** Ticks of the force simulation (default 160). */
  readonly ticks?: number;
}

/** How hard each tie layer pulls its two persons together, and to what distance (in dot radii). */
const PULL: Record<(typeof TIE_LAYERS)[number], { strength: number; distance: number }> = {
  household: { strength: 1, distance: 2 },
  kin: { strength: 0.004, distance: 30 },
  friend: { strength: 0.04, distance: 6 },
  neighbour: { strength: 0.2, distance: 4 },
  coworker: { strength: 0.004, distance: 30 },
};

interface Node extends SimulationNodeDatum {
  index: number;
}

/** Positions as `[x0, y0, x1, y1, …]`, centred on 0 and scaled so the ring's outer edge is at radius 1. */
export function computeLayout(input: LayoutInput): Float32Array {
  const { n, offsets, neighbour } = input;
  const L = TIE_LAYERS.length;
  const random = randomLcg(input.seed);
  // A ring whose circumference leaves room for the dots in a band a fifth of its radius wide.
  const radius = Math.sqrt(n) * 3;
  const nodes: Node[] = Array.from({ length: n }, (_, i) => {
    const angle = (2 * Math.PI * i) / n;
    const r = radius * (0.9 + 0.2 * random());
    return { index: i, x: r * Math.cos(angle), y: r * Math.sin(angle) };
  });
  const links: { source: number; target: number; layer: number }[] = [];
  for (let i = 0; i < n; i++) {
    for (let l = 0; l < L; l++) {
      for (let e = offsets[i * L + l]; e < offsets[i * L + l + 1]; e++) if (i < neighbour[e]) links.push({ source: i, target: neighbour[e], layer: l });
    }
  }
  const pull = TIE_LAYERS.map((layer) => PULL[layer]);
  const simulation = forceSimulation(nodes)
    .randomSource(random)
    .force(
      'ties',
      forceLink<Node, { source: number | Node; target: number | Node; layer: number }>(links)
        .strength((link) => pull[link.layer].strength)
        .distance((link) => pull[link.layer].distance)
        .iterations(1),
    )
    .force('ring', forceRadial<Node>(radius).strength(0.08))
    .force('spread', forceCollide<Node>(1.6).iterations(1))
    .stop();
  const ticks = input.ticks ?? 160;
  // Cool over the ticks we run rather than d3's default 300.
  simulation.alphaDecay(1 - Math.pow(0.001, 1 / ticks));
  for (let t = 0; t < ticks; t++) simulation.tick();

  let extent = 0;
  for (const node of nodes) extent = Math.max(extent, Math.hypot(node.x ?? 0, node.y ?? 0));
  const xy = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    xy[2 * i] = (nodes[i].x ?? 0) / extent;
    xy[2 * i + 1] = (nodes[i].y ?? 0) / extent;
  }
  return xy;
}
