/**
 * The state of the world outside persons that timeline events change: services' capacity, the
 * lockdown, the platform, and the crisis that raises the rate of life events (MODEL.md §4.2).
 */
import type { Params } from '../params/index.ts';
import { pow } from '../math.ts';

export interface Crisis {
  /** Day the crisis began: crisis rates start at their onset multiplier M. */
  readonly onset: number;
  /** Day it ended (a reopening, or the end of a shock); `null` while it goes on. */
  end: number | null;
}

export interface Environment {
  /** Formal capacity set by capacity events (1 is normal). */
  formalLevel: number;
  /** A capacity event's recovery: linear from `from` back to normal over `days`. */
  formalRecovery: { from: number; start: number; days: number } | null;
  /** Formal capacity under a lockdown (1 without one). */
  lockdownCapacity: number;
  /** Services work remotely (tele), at `formal.teleEff`. */
  formalRemote: boolean;
  /** A lockdown is in force. */
  lockdown: boolean;
  /** Face-to-face group meetings are stopped. */
  meetingsCut: boolean;
  /** An online platform is open: groups form online and face-to-face groups can meet there. */
  platformOpen: boolean;
  crisis: Crisis | null;
}

export function initialEnvironment(params: Params): Environment {
  return {
    formalLevel: params.formal.capacity,
    formalRecovery: null,
    lockdownCapacity: 1,
    formalRemote: false,
    lockdown: false,
    meetingsCut: false,
    platformOpen: false,
    crisis: null,
  };
}

/** formalMul today. */
export function formalMultiplier(env: Environment): number {
  return env.formalLevel * env.lockdownCapacity;
}

/**
 * How far crisis rates are above normal, from 1 at onset to 0: halving every `adapt` days while
 * the crisis lasts (people adapt, Fancourt et al. 2021), then falling linearly from its value at
 * the end to 0 over `reopenDays`. Each multiplier is m = 1 + (M − 1) · intensity.
 */
export function crisisIntensity(env: Environment, day: number, shocks: Params['shocks']): number {
  const crisis = env.crisis;
  if (!crisis || day < crisis.onset) return 0;
  const adapted = (until: number) => pow(2, -(until - crisis.onset) / shocks.adapt);
  if (crisis.end === null || day < crisis.end) return adapted(day);
  if (shocks.reopenDays === 0) return 0;
  return adapted(crisis.end) * Math.max(0, 1 - (day - crisis.end) / shocks.reopenDays);
}

/** Starts a crisis unless one is under way (a second lockdown during the first adds none). */
export function startCrisis(env: Environment, day: number, end: number | null = null): void {
  if (env.crisis && (env.crisis.end === null || env.crisis.end > day)) return;
  env.crisis = { onset: day, end };
}

/** Ends the crisis in force, if any: its rates begin to decay. */
export function endCrisis(env: Environment, day: number): void {
  if (env.crisis && (env.crisis.end === null || env.crisis.end > day)) env.crisis.end = day;
}

/** Moves a capacity recovery on by one day. */
export function updateFormalLevel(env: Environment, day: number, normal: number): void {
  const r = env.formalRecovery;
  if (!r) return;
  const progress = r.days === 0 ? 1 : Math.min(1, (day - r.start) / r.days);
  env.formalLevel = r.from + (normal - r.from) * progress;
  if (progress >= 1) env.formalRecovery = null;
}
