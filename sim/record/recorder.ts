/**
 * Phase 11 — record: the day's outcomes for everyone and each subgroup, written into arrays
 * preallocated for the whole run (`[day · subgroups + s]`). Sums run in person order.
 * An empty subgroup's cells are NaN here and empty in every export.
 */
import { MODE, MEETING } from '../groups/store.ts';
import { LAYER } from '../network/layers.ts';
import { crisisIntensity, formalMultiplier } from '../timeline/environment.ts';
import type { World } from '../world.ts';
import { MEAN_INDEX as X, MEAN_OUTCOMES, PERCENTILE_OUTCOMES, WORLD_OUTCOMES, type DailyOutcome, type WorldOutcome } from './outcomes.ts';
import { SUBGROUPS } from './subgroups.ts';

/** Histogram bins over wb ∈ [0, 1] for percentiles (resolution 0.001, interpolated within a bin). */
const BINS = 1000;

export interface Recorder {
  readonly days: number;
  readonly subgroups: number;
  readonly daily: Record<DailyOutcome, Float64Array>;
  readonly world: Record<WorldOutcome, Float64Array>;
  /** Days recorded so far. */
  recorded: number;
  /** Working buffers of one day: per-subgroup sums and wellbeing histograms, one person's values. */
  readonly sums: Float64Array;
  readonly histogram: Int32Array;
  readonly values: Float64Array;
}

export function createRecorder(days: number): Recorder {
  const S = SUBGROUPS.length;
  const daily = Object.fromEntries([...MEAN_OUTCOMES, ...PERCENTILE_OUTCOMES].map((o) => [o.name, new Float64Array(days * S)]));
  const world = Object.fromEntries(WORLD_OUTCOMES.map((o) => [o.name, new Float64Array(days)]));
  return {
    days,
    subgroups: S,
    daily: daily as Recorder['daily'],
    world: world as Recorder['world'],
    recorded: 0,
    sums: new Float64Array(S * K),
    histogram: new Int32Array(S * BINS),
    values: new Float64Array(K),
  };
}

const K = MEAN_OUTCOMES.length;

/** Quantile q of a histogram holding `count` values, interpolating within the bin. */
function quantile(hist: Int32Array, offset: number, count: number, q: number): number {
  const target = q * count;
  let cumulative = 0;
  for (let b = 0; b < BINS; b++) {
    const inBin = hist[offset + b];
    if (inBin > 0 && cumulative + inBin >= target) return (b + (target - cumulative) / inBin) / BINS;
    cumulative += inBin;
  }
  return 1;
}

/** Per-person trackers of the crisis window: lowest wb, days distressed, distressed in the window. */
function trackCrisis(world: World, i: number): void {
  const crisis = world.crisis;
  if (!crisis || world.today < crisis.start) return;
  const p = world.persons;
  if (p.wb[i] < p.wbMin[i]) p.wbMin[i] = p.wb[i];
  if (p.distressed[i]) {
    p.daysDistressed[i]++;
    if (world.today <= crisis.end + 89) p.distressedInWindow[i] = 1;
  }
}

function recordPersons(world: World, recorder: Recorder): void {
  const S = recorder.subgroups;
  const { sums, histogram, values } = recorder;
  sums.fill(0);
  histogram.fill(0);
  const p = world.persons;
  const { received, receivedByLayer, unmetFormal, metGroup } = world.scratch;
  const { lonely: lonelyBelow, distress: distressBelow } = world.params.thresholds;
  const mode = world.groups.columns.mode;
  const L = receivedByLayer.length / world.n;

  for (let i = 0, f = 0; i < world.n; i++, f += 3) {
    p.lonely[i] = p.conn[i] < lonelyBelow ? 1 : 0;
    p.distressed[i] = p.wb[i] < distressBelow ? 1 : 0;
    if (p.group[i] >= 0) p.everMember[i] = 1;
    trackCrisis(world, i);

    values[X.wbMean] = p.wb[i];
    values[X.distressed] = p.distressed[i];
    values[X.lonely] = p.lonely[i];
    values[X.conn] = p.conn[i];
    values[X.stress] = p.stress[i];
    values[X.iHave] = p.iHave[i];
    values[X.contact] = p.contact[i];
    values[X.needEmotional] = p.need[f];
    values[X.needInformational] = p.need[f + 1];
    values[X.needInstrumental] = p.need[f + 2];
    values[X.receivedEmotional] = received[f];
    values[X.receivedInformational] = received[f + 1];
    values[X.receivedInstrumental] = received[f + 2];
    values[X.fromHousehold] = receivedByLayer[i * L + LAYER.household];
    values[X.fromKin] = receivedByLayer[i * L + LAYER.kin];
    values[X.fromFriend] = receivedByLayer[i * L + LAYER.friend];
    values[X.fromNeighbour] = receivedByLayer[i * L + LAYER.neighbour];
    values[X.fromCoworker] = receivedByLayer[i * L + LAYER.coworker];
    values[X.fromFormal] = receivedByLayer[i * L + LAYER.formal];
    values[X.fromShg] = receivedByLayer[i * L + LAYER.shg];
    values[X.unmetFormal] = unmetFormal[i];
    values[X.shgMembers] = p.group[i] >= 0 ? 1 : 0;
    values[X.shgOnline] = p.group[i] >= 0 && mode[p.group[i]] === MODE.online ? 1 : 0;
    values[X.shgMet] = metGroup[i];

    const bin = Math.min(BINS - 1, Math.floor(p.wb[i] * BINS));
    for (let s = 0, mask = p.subgroups[i]; mask !== 0; s++, mask >>>= 1) {
      if ((mask & 1) === 0) continue;
      const base = s * K;
      for (let k = 0; k < K; k++) sums[base + k] += values[k];
      histogram[s * BINS + bin]++;
    }
  }

  const day = world.today;
  MEAN_OUTCOMES.forEach((o, k) => {
    const series = recorder.daily[o.name];
    for (let s = 0; s < S; s++) series[day * S + s] = world.subgroupSizes[s] > 0 ? sums[s * K + k] / world.subgroupSizes[s] : NaN;
  });
  for (const o of PERCENTILE_OUTCOMES) {
    const series = recorder.daily[o.name];
    for (let s = 0; s < S; s++) {
      const size = world.subgroupSizes[s];
      series[day * S + s] = size > 0 ? quantile(histogram, s * BINS, size, o.q) : NaN;
    }
  }
}

function recordWorld(world: World, recorder: Recorder): void {
  const g = world.groups.columns;
  let groups = 0;
  let online = 0;
  let meeting = 0;
  for (let k = 0; k < world.groups.count; k++) {
    if (!g.alive[k]) continue;
    groups++;
    if (g.mode[k] === MODE.online) online++;
    if (g.meeting[k] !== MEETING.none) meeting++;
  }
  const { faceToFace, remote } = world.channelCounts;
  const ties = Math.max(1, world.network.channel.length);
  const env = world.env;
  const out: Record<WorldOutcome, number> = {
    groups,
    groupsOnline: online,
    groupsMeeting: meeting,
    formalCapacity: formalMultiplier(env),
    formalRemote: env.formalRemote ? 1 : 0,
    platformOpen: env.platformOpen ? 1 : 0,
    lockdown: env.lockdown ? 1 : 0,
    crisisIntensity: crisisIntensity(env, world.today, world.params.shocks),
    tiesFaceToFace: faceToFace / ties,
    tiesRemote: remote / ties,
  };
  for (const o of WORLD_OUTCOMES) recorder.world[o.name][world.today] = out[o.name];
}

export function record(world: World, recorder: Recorder): void {
  recordPersons(world, recorder);
  recordWorld(world, recorder);
  recorder.recorded = world.today + 1;
}
