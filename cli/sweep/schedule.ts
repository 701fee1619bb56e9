/**
 * Which runs of a sweep (or of one shard) to do next. Every point runs its arms × replicates;
 * with sequential replication a point starts with one batch and, each time its batch is complete,
 * the rule decides on replicates 0 … n−1 whether it needs another. The decisions depend only on
 * the runs' results, so feeding in runs already on disk (--resume) in any order replays them.
 */
import { nextTarget, widestHalfWidth, type SequentialRule } from '../../sim/index.ts';

export interface RunKey {
  readonly point: number;
  readonly arm: number;
  readonly replicate: number;
}

interface PointState {
  readonly point: number;
  /** Replicates planned so far. */
  target: number;
  /** Replicates before the current batch. */
  batchStart: number;
  /** How many slots (replicate · arms + arm) have been considered for handing out, in handOutOrder. */
  issued: number;
  /** Finished slots. */
  readonly done: Uint8Array;
  /** The rule's metric per slot, NaN where missing (sequential replication only). */
  values?: Float64Array;
  /** The rule has stopped adding replicates. */
  decided: boolean;
  halfWidth?: number;
}

export class Schedule {
  private readonly states: PointState[];
  private readonly byPoint = new Map<number, PointState>();
  private readonly arms: number;
  private readonly rule: SequentialRule | null;
  private readonly firstArm: number | undefined;
  /** Points that got another batch after the cursor passed them. */
  private readonly reopened: PointState[] = [];
  private cursor = 0;
  private undecided: number;
  /** Runs planned so far, and how many of them are finished. */
  planned = 0;
  finished = 0;

  /**
   * Runs are handed out point by point, replicate by replicate; with `firstArm`, each batch's runs
   * of that arm go out ahead of the batch's others (the reference arm's, whose subgroup masks the
   * others take with --subgroups reference: cli/reference-masks.ts). The order decides only when
   * runs start, never what the files hold.
   */
  constructor(points: readonly number[], arms: number, replicates: number, rule: SequentialRule | null, firstArm?: number) {
    this.arms = arms;
    this.rule = rule;
    this.firstArm = arms > 1 ? firstArm : undefined;
    const most = rule ? Math.max(rule.max, replicates) : replicates;
    const first = rule ? Math.min(rule.batch, rule.max) : replicates;
    this.states = points.map((point) => ({
      point,
      target: first,
      batchStart: 0,
      issued: 0,
      done: new Uint8Array(most * arms),
      values: rule ? new Float64Array(most * arms).fill(NaN) : undefined,
      decided: !rule,
    }));
    for (const s of this.states) this.byPoint.set(s.point, s);
    this.planned = this.states.length * first * arms;
    this.undecided = rule ? this.states.length : 0;
  }

  /** Whether `point` belongs to this schedule. */
  has(point: number): boolean {
    return this.byPoint.has(point);
  }

  /** Records a finished run and the value of the rule's metric (ignored without a rule). */
  finish(key: RunKey, value: number | null): void {
    const state = this.byPoint.get(key.point);
    const slot = key.replicate * this.arms + key.arm;
    if (!state || slot >= state.done.length || state.done[slot]) return;
    state.done[slot] = 1;
    if (state.values) state.values[slot] = value ?? NaN;
    if (key.replicate < state.target) this.finished++;
    this.judge(state);
  }

  /** The next run to start, or undefined when none can start until more runs finish. */
  next(): RunKey | undefined {
    while (this.reopened.length > 0) {
      const key = this.take(this.reopened[0]);
      if (key) return key;
      this.reopened.shift();
    }
    for (; this.cursor < this.states.length; this.cursor++) {
      const key = this.take(this.states[this.cursor]);
      if (key) return key;
    }
    return undefined;
  }

  /** Every planned run is finished and the rule has decided at every point. */
  get complete(): boolean {
    return this.undecided === 0 && this.finished === this.planned;
  }

  /** Replicates run (or planned) at `point`. */
  replicatesAt(point: number): number {
    return (this.byPoint.get(point) as PointState).target;
  }

  /** The half-width the rule last judged at `point`. */
  halfWidthAt(point: number): number | undefined {
    return this.byPoint.get(point)?.halfWidth;
  }

  private take(state: PointState): RunKey | undefined {
    while (state.issued < state.target * this.arms) {
      const slot = this.handOutOrder(state, state.issued++);
      if (!state.done[slot]) return { point: state.point, arm: slot % this.arms, replicate: Math.floor(slot / this.arms) };
    }
    return undefined;
  }

  /**
   * The k-th slot of `state` to hand out: slot k, but within the current batch the `firstArm`'s
   * slots ahead of the others'. (Slots of earlier batches, all done once a batch is judged, keep
   * their places.)
   */
  private handOutOrder(state: PointState, k: number): number {
    const start = state.batchStart * this.arms;
    if (this.firstArm === undefined || k < start) return k;
    const size = state.target - state.batchStart;
    const local = k - start;
    if (local < size) return (state.batchStart + local) * this.arms + this.firstArm;
    const others = local - size;
    const arm = others % (this.arms - 1);
    return (state.batchStart + Math.floor(others / (this.arms - 1))) * this.arms + (arm < this.firstArm ? arm : arm + 1);
  }

  /** Once a batch is complete, lets the rule decide; repeats while batches run on disk are complete. */
  private judge(state: PointState): void {
    while (this.rule && !state.decided) {
      const slots = state.target * this.arms;
      for (let s = 0; s < slots; s++) if (!state.done[s]) return;
      const values = state.values as Float64Array;
      const perArm = Array.from({ length: this.arms }, (_, a) => Array.from({ length: state.target }, (_, r) => values[r * this.arms + a]));
      state.halfWidth = widestHalfWidth(perArm.map((list) => list.map((v) => (Number.isNaN(v) ? null : v))));
      const target = nextTarget(this.rule, state.target, state.halfWidth);
      if (target === state.target) {
        state.decided = true;
        state.values = undefined;
        this.undecided--;
        return;
      }
      // Runs of the new batch may be on disk already (resume): count them as finished now.
      for (let s = slots; s < target * this.arms; s++) if (state.done[s]) this.finished++;
      this.planned += (target - state.target) * this.arms;
      state.batchStart = state.target;
      state.target = target;
      this.reopened.push(state);
    }
  }
}
