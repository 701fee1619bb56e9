/**
 * The recorded outcomes of one arm, as the charts read them: whole-run arrays laid out as the
 * engine's RunResult (`[day · subgroups + s]`), filled day by day from the worker's frames (or,
 * for a results folder, from its tables).
 */
import { DAILY_OUTCOMES, SUBGROUPS, WORLD_OUTCOMES, type CrisisWindow, type DailyOutcome, type RunMetrics, type TimelineEvent, type WorldOutcome } from '../sim/index.ts';
import type { ArmFrame } from './engine/protocol.ts';

export const S = SUBGROUPS.length;
export const FLOWS_PER_DAY = 21;

/** A metric with its 95% interval where there are replicates to give one. */
export interface Estimate {
  readonly mean: number;
  readonly lo?: number;
  readonly hi?: number;
}

/** Whether an estimate is there to draw. */
export const hasValue = (v: Estimate | null | undefined): v is Estimate => !!v && Number.isFinite(v.mean);

export class ArmSeries {
  readonly name: string;
  readonly colour: string;
  readonly days: number;
  /** Days 0 … recorded − 1 hold values. */
  recorded = 0;
  readonly daily: Record<DailyOutcome, Float64Array>;
  readonly world: Record<WorldOutcome, Float64Array>;
  readonly flows: Float64Array;
  metrics: readonly RunMetrics[] = [];
  crisis: CrisisWindow | null = null;
  warmupDays = 0;
  timeline: readonly TimelineEvent[] = [];

  constructor(name: string, colour: string, days: number) {
    this.name = name;
    this.colour = colour;
    this.days = days;
    this.daily = Object.fromEntries(DAILY_OUTCOMES.map((o) => [o.name, new Float64Array(days * S).fill(NaN)])) as Record<DailyOutcome, Float64Array>;
    this.world = Object.fromEntries(WORLD_OUTCOMES.map((o) => [o.name, new Float64Array(days).fill(NaN)])) as Record<WorldOutcome, Float64Array>;
    this.flows = new Float64Array(days * FLOWS_PER_DAY).fill(NaN);
  }

  /** Takes a frame's new days; days after the frame's are dropped (a scrub back). */
  apply(frame: ArmFrame, day: number): void {
    const { chunk } = frame;
    for (const o of DAILY_OUTCOMES) this.daily[o.name as DailyOutcome].set(chunk.daily[o.name as DailyOutcome], chunk.from * S);
    for (const o of WORLD_OUTCOMES) this.world[o.name as WorldOutcome].set(chunk.world[o.name as WorldOutcome], chunk.from);
    this.flows.set(chunk.flows, chunk.from * FLOWS_PER_DAY);
    this.recorded = day + 1;
    this.metrics = frame.metrics;
    this.crisis = frame.crisis;
    this.warmupDays = frame.warmupDays;
    this.timeline = frame.timeline;
  }

  /** Whether subgroup s has no one in it: its daily means are NaN from day 0 (sim/record/recorder.ts). */
  isEmpty(s: number): boolean {
    return this.recorded > 0 && Number.isNaN(this.daily.wbMean[s]);
  }

  /** A daily outcome of subgroup s. */
  at(outcome: DailyOutcome, day: number, s: number): number {
    return this.daily[outcome][day * S + s];
  }
}
