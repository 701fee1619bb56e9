/**
 * `--subgroups reference` without building the reference arm's world twice. An arm whose day 0
 * differs from the reference's (digital-divide's arms give other persons internet) records the
 * reference's day-0 subgroups, which each of its runs found by building the reference world once
 * more (at 1,000,000 persons about 7 s and 0.3 GB a run). The reference arm's own run on the same
 * seed has those masks already: its worker sends them back with its result, and the runs of the
 * other arms on that seed that start afterwards take them instead. A run that starts before they
 * are in builds the world as before; its results are the same bits either way.
 */
import { sameDayZero, type Params } from '../sim/index.ts';
import type { Job, JobResult } from './worker.ts';

/**
 * Whether runs hand masks on: with --subgroups reference (`basis`), where the reference arm is
 * among the arms run. Without it, each run builds the reference world itself.
 */
export function handsMasksOn(basis: string | undefined, reference: string, arms: readonly string[]): boolean {
  return basis === 'reference' && arms.includes(reference);
}

/** A run's part in the hand-over: the key of the reference run whose masks it keeps or takes. */
export type MaskRole = { readonly keeps: string } | { readonly takes: string } | null;

/**
 * The role of a run of settings `params` that records the subgroups of `from` (undefined for its
 * own), in the run of `arm` against `reference`, keyed by what pairs the runs (seed, point).
 */
export function maskRole(key: string, arm: string, reference: string, params: Params, from: Params | undefined): MaskRole {
  if (arm === reference) return { keeps: key };
  // Where the arm's day 0 is the reference's, its own subgroups are those already.
  return from && !sameDayZero(params, from) ? { takes: key } : null;
}

export const takesMasks = (role: MaskRole): boolean => role !== null && 'takes' in role;

interface Handover {
  masks?: Uint8Array;
  /** Runs that will take the masks, once the reference run has been handed out. */
  takers?: number;
  /** Runs that have taken them (or started without them). */
  taken: number;
}

/**
 * The masks of reference runs, held until every run that wants them has started: at most the
 * reference runs that have finished before their arms' runs start, n bytes each.
 */
export class ReferenceMasks {
  private readonly handovers = new Map<string, Handover>();

  /**
   * `job` as it should start, given its role: keeping its masks for the `takers()` runs that will
   * want them, or taking them if they are in.
   */
  prepare(job: Job, role: MaskRole, takers: () => number): Job {
    if (!role) return job;
    if ('keeps' in role) {
      const wanted = takers();
      if (wanted === 0) return job;
      const handover = this.handover(role.keeps);
      handover.takers = wanted;
      this.release(role.keeps, handover);
      return handover.takers > handover.taken ? { ...job, keepSubgroupMasks: true } : job;
    }
    const handover = this.handover(role.takes);
    const masks = handover.masks;
    handover.taken++;
    this.release(role.takes, handover);
    return masks ? { ...job, subgroupsFrom: undefined, subgroupMasks: masks } : job;
  }

  /** A finished run's masks, kept if runs are still to take them. */
  finished(role: MaskRole, result: JobResult): void {
    if (!role || !('keeps' in role) || !result.subgroupMasks) return;
    const handover = this.handovers.get(role.keeps);
    if (handover) handover.masks = result.subgroupMasks;
  }

  /** Masks held now (for tests). */
  get held(): number {
    return [...this.handovers.values()].filter((h) => h.masks).length;
  }

  private handover(key: string): Handover {
    let handover = this.handovers.get(key);
    if (!handover) this.handovers.set(key, (handover = { taken: 0 }));
    return handover;
  }

  /** Forgets a handover every taker has had. */
  private release(key: string, handover: Handover): void {
    if (handover.takers !== undefined && handover.taken >= handover.takers) this.handovers.delete(key);
  }
}
