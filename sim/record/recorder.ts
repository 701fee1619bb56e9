/**
 * Phase 11 — record: the day's outcomes for everyone and each subgroup, written into arrays
 * preallocated for the whole run (`[day · subgroups + s]`). Each mean outcome names the per-person
 * column it averages (outcomes.ts), summed over the subgroup's members in person order.
 * An empty subgroup's cells are NaN here and empty in every export.
 */
import { setLonely } from '../day/loneliness.ts';
import { MODE, MEETING } from '../groups/store.ts';
import { LAYERS } from '../network/layers.ts';
import { crisisIntensity, formalMultiplier } from '../timeline/environment.ts';
import type { World } from '../world.ts';
import { MEAN_OUTCOMES, PERCENTILE_OUTCOMES, WORLD_OUTCOMES, type DailyOutcome, type WorldOutcome } from './outcomes.ts';
import { SUBGROUPS } from './subgroups.ts';

/** Histogram bins over wb ∈ [0, 1] for percentiles (resolution 0.001, interpolated within a bin). */
const BINS = 1000;
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
  /** Working space of a day's sums: four partial sums per subgroup and mean outcome. */
  readonly sums: Float64Array;
  /** A working wellbeing histogram per subgroup. */
  readonly histograms: Int32Array;
  /** Per subgroup, the next member to add. */
  readonly cursor: Int32Array;
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
    sums: new Float64Array(4 * S * MEAN_OUTCOMES.length),
    histograms: new Int32Array(S * BINS),
    cursor: new Int32Array(S),
  };
}

/** Quantile q of a histogram holding `count` values, interpolating within the bin. */
function quantile(hist: Int32Array, count: number, q: number): number {
  const target = q * count;
  let cumulative = 0;
  for (let b = 0; b < BINS; b++) {
    const inBin = hist[b];
    if (inBin > 0 && cumulative + inBin >= target) return (b + (target - cumulative) / inBin) / BINS;
    cumulative += inBin;
  }
  return 1;
}

/** Today's per-person flags, and the trackers of the crisis window. */
function updatePersons(world: World): void {
  const n = world.n;
  const { lonely, conn, distressed, wb, wbMin, group, everMember, daysDistressed, distressedInWindow } = world.persons;
  const { inGroup, inOnlineGroup } = world.scratch;
  const { lonely: lonelyBelow, distress: distressBelow } = world.params.thresholds;
  const mode = world.groups.columns.mode;
  const crisis = world.crisis;
  const tracking = crisis !== null && world.today >= crisis.start;
  const inWindow = crisis !== null && world.today <= crisis.end + 89;
  for (let i = 0; i < n; i++) {
    const isLonely = conn[i] < lonelyBelow ? 1 : 0;
    if (isLonely !== lonely[i]) setLonely(world, i, isLonely);
    distressed[i] = wb[i] < distressBelow ? 1 : 0;
    const k = group[i];
    inGroup[i] = k >= 0 ? 1 : 0;
    inOnlineGroup[i] = k >= 0 && mode[k] === ONLINE ? 1 : 0;
    if (k >= 0) everMember[i] = 1;
    if (!tracking) continue;
    if (wb[i] < wbMin[i]) wbMin[i] = wb[i];
    if (distressed[i]) {
      daysDistressed[i]++;
      if (inWindow) distressedInWindow[i] = 1;
    }
  }
}

/**
 * Persons per block of phase 11's sums. The sums walk the persons block by block, and within a
 * block every subgroup and outcome, so a block's columns are read from memory once and then from
 * cache (walking each subgroup over whole columns read them once per subgroup: eight times the
 * memory traffic, which at 1,000,000 persons cost more than the day's other sums together).
 */
const BLOCK = 2048;

/**
 * Adds values[members[m] · stride + offset] for m in from … to − 1 to four running partial sums
 * held in `acc[at … at + 3]`: member m goes to sum m mod 4, and the last (length mod 4) members
 * of the list to sum 0. A single running sum waits on each addition's latency; four keep the
 * adder busy. Which sum a member joins depends only on its place in the list, so the totals are
 * the same bits however the list is cut into blocks.
 */
function addMembers(values: ArrayLike<number>, stride: number, offset: number, members: Int32Array, from: number, to: number, acc: Float64Array, at: number): void {
  const whole = members.length - (members.length % 4);
  const bodyEnd = Math.min(to, whole);
  let s0 = acc[at];
  let s1 = acc[at + 1];
  let s2 = acc[at + 2];
  let s3 = acc[at + 3];
  let m = from;
  for (; m < bodyEnd && (m & 3) !== 0; m++) {
    const v = values[members[m] * stride + offset];
    if ((m & 3) === 1) s1 += v;
    else if ((m & 3) === 2) s2 += v;
    else s3 += v;
  }
  for (; m + 3 < bodyEnd; m += 4) {
    s0 += values[members[m] * stride + offset];
    s1 += values[members[m + 1] * stride + offset];
    s2 += values[members[m + 2] * stride + offset];
    s3 += values[members[m + 3] * stride + offset];
  }
  for (; m < bodyEnd; m++) {
    const v = values[members[m] * stride + offset];
    if ((m & 3) === 0) s0 += v;
    else if ((m & 3) === 1) s1 += v;
    else s2 += v;
  }
  for (; m < to; m++) s0 += values[members[m] * stride + offset];
  acc[at] = s0;
  acc[at + 1] = s1;
  acc[at + 2] = s2;
  acc[at + 3] = s3;
}

function recordSubgroups(world: World, recorder: Recorder): void {
  const n = world.n;
  const S = recorder.subgroups;
  const O = MEAN_OUTCOMES.length;
  const row = world.today * S;
  const wb = world.persons.wb;
  const { sums, histograms, cursor } = recorder;
  const columns = MEAN_OUTCOMES.map((o) => o.column(world));
  sums.fill(0);
  histograms.fill(0);
  cursor.fill(0);
  for (let blockEnd = BLOCK; blockEnd - BLOCK < n; blockEnd += BLOCK) {
    for (let s = 0; s < S; s++) {
      const members = world.subgroupMembers[s];
      const from = cursor[s];
      let to = from;
      while (to < members.length && members[to] < blockEnd) to++;
      cursor[s] = to;
      for (let o = 0; o < O; o++) {
        const { values, stride, offset } = columns[o];
        addMembers(values, stride, offset, members, from, to, sums, 4 * (s * O + o));
      }
      const hist = s * BINS;
      for (let m = from; m < to; m++) histograms[hist + Math.min(BINS - 1, Math.floor(wb[members[m]] * BINS))]++;
    }
  }
  for (let s = 0; s < S; s++) {
    const size = world.subgroupMembers[s].length;
    MEAN_OUTCOMES.forEach((o, k) => {
      const at = 4 * (s * O + k);
      recorder.daily[o.name][row + s] = size > 0 ? (sums[at] + sums[at + 1] + (sums[at + 2] + sums[at + 3])) / size : NaN;
    });
    const hist = histograms.subarray(s * BINS, (s + 1) * BINS);
    for (const o of PERCENTILE_OUTCOMES) recorder.daily[o.name][row + s] = size > 0 ? quantile(hist, size, o.q) : NaN;
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
