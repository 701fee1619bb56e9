/**
 * What each kind of timeline event does: one small function per kind, keyed like the schemas in
 * `schema.ts`. Events of a day apply in timeline order at the start of that day.
 */
import { dayKey, uniformAt } from '../random/index.ts';
import { CHANNEL, CUTTABLE_LAYERS, LAYER, TIE_LAYERS, type TieLayer } from '../network/layers.ts';
import type { World } from '../world.ts';
import { twinsOf } from '../wasm/twins.ts';
import { endCrisis, startCrisis } from './environment.ts';
import type { CapacityEvent, EventType, LockdownEvent, PlatformEvent, ReopeningEvent, ShockEvent, TimelineEvent } from './schema.ts';

/**
 * Where a cut tie of a layer may go remote: kin and friends keep in touch by phone (1, always);
 * coworkers remotely when both are online (2); neighbours not (0).
 */
function remoteWhere(layer: number): 0 | 1 | 2 {
  if (layer === LAYER.kin || layer === LAYER.friend) return 1;
  return layer === LAYER.coworker ? 2 : 0;
}

function canGoRemote(world: World, layer: number, a: number, b: number): boolean {
  const where = remoteWhere(layer);
  return where === 1 || (where === 2 && world.persons.digital[a] === 1 && world.persons.digital[b] === 1);
}

/** cutTies for the ties of layer `l`, in JavaScript (the WebAssembly twin does the same). */
function cutLayer(world: World, l: number, key: number, cut: number, shift: number): void {
  const { offsets, neighbour, channel, mate, layers: L } = world.network;
  for (let i = 0; i < world.n; i++) {
    for (let e = offsets[i * L + l]; e < offsets[i * L + l + 1]; e++) {
      const j = neighbour[e];
      if (j < i || channel[e] !== CHANNEL.faceToFace) continue;
      if (uniformAt(key, e, 0) >= cut) continue;
      const remote = canGoRemote(world, l, i, j) && uniformAt(key, e, 1) < shift;
      channel[e] = channel[mate[e]] = remote ? CHANNEL.remote : CHANNEL.closed;
    }
  }
}

/**
 * Each face-to-face tie of a cut layer is cut with probability `cut`, drawn once per tie
 * (stream `timeline`, keyed by the tie); a cut tie goes remote with probability `shift` where its
 * layer allows, else it closes. Both halves of a tie change together.
 */
function cutTies(world: World, layers: readonly TieLayer[], cut: number, shift: number): void {
  const key = dayKey(world.keys.timeline, world.today);
  const twins = twinsOf(world);
  for (const name of layers) {
    const l = LAYER[name];
    if (twins) twins.serial.cutTies(world, l, key, cut, shift, remoteWhere(l));
    else cutLayer(world, l, key, cut, shift);
  }
  world.tiesChanged = true;
}

function lockdown(world: World, event: LockdownEvent): void {
  const defaults = world.params.lockdown;
  const layers = event.layers ?? CUTTABLE_LAYERS;
  const tieLayers = TIE_LAYERS.filter((l): l is TieLayer => (layers as readonly string[]).includes(l));
  cutTies(world, tieLayers, event.faceToFaceCut ?? defaults.faceToFaceCut, event.remoteShift ?? defaults.remoteShift);
  if (layers.includes('formal')) {
    world.env.formalRemote = true;
    world.env.lockdownCapacity = event.formalCapacity ?? defaults.formalCapacity;
  }
  if (layers.includes('shg')) world.env.meetingsCut = true;
  world.env.lockdown = true;
  startCrisis(world.env, world.today);
}

function reopening(world: World, _event: ReopeningEvent): void {
  world.network.channel.fill(CHANNEL.faceToFace);
  world.tiesChanged = true;
  Object.assign(world.env, { formalRemote: false, lockdownCapacity: 1, meetingsCut: false, lockdown: false });
  endCrisis(world.env, world.today);
}

function platform(world: World, event: PlatformEvent): void {
  world.env.platformOpen = event.open;
}

function capacity(world: World, event: CapacityEvent): void {
  world.env.formalLevel = event.value;
  const days = event.recoverDays ?? 0;
  world.env.formalRecovery = days > 0 ? { from: event.value, start: world.today, days } : null;
}

function shock(world: World, event: ShockEvent): void {
  startCrisis(world.env, world.today, world.today + event.duration);
}

type Effect<K extends EventType> = (world: World, event: Extract<TimelineEvent, { type: K }>) => void;

export const EVENT_EFFECTS: { [K in EventType]: Effect<K> } = { lockdown, reopening, platform, capacity, shock };

export function applyEvent(world: World, event: TimelineEvent): void {
  (EVENT_EFFECTS[event.type] as Effect<EventType>)(world, event as never);
}
