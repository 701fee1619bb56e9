/**
 * Messages between the page and the engine's Web Worker. Every request carries an id and gets one
 * reply with that id; typed arrays in replies are transferred, not copied.
 */
import type { CrisisWindow, DailyOutcome, RunMetrics, TimelineEvent, WorldOutcome } from '../../sim/index.ts';
import type { Comparison } from '../state/comparison.ts';

/** What does not change while a run plays: one arm's persons and ties. */
export interface ArmInfo {
  readonly name: string;
  readonly description: string;
  readonly n: number;
  readonly days: number;
  /** The engine's compressed rows (see sim/network/compile.ts). */
  readonly offsets: Int32Array;
  readonly neighbour: Int32Array;
  readonly service: Int32Array;
  readonly services: number;
  readonly distressThreshold: number;
  readonly lonelyThreshold: number;
  /**
   * How the engine runs the day's kernels: as their WebAssembly twins where the page is
   * cross-origin isolated (shared memory), else as JavaScript (the same bits, slower).
   */
  readonly kernels: 'webassembly' | 'javascript';
}

/** Recorded outcomes of days `from` … `to` − 1, laid out as in RunResult. */
export interface OutcomeChunk {
  readonly from: number;
  readonly to: number;
  readonly daily: Record<DailyOutcome, Float64Array>;
  readonly world: Record<WorldOutcome, Float64Array>;
  readonly flows: Float64Array;
}

/** One arm at the end of the day shown: copies of the live arrays the panels draw. */
export interface ArmFrame {
  readonly wb: Float32Array;
  readonly lonely: Uint8Array;
  readonly distressed: Uint8Array;
  readonly group: Int32Array;
  /** Per group (groups are numbered from 0; dissolved ones stay, not alive). */
  readonly groupAlive: Uint8Array;
  readonly groupMode: Uint8Array;
  readonly groupMeeting: Uint8Array;
  /** Per half-edge: CHANNEL. */
  readonly channel: Uint8Array;
  readonly chunk: OutcomeChunk;
  readonly metrics: readonly RunMetrics[];
  readonly crisis: CrisisWindow | null;
  readonly warmupDays: number;
  readonly timeline: readonly TimelineEvent[];
}

/** A person's state in one arm, and their needs and support received on each day so far. */
export interface PersonArm {
  readonly wb: number;
  readonly conn: number;
  readonly stress: number;
  readonly iAm: number;
  readonly iCan: number;
  readonly iHave: number;
  readonly lonely: boolean;
  readonly distressed: boolean;
  readonly group: number;
  readonly groupMode: number | null;
  readonly groupMeeting: number | null;
  readonly groupMembers: number;
  /** Per tie layer: ties face-to-face, remote and closed today. */
  readonly ties: readonly { faceToFace: number; remote: number; closed: number }[];
  /** `[day · 3 + f]`, days 0 … day shown. */
  readonly need: Float64Array;
  readonly received: Float64Array;
  readonly wbTrace: Float64Array;
}

export interface PersonFrame {
  readonly person: number;
  readonly ageBand: string;
  readonly householdSize: number;
  readonly digital: boolean;
  readonly material: number;
  readonly service: number;
  readonly arms: readonly [PersonArm, PersonArm];
}

export interface Frame {
  /** The last simulated day: what the panels show. */
  readonly day: number;
  readonly done: boolean;
  readonly arms: readonly [ArmFrame, ArmFrame];
  readonly person: PersonFrame | null;
}

export interface Opened {
  readonly arms: readonly [ArmInfo, ArmInfo];
  /** Positions `[x, y, …]` within the unit disc, shared by both panels. */
  readonly layout: Float32Array;
  readonly frame: Frame;
}

/** The comparison's tables, as `kith run` writes them, and the scenario that reproduces them. */
export interface ExportFiles {
  readonly files: readonly { name: string; text: string }[];
}

export type Request =
  | { type: 'open'; comparison: Comparison; day: number; person: number | null }
  /** Simulate `days` more days; `have` is how many days of outcomes the page already holds. */
  | { type: 'step'; days: number; have: number }
  | { type: 'seek'; day: number; have: number }
  | { type: 'live'; event: 'lockdown' | 'reopening'; have: number }
  | { type: 'person'; person: number | null; have: number }
  | { type: 'export' };

export interface Replies {
  open: Opened;
  step: Frame;
  seek: Frame;
  live: Frame & { comparison: Comparison };
  person: Frame;
  export: ExportFiles;
}

export type Reply<R extends Request> = Replies[R['type']];

export type Message = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
