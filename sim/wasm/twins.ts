/**
 * The kernels' WebAssembly twins (sim/wasm/assembly, AssemblyScript): for a world whose arrays are
 * in an arena (arena.ts), each kernel of day/kernels.ts runs as WebAssembly over the same arrays,
 * given their byte offsets. A twin does its kernel's arithmetic in its order (IEEE arithmetic is
 * the same in both), so it gives the same bits — a test compares every twin with its kernel, byte
 * for byte — in a third to a half of the time: no bounds or type checks on each load, and two
 * f64 lanes where the order of the sums allows. The JavaScript kernels stay the reference, and
 * run wherever a world is not in an arena (the viewer, beyond what wasm32 addresses).
 */
import { BINS, type DistressContext } from '../record/recorder.ts';
import { MEAN_OUTCOMES } from '../record/outcomes.ts';
import { CONSTANTS_AT, SCRATCH_BYTES } from './arena.ts';
import type { PerceptionContext } from '../day/perception.ts';
import type { ShocksContext } from '../day/shocks.ts';
import type { GrowthContext } from '../day/growth.ts';
import type { MeetingsContext } from '../day/meetings.ts';
import { LAYER } from '../network/layers.ts';
import { CHUNK, type Kernel } from '../parallel.ts';
import type { World } from '../world.ts';
import { TWINS_WASM } from './binary.ts';

/** The module's exports: every argument an i32 offset or count, or an f64. */
interface Exports {
  [name: string]: (...args: number[]) => number;
}

let compiled: WebAssembly.Module | null = null;

/** The compiled module (once per thread). */
export function twinsModule(): WebAssembly.Module {
  if (compiled === null) compiled = new WebAssembly.Module(Uint8Array.from(atob(TWINS_WASM), (c) => c.charCodeAt(0)));
  return compiled;
}

/** Whether this engine compiles the twins' module (WebAssembly with SIMD). */
export function twinsWork(): boolean {
  try {
    twinsModule();
    return true;
  } catch {
    return false;
  }
}

/** Twins of loops in the serial phases, run on the main thread (sim/wasm/assembly/serial.ts). */
export interface SerialTwins {
  /** groups/members.ts listMembers. */
  listMembers(world: World): Int32Array;
  /** The persons phase 10 notes as starting or joining a group (day/growth.ts), in person order. */
  listJoining(world: World): Int32Array;
  /** The persons whose lonely flag is to change today (record/recorder.ts), in person order. */
  lonelyChanges(world: World): Int32Array;
  /** Phase 5's requests per service (day/formal.ts). */
  formalAsked(world: World): void;
  /** Phase 5's support given, once `services.met` is set (day/formal.ts). */
  formalGiven(world: World): void;
  /** day/contact.ts refreshTieSums's per-person sums; returns the half-edges on each open channel. */
  refreshTieSums(world: World): { faceToFace: number; remote: number };
  /** network/open.ts listOpenTies, into `world.openTies`. */
  listOpenTies(world: World): void;
  /** timeline/events.ts cutTies for one layer; `remoteWhere`: 0 never, 1 always, 2 when both ends are online. */
  cutTies(world: World, layer: number, key: number, cut: number, shift: number, remoteWhere: 0 | 1 | 2): void;
}

/** The twins of one memory: the kernels by name, and the serial phases' loops. */
export interface Twins {
  readonly memory: WebAssembly.Memory;
  /** The memory's buffers that the world's arrays were cut from (arena.ts). */
  readonly buffers: WeakSet<ArrayBufferLike>;
  readonly kernels: Readonly<Record<string, Kernel<never>>>;
  readonly serial: SerialTwins;
}

/** Each world checked by twinsOf, with the open-tie lists it had then. */
const checked = new WeakMap<World, World['openTies']>();

/**
 * The world's twins when they can run on it now (inMemory), else null. The check walks some
 * seventy arrays (several µs: at 10,000 persons and twenty calls a day, 8% of a day), so a world
 * found in memory is not checked again while it keeps its open-tie lists: nothing else in a world
 * is ever replaced — its arrays are written in place, by checkpoints too — and those lists are
 * what a test replaces.
 */
export function twinsOf(world: World): Twins | null {
  const twins = world.twins;
  if (twins === null) return null;
  if (checked.get(world) === world.openTies) return twins;
  if (!inMemory(world, twins)) return null;
  checked.set(world, world.openTies);
  return twins;
}

/**
 * Whether every array a kernel may touch is in the twins' memory. A world built in an arena keeps
 * them there; an array put in its place from elsewhere (as a test may do with the open-tie lists)
 * would be read at an offset into the wrong memory, so the kernels then run as JavaScript.
 */
export function inMemory(world: World, twins: Twins): boolean {
  const arrays = [world.flowChunks, world.subgroupSums, world.subgroupHistograms, ...world.subgroupMembers];
  // The serial phases' arrays, which a thread's view of the world has not.
  if (world.services) arrays.push(world.services.asked, world.services.met, world.flows);
  for (const holder of [world.persons, world.scratch, world.network, world.openTies]) {
    for (const value of Object.values(holder)) if (ArrayBuffer.isView(value)) arrays.push(value as Int32Array);
  }
  return arrays.every((array) => twins.buffers.has(array.buffer));
}

/** A typed array's byte offset in the memory (an arena's arrays start at 0 of their buffer). */
const at = (array: ArrayBufferView) => array.byteOffset;
/** Where one source layer's row of `scratch.receivedByLayer` (layer-major) starts. */
const fromLayer = (w: World, layer: number) => at(w.scratch.receivedByLayer) + 8 * layer * w.n;

/** This thread's twins of each memory, and how to write their table of constants again. */
const twinsByMemory = new WeakMap<WebAssembly.Memory, { readonly twins: Twins; readonly writeConstants: () => void }>();

/**
 * The twins over `memory`, the arena the world's arrays were cut from `buffers` of: instantiated
 * once per memory and thread, and kept. A thread that builds world after world in one arena (the
 * run pool's workers reset theirs, arena.ts) so calls the same functions every run; a new instance
 * for each world gave the JavaScript that calls them new targets each time, and V8 threw away its
 * optimised code for those callers.
 */
export function twinsOver(memory: WebAssembly.Memory, buffers: WeakSet<ArrayBufferLike>): Twins {
  let known = twinsByMemory.get(memory);
  if (!known || known.twins.buffers !== buffers) {
    known = instantiate(memory, buffers);
    twinsByMemory.set(memory, known);
  }
  // The same bytes whichever thread writes them, before any kernel reads them; again for each
  // world, as resetting an arena zeroes them.
  known.writeConstants();
  return known.twins;
}

function instantiate(memory: WebAssembly.Memory, buffers: WeakSet<ArrayBufferLike>): { twins: Twins; writeConstants: () => void } {
  const x = new WebAssembly.Instance(twinsModule(), { env: { memory } }).exports as unknown as Exports;
  const kernels: Record<string, Kernel<never>> = {
    shocks: (w: World, c: ShocksContext, from, to) => {
      const p = w.persons;
      const s = w.params.shocks;
      x.shocks(from, to, at(p.need), at(p.material), at(p.contact), at(p.contactRef), c.key, c.pEmotional, c.pInformational, c.poverty, s.rate.instrumental, s.mean, s.isolation);
    },
    contactMemory: (w: World, _c: unknown, from, to) => x.contactMemory(from, to, at(w.persons.contact), at(w.persons.contactRef), w.params.perception.contactMemory),
    asks: (w: World, _c: unknown, from, to) => {
      const p = w.persons;
      x.asks(from, to, at(p.need), at(p.iCan), at(p.wb), at(w.scratch.ask), at(w.scratch.openWeight), w.params.support.sigma);
    },
    farSums: (w: World, _c: unknown, from, to) => {
      const o = w.openTies;
      x.gatherFar(from, to, o.group, at(o.farStart), at(o.farGiver), at(o.farAsker), at(o.farWeight), at(o.farRemote), at(w.scratch.ask), at(w.scratch.farSums));
    },
    givers: (w: World, _c: unknown, from, to) => {
      const o = w.openTies;
      const s = w.scratch;
      const { capBase, strain } = w.params.support;
      x.givers(from, to, w.n, o.block, o.far > 0 ? 1 : 0, at(o.start), at(o.remoteStart), at(o.neighbour), at(o.weight), at(s.ask), at(s.farSums), at(w.persons.wb), at(w.persons.material), at(s.share), at(s.strain), at(s.giving), at(s.shortGiver), capBase, strain);
    },
    withheld: (w: World, _c: unknown, from, to) => {
      const net = w.network;
      const s = w.scratch;
      const r = w.params.support.effRemote;
      x.withheld(from, to, w.n, net.layers, at(net.offsets), at(net.neighbour), at(net.weight), at(net.channel), at(s.share), at(s.shortGiver), at(s.shortNearby), at(s.withheld), r.emotional, r.informational, r.instrumental);
    },
    takers: (w: World, _c: unknown, from, to) => {
      const s = w.scratch;
      x.takers(from, to, w.n, w.network.layers, CHUNK, at(w.persons.need), at(s.ask), at(s.received), at(s.receivedByLayer), at(s.delivered), at(s.withheld), at(s.shortNearby), at(w.flowChunks));
    },
    meetingsTakePart: (w: World, c: MeetingsContext, from, to) => {
      const p = w.persons;
      const s = w.scratch;
      const { meetRate, savingsRate } = w.params.shg;
      x.meetingsTakePart(from, to, c.members, at(s.members), at(p.group), at(p.digital), at(p.exp), at(p.need), at(p.material), at(s.metGroup), at(s.belonging), at(s.savingsBelonging), at(s.groupReceived), fromLayer(w, LAYER.shg), at(s.memberShare), meetRate, savingsRate);
    },
    meetingsGive: (w: World, c: MeetingsContext, from, to) => {
      const p = w.persons;
      const s = w.scratch;
      const g = w.params.shg;
      const r = w.params.support.effRemote;
      x.meetingsGive(from, to, c.members, at(s.members), at(p.need), at(p.exp), at(s.received), fromLayer(w, LAYER.shg), at(s.groupReceived), at(s.metGroup), at(s.belonging), at(s.savingsBelonging), at(s.memberShare), g.emotional, g.informational, g.meetRate, g.professionalInformational, g.professionalBelonging, g.belong, r.emotional, r.informational);
    },
    growth: (w: World, c: GrowthContext, from, to) => {
      const p = w.persons;
      const s = w.scratch;
      const g = w.params.shg;
      const { experience, capacityBuilding } = w.params.growth;
      x.growth(from, to, c.members, at(s.members), at(p.exp), at(p.iCan), at(p.group), at(p.stress), at(p.calmDays), at(p.digital), at(s.metGroup), at(s.groupReceived), at(s.memberShare), at(s.joining), c.key, c.platformOpen ? 1 : 0, experience, capacityBuilding, g.meetRate, g.professionalCapacityBuilding, g.leaveStress, g.leaveDays, g.pLeave, g.mentorExp, g.joinStress, g.pJoin, g.pForm);
    },
    needs: (w: World, _c: unknown, from, to) => x.needs(from, to, at(w.persons.need), at(w.persons.iAm), w.params.needs.decay),
    perception: (w: World, c: PerceptionContext, from, to, slot) => {
      const p = w.persons;
      const s = w.scratch;
      const { s0, c0, kappa, kappaKin } = w.params.perception;
      const r = w.params.support.effRemote;
      const [offer0, offer1, offer2] = c.offer;
      x.perception(from, to, slot * SCRATCH_BYTES, CONSTANTS_AT, w.network.layers, LAYER.friend, LAYER.kin, at(w.network.offsets), at(p.perceived), at(p.iHave), at(p.conn), at(p.contact), at(p.lonelyFriends), at(p.lonelyKin), at(s.belonging), at(s.savingsBelonging), at(s.giving), s0, c0, kappa, kappaKin, r.emotional, r.informational, r.instrumental, offer0, offer1, offer2, c.gain);
    },
    wellbeing: (w: World, settle: boolean, from, to, slot) => {
      const p = w.persons;
      const { betaC, betaS, gamma, rho } = w.params.wellbeing;
      x.wellbeing(from, to, slot * SCRATCH_BYTES, CONSTANTS_AT, settle ? 1 : 0, at(p.need), at(p.stress), at(p.wb), at(p.wb0), at(p.conn), at(p.iHave), at(p.iAm), at(p.iCan), at(w.scratch.strain), betaC, betaS, gamma, rho);
    },
    subgroupSums: (w: World, _c: unknown, from, to, slot) => {
      // The columns and member lists, described in the slot's working space (arena.ts).
      const columns = MEAN_OUTCOMES.map((o) => o.column(w));
      const table = new Int32Array(memory.buffer, slot * SCRATCH_BYTES, SCRATCH_BYTES / 4);
      columns.forEach(({ values, stride, offset }, o) => {
        if (!(values instanceof Float64Array || values instanceof Uint8Array)) throw new Error(`kith: the subgroup sums' twin reads doubles and bytes, not ${values.constructor.name}`);
        table.set([at(values), values.BYTES_PER_ELEMENT, stride, offset], 4 * o);
      });
      w.subgroupMembers.forEach((members, s) => table.set([at(members), members.length], 4 * columns.length + 2 * s));
      const S = w.subgroupMembers.length;
      x.subgroupSums(from, to, CHUNK, S, columns.length, BINS, slot * SCRATCH_BYTES, at(w.persons.wb), at(w.subgroupSums), at(w.subgroupHistograms) + 4 * slot * S * BINS);
    },
    distress: (w: World, c: DistressContext, from, to) => {
      const p = w.persons;
      x.distress(from, to, c.tracking ? 1 : 0, c.inWindow ? 1 : 0, at(p.wb), at(p.distressed), at(p.wbMin), at(p.daysDistressed), at(p.distressedInWindow), w.params.thresholds.distress);
    },
  };
  const serial: SerialTwins = {
    listMembers: (w) => w.scratch.members.subarray(0, x.listMembers(w.n, at(w.persons.group), at(w.scratch.members))),
    listJoining: (w) => w.scratch.changed.subarray(0, x.listJoining(w.n, at(w.scratch.joining), at(w.scratch.changed))),
    lonelyChanges: (w) =>
      w.scratch.changed.subarray(0, x.lonelyChanges(w.n, at(w.persons.conn), at(w.persons.lonely), w.params.thresholds.lonely, at(w.scratch.changed))),
    formalAsked: (w) => x.formalAsked(w.n, at(w.persons.need), at(w.persons.service), at(w.services.asked), w.params.formal.threshold),
    formalGiven: (w) => {
      const s = w.scratch;
      const fromFormal = fromLayer(w, LAYER.formal);
      const flows = at(w.flows) + 8 * 3 * LAYER.formal;
      x.formalGiven(w.n, at(w.persons.need), at(w.persons.service), at(w.services.met), at(s.received), fromFormal, at(s.unmetFormal), flows, w.params.formal.threshold);
    },
    refreshTieSums: (w) => {
      const net = w.network;
      const r = w.params.support.effRemote;
      // The counts come back in slot 0's working space (this thread's).
      x.refreshTieSums(w.n, net.layers, at(net.offsets), at(net.weight), at(net.channel), at(w.persons.contact), at(w.scratch.openWeight), at(w.scratch.delivered), r.emotional, r.informational, r.instrumental, 0);
      const [faceToFace, remote] = new Int32Array(memory.buffer, 0, 2);
      return { faceToFace, remote };
    },
    listOpenTies: (w) => {
      const net = w.network;
      const o = w.openTies;
      o.far = x.listOpenTies(w.n, net.layers, o.block, o.group, at(net.offsets), at(net.neighbour), at(net.weight), at(net.channel), at(o.start), at(o.remoteStart), at(o.neighbour), at(o.weight), at(o.farStart), at(o.farGiver), at(o.farAsker), at(o.farWeight), at(o.farRemote));
    },
    cutTies: (w, layer, key, cut, shift, remoteWhere) => {
      const net = w.network;
      x.cutTies(w.n, net.layers, layer, at(net.offsets), at(net.neighbour), at(net.channel), at(net.mate), at(w.persons.digital), key, cut, shift, remoteWhere);
    },
  };
  return { twins: { memory, buffers, kernels, serial }, writeConstants: () => x.writeExpConstants(CONSTANTS_AT) };
}
