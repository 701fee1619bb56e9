/**
 * Phase 5 — formal services: clients whose residual total need exceeds θ_formal ask for their
 * residual need; each service shares its capacity C = perClient · clients · formalMul among its
 * askers in proportion to what they ask (C < ΣR ? C/ΣR : 1), times formalEff[f], times teleEff
 * while remote. What is asked and not given is recorded as unmet formal demand. The two walks over
 * every person run as WebAssembly where the world has twins (wasm/twins.ts), with the same bits.
 */
import { LAYER } from '../network/layers.ts';
import { formalMultiplier } from '../timeline/environment.ts';
import type { World } from '../world.ts';
import { twinsOf } from '../wasm/twins.ts';

/** Askers' requests summed per service, in person order. */
function askServices(world: World): void {
  const { need, service } = world.persons;
  const asked = world.services.asked;
  const threshold = world.params.formal.threshold;
  for (let i = 0, f = 0; i < world.n; i++, f += 3) {
    if (need[f] + need[f + 1] + need[f + 2] <= threshold) continue;
    const s = 3 * service[i];
    asked[s] += need[f];
    asked[s + 1] += need[f + 1];
    asked[s + 2] += need[f + 2];
  }
}

/** Each asker receives the share `met` of its service, per function; flows summed in person order. */
function giveToAskers(world: World): void {
  const n = world.n;
  const { need, service } = world.persons;
  const { received, receivedByLayer, unmetFormal } = world.scratch;
  const met = world.services.met;
  const fromFormal = LAYER.formal * n;
  const flows = world.flows;
  const FORMAL = 3 * LAYER.formal;
  const threshold = world.params.formal.threshold;
  for (let i = 0, f = 0; i < n; i++, f += 3) {
    const total = need[f] + need[f + 1] + need[f + 2];
    if (total <= threshold) {
      receivedByLayer[fromFormal + i] = 0;
      unmetFormal[i] = 0;
      continue;
    }
    const s = 3 * service[i];
    const g0 = need[f] * met[s];
    const g1 = need[f + 1] * met[s + 1];
    const g2 = need[f + 2] * met[s + 2];
    need[f] -= g0;
    need[f + 1] -= g1;
    need[f + 2] -= g2;
    received[f] += g0;
    received[f + 1] += g1;
    received[f + 2] += g2;
    flows[FORMAL] += g0;
    flows[FORMAL + 1] += g1;
    flows[FORMAL + 2] += g2;
    receivedByLayer[fromFormal + i] = g0 + g1 + g2;
    unmetFormal[i] = total - (g0 + g1 + g2);
  }
}

export function formal(world: World): void {
  const { asked, met, clients, count } = world.services;
  const p = world.params.formal;
  const twins = twinsOf(world);

  asked.fill(0);
  if (twins) twins.serial.formalAsked(world);
  else askServices(world);

  // The share of each request a service meets, per function.
  const perClient = p.perClient * formalMultiplier(world.env);
  const remote = world.env.formalRemote ? p.teleEff : 1;
  const efficacy = [p.efficacy.emotional, p.efficacy.informational, p.efficacy.instrumental];
  for (let s = 0; s < count; s++) {
    const capacity = perClient * clients[s];
    for (let f = 0; f < 3; f++) {
      const total = asked[3 * s + f];
      const rationed = total > capacity ? capacity / total : 1;
      met[3 * s + f] = rationed * efficacy[f] * remote;
    }
  }

  if (twins) twins.serial.formalGiven(world);
  else giveToAskers(world);
}
