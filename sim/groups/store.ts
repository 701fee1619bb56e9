/**
 * Self-help groups as struct-of-arrays that grow as groups arise during a run (MODEL.md §2).
 * A group keeps its id for the whole run; a dissolved group is marked, never reused.
 */
import { allocate, grow, Real, type Columns } from '../fields.ts';

export const MODE = { faceToFace: 0, hybrid: 1, online: 2 } as const;
export const MODES = ['face-to-face', 'hybrid', 'online'] as const;
export const GOVERNANCE = { autonomous: 0, professional: 1 } as const;
export const KIND = { peer: 0, savings: 1 } as const;

/** How a group meets today. */
export const MEETING = { none: 0, faceToFace: 1, online: 2 } as const;

export const GROUP_FIELDS = {
  mode: { type: Uint8Array, doc: 'MODE: face-to-face, hybrid or online' },
  governance: { type: Uint8Array, doc: 'GOVERNANCE: autonomous or professionally led' },
  kind: { type: Uint8Array, doc: 'KIND: peer support or savings' },
  alive: { type: Uint8Array, doc: '1 until the group dissolves' },
  created: { type: Int32Array, doc: 'day the group formed (0 for day-0 groups)' },
  members: { type: Int32Array, doc: 'members now' },
  lowDays: { type: Int32Array, doc: 'consecutive days with fewer than shg.minActive active members' },
  pool: { type: Real, doc: 'savings pool (need units)' },
  meeting: { type: Uint8Array, doc: 'MEETING today' },
  active: { type: Int32Array, doc: 'members who met today' },
  expSum: { type: Real, doc: 'experiential knowledge of today’s active members, summed' },
  savingsAsked: { type: Real, doc: 'payouts asked of the pool today' },
  paidIn: { type: Real, doc: 'paid into the pool today' },
  paidInTotal: { type: Real, doc: 'paid into the pool since the group formed' },
  paidOutTotal: { type: Real, doc: 'paid out of the pool since the group formed' },
} as const;

export class Groups {
  count = 0;
  columns: Columns<typeof GROUP_FIELDS>;

  constructor(capacity = 64) {
    this.columns = allocate(GROUP_FIELDS, Math.max(1, capacity));
  }

  /** A new group with no members yet; returns its id. */
  add(mode: number, governance: number, kind: number, day: number): number {
    if (this.count === this.columns.mode.length) this.columns = grow(GROUP_FIELDS, this.columns, 2 * this.count);
    const g = this.count++;
    const c = this.columns;
    c.mode[g] = mode;
    c.governance[g] = governance;
    c.kind[g] = kind;
    c.alive[g] = 1;
    c.created[g] = day;
    return g;
  }
}
