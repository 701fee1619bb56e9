/**
 * Phase 11 — record: the day's outcomes for everyone and each subgroup, written into arrays
 * preallocated for the whole run (`[day · subgroups + s]`). Each mean outcome names the per-person
 * column it averages (outcomes.ts), summed over the subgroup's members in person order.
 * An empty subgroup's cells are NaN here and empty in every export.
 */
import { setLonely } from '../day/loneliness.ts';
import { listMembers, lowerBound } from '../groups/members.ts';
import { twinsOf } from '../wasm/twins.ts';
import { MODE, MEETING } from '../groups/store.ts';
import { LAYERS } from '../network/layers.ts';
import { crisisIntensity, formalMultiplier } from '../timeline/environment.ts';
import { CHUNK } from '../parallel.ts';
import type { World } from '../world.ts';
import { MEAN_OUTCOMES, PERCENTILE_OUTCOMES, WORLD_OUTCOMES, type DailyOutcome, type WorldOutcome } from './outcomes.ts';
import { SUBGROUPS } from './subgroups.ts';

/** Histogram bins over wb ∈ [0, 1] for percentiles (resolution 0.001, interpolated within a bin). */
export const BINS = 1000;
const FLOWS_PER_DAY = 3 * LAYERS.length;
const ONLINE = MODE.online;

export interface Recorder {
  readonly days: number;
  readonly subgroups: number;
  readonly daily: Record<DailyOutcome, Float64Array>;
  readonly world: Record<WorldOutcome, Float64Array>;
  /** Mean support received per person, by source layer and function: `[day · 21 + 3 · layer + f]`. */
  readonly flows: Float64Array;
  /** Days recorded so far. */
  recorded: number;
  /** A working wellbeing histogram. */
  readonly histogram: Int32Array;
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
    flows: new Float64Array(days * FLOWS_PER_DAY),
    recorded: 0,
    histogram: new Int32Array(BINS),
  };
}

/**
 * The percentiles of PERCENTILE_OUTCOMES (ascending) from `BINS` counts at `hist[from …]` holding
 * `count` values, interpolating within a bin, written to `out[p][at]`: one pass finds them all.
 */
function writeQuantiles(hist: Int32Array, from: number, count: number, out: Float64Array[], at: number): void {
  let p = 0;
  let target = PERCENTILE_OUTCOMES[0].q * count;
  let cumulative = 0;
  for (let b = 0; b < BINS && p < out.length; b++) {
    const inBin = hist[from + b];
    while (p < out.length && inBin > 0 && cumulative + inBin >= target) {
      out[p][at] = (b + (target - cumulative) / inBin) / BINS;
      if (++p < out.length) target = PERCENTILE_OUTCOMES[p].q * count;
    }
    cumulative += inBin;
  }
  for (; p < out.length; p++) out[p][at] = 1;
}

/** What the crisis window asks of today (phase 11's distress kernel). */
export interface DistressContext {
  /** From the crisis start on: lowest wellbeing and days distressed are tracked. */
  readonly tracking: boolean;
  /** Up to 89 days after the crisis ends: being distressed counts for `distressedInWindow`. */
  readonly inWindow: boolean;
}

/** Today's distressed flags, and the trackers of the crisis window. */
export function distressKernel(world: World, context: DistressContext, from: number, to: number): void {
  const { distressed, wb, wbMin, daysDistressed, distressedInWindow } = world.persons;
  const distressBelow = world.params.thresholds.distress;
  const { tracking, inWindow } = context;
  for (let i = from; i < to; i++) {
    distressed[i] = wb[i] < distressBelow ? 1 : 0;
    if (!tracking) continue;
    if (wb[i] < wbMin[i]) wbMin[i] = wb[i];
    if (distressed[i]) {
      daysDistressed[i]++;
      if (inWindow) distressedInWindow[i] = 1;
    }
  }
}

/**
 * The persons whose lonely flag is to change today (conn against θ_lonely), in person order, into
 * `scratch.changed`: few on any one day, and listed without a branch, as groups/members.ts lists.
 */
function lonelyChanges(world: World): Int32Array {
  const twins = twinsOf(world);
  if (twins) return twins.serial.lonelyChanges(world);
  const { conn, lonely } = world.persons;
  const list = world.scratch.changed;
  const lonelyBelow = world.params.thresholds.lonely;
  let count = 0;
  for (let i = 0; i < world.n; i++) {
    list[count] = i;
    count += (conn[i] < lonelyBelow ? 1 : 0) ^ lonely[i];
  }
  return list.subarray(0, count);
}

/** Today's per-person flags: distress (a kernel), loneliness (whose changes spread) and groups. */
function updatePersons(world: World): void {
  const { lonely, group, everMember } = world.persons;
  const { inGroup, inOnlineGroup } = world.scratch;
  const mode = world.groups.columns.mode;
  const crisis = world.crisis;
  const context: DistressContext = {
    tracking: crisis !== null && world.today >= crisis.start,
    inWindow: crisis !== null && world.today <= crisis.end + 89,
  };
  world.executor.run(world, 'distress', context);
  for (const i of lonelyChanges(world)) setLonely(world, i, lonely[i] === 1 ? 0 : 1);
  // The group flags are 0 but for the members (groups/members.ts).
  inGroup.fill(0);
  inOnlineGroup.fill(0);
  const members = listMembers(world);
  for (let m = 0; m < members.length; m++) {
    const i = members[m];
    inGroup[i] = 1;
    inOnlineGroup[i] = mode[group[i]] === ONLINE ? 1 : 0;
    everMember[i] = 1;
  }
}

/** Σ values[members[m] · stride + offset] over m in from … to − 1, in four interleaved sums. */
function memberSum(values: ArrayLike<number>, stride: number, offset: number, members: Int32Array, from: number, to: number): number {
  // A single running sum waits on each addition's latency; four keep the adder busy.
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let m = from;
  for (; m + 3 < to; m += 4) {
    s0 += values[members[m] * stride + offset];
    s1 += values[members[m + 1] * stride + offset];
    s2 += values[members[m + 2] * stride + offset];
    s3 += values[members[m + 3] * stride + offset];
  }
  for (; m < to; m++) s0 += values[members[m] * stride + offset];
  return s0 + s1 + (s2 + s3);
}

/**
 * Phase 11's sums for persons `from … to − 1`: per chunk (parallel.ts), subgroup and mean outcome,
 * the sum over the chunk's members into `world.subgroupSums`; wellbeing counted into this slot's
 * histograms. Walking chunk by chunk reads each chunk's columns from memory once, then from cache
 * (walking each subgroup over whole columns read them once per subgroup: at 1,000,000 persons
 * more traffic than the day's other sums together).
 */
export function subgroupSumsKernel(world: World, _context: unknown, from: number, to: number, slot: number): void {
  const S = SUBGROUPS.length;
  const O = MEAN_OUTCOMES.length;
  const wb = world.persons.wb;
  const { subgroupSums, subgroupHistograms } = world;
  const columns = MEAN_OUTCOMES.map((o) => o.column(world));
  const histograms = slot * S * BINS;
  for (let chunk = from / CHUNK; chunk * CHUNK < to; chunk++) {
    const chunkEnd = Math.min(to, (chunk + 1) * CHUNK);
    for (let s = 0; s < S; s++) {
      const members = world.subgroupMembers[s];
      const first = lowerBound(members, members.length, chunk * CHUNK);
      const end = lowerBound(members, members.length, chunkEnd);
      const at = (chunk * S + s) * O;
      for (let o = 0; o < O; o++) {
        const { values, stride, offset } = columns[o];
        subgroupSums[at + o] = memberSum(values, stride, offset, members, first, end);
      }
      const hist = histograms + s * BINS;
      for (let m = first; m < end; m++) subgroupHistograms[hist + Math.min(BINS - 1, Math.floor(wb[members[m]] * BINS))]++;
    }
  }
}

/**
 * Means and percentiles per subgroup: the chunks' sums added in chunk order, the slots' counts
 * (on one thread, its own). A day's fixed cost, whatever the population: it was most of a day at
 * a few hundred persons.
 */
function recordSubgroups(world: World, recorder: Recorder): void {
  const S = recorder.subgroups;
  const O = MEAN_OUTCOMES.length;
  const row = world.today * S;
  const { subgroupSums, subgroupHistograms, executor } = world;
  const slots = executor.slots;
  subgroupHistograms.fill(0, 0, slots * S * BINS);
  executor.run(world, 'subgroupSums', null);
  const chunks = subgroupSums.length / (S * O);
  const means = MEAN_OUTCOMES.map((o) => recorder.daily[o.name]);
  const percentiles = PERCENTILE_OUTCOMES.map((o) => recorder.daily[o.name]);
  const hist = recorder.histogram;
  for (let s = 0; s < S; s++) {
    const size = world.subgroupSizes[s];
    for (let k = 0; k < O; k++) {
      let total = 0;
      for (let c = 0; c < chunks; c++) total += subgroupSums[(c * S + s) * O + k];
      means[k][row + s] = size > 0 ? total / size : NaN;
    }
    if (size === 0) {
      for (const values of percentiles) values[row + s] = NaN;
    } else if (slots === 1) {
      writeQuantiles(subgroupHistograms, s * BINS, size, percentiles, row + s);
    } else {
      hist.fill(0);
      for (let slot = 0; slot < slots; slot++) {
        const from = (slot * S + s) * BINS;
        for (let b = 0; b < BINS; b++) hist[b] += subgroupHistograms[from + b];
      }
      writeQuantiles(hist, 0, size, percentiles, row + s);
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
  for (let k = 0; k < FLOWS_PER_DAY; k++) recorder.flows[world.today * FLOWS_PER_DAY + k] = world.flows[k] / world.n;
}

export function record(world: World, recorder: Recorder): void {
  updatePersons(world);
  recordSubgroups(world, recorder);
  recordWorld(world, recorder);
  recorder.recorded = world.today + 1;
}
