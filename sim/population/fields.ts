/** Every per-person array, declared once (MODEL.md §2). */
import { LAYERS, TIE_LAYERS } from '../network/layers.ts';
import { Real, type Columns } from '../fields.ts';

export const AGE_BANDS = ['young', 'adult', 'older'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const AGE = { young: 0, adult: 1, older: 2 } as const satisfies Record<AgeBand, number>;

/** A person's state: set at initialisation, carried from day to day. */
export const PERSON_FIELDS = {
  ageBand: { type: Uint8Array, doc: 'age band: 0 young 18–29, 1 adult 30–64, 2 older 65+' },
  household: { type: Int32Array, doc: 'household id; households are numbered along the ring' },
  householdSize: { type: Uint8Array, doc: 'persons in the household (1 = living alone)' },
  iAm: { type: Real, doc: 'I AM: inner strength, self-esteem, hope (Grotberg 1995)' },
  iCan: { type: Real, doc: 'I CAN: social and interpersonal skills, help-seeking' },
  iHave: { type: Real, doc: 'I HAVE: mean perceived support' },
  material: { type: Real, doc: 'economic resources' },
  digital: { type: Uint8Array, doc: 'internet access' },
  service: { type: Int32Array, doc: 'the formal service one is a client of' },
  need: { type: Real, width: 3, doc: 'unmet need per function (need units)' },
  perceived: { type: Real, width: 3, fill: 0.5, doc: 'perceived availability of support per function' },
  conn: { type: Real, fill: 0.6, doc: 'social connectedness, the felt sense of belonging' },
  wb0: { type: Real, doc: 'wellbeing set-point' },
  wb: { type: Real, doc: 'wellbeing' },
  stress: { type: Real, doc: '1 − e^(−Σ need)' },
  exp: { type: Real, doc: 'experiential knowledge (Borkman 2008)' },
  group: { type: Int32Array, fill: -1, doc: 'self-help group, −1 for none' },
  calmDays: { type: Int32Array, doc: 'consecutive days a member has had stress under shg.leaveStress' },
  everMember: { type: Uint8Array, doc: 'in a group at any time during the run' },
  contact: { type: Real, doc: 'contact today: Σ w·rate·open, remote ties scaled' },
  contactRef: { type: Real, doc: 'the contact one is used to (30-day average)' },
  lonely: { type: Uint8Array, doc: 'conn below θ_lonely, as of the end of the last day (set with setLonely)' },
  lonelyFriends: { type: Int32Array, doc: 'friend ties to persons lonely as of the end of the last day' },
  lonelyKin: { type: Int32Array, doc: 'kin ties to persons lonely as of the end of the last day' },
  distressed: { type: Uint8Array, doc: 'wb below θ_distress, as of the end of the last day' },
  subgroups: { type: Uint8Array, doc: 'bit mask of the subgroups one belongs to, fixed on day 0' },
  wbMin: { type: Real, fill: Infinity, doc: 'lowest wb from the crisis start on' },
  daysDistressed: { type: Int32Array, doc: 'days distressed from the crisis start on' },
  distressedInWindow: { type: Uint8Array, doc: 'distressed on some day of start … end + 89' },
} as const;

/** Working arrays of one day, overwritten every day. */
export const DAY_FIELDS = {
  ask: {
    type: Real,
    width: 4,
    doc: 'per unit w·rate, what i asks of each open tie per function (a_i), then what i could give (0.3 + 0.7·wb_i): packed so a walk over ties reads one block per neighbour',
  },
  share: { type: Real, width: 3, doc: 'share of each request a giver meets: min(1, cap/D)' },
  received: { type: Real, width: 3, doc: 'support received today per function' },
  receivedByLayer: { type: Real, width: LAYERS.length, doc: 'support received today per source layer, layer-major: [l · n + i]' },
  openWeight: { type: Real, doc: 'Σ w·rate over open ties (refreshed when ties change)' },
  delivered: {
    type: Real,
    width: 3 * TIE_LAYERS.length,
    doc: 'per tie layer and function, Σ w·rate·(remote ? effRemote[f] : 1) over open ties: what ties deliver per unit asked when no giver is short (refreshed when ties change)',
  },
  farSums: {
    type: Real,
    width: 5,
    doc: 'a giver’s sums over far ties (network/open.ts): requests per function, then what the ties could give face-to-face and remote',
  },
  shortGiver: { type: Uint8Array, doc: 'cannot meet all requests of some function today' },
  shortNearby: { type: Uint8Array, doc: 'some giver among one’s ties is short today (cleared as phase 4 ends)' },
  withheld: {
    type: Real,
    width: 3 * TIE_LAYERS.length,
    doc: 'per tie layer and function, Σ w·rate·(1 − share_j)·(remote ? effRemote[f] : 1) over ties to short givers j (zero outside phase 4)',
  },
  giving: { type: Real, width: 2, doc: 'Σ w·rate·(0.3 + 0.7·wb_j) over face-to-face, then remote ties, at the start of the day' },
  strain: { type: Real, doc: 'caregiver strain today' },
  metGroup: { type: Uint8Array, doc: 'took part in a group meeting today' },
  inGroup: { type: Uint8Array, doc: 'in a self-help group at the end of the day' },
  inOnlineGroup: { type: Uint8Array, doc: 'in an online self-help group at the end of the day' },
  belonging: { type: Real, doc: 'belonging from today’s group meeting (contact-equivalents)' },
  savingsBelonging: { type: Real, doc: 'belonging from today’s meeting of a savings group, which also offers instrumental support (phase 8)' },
  groupReceived: { type: Real, doc: 'support received in the group today' },
  unmetFormal: { type: Real, doc: 'asked of formal services today and not given' },
  members: { type: Int32Array, doc: 'the persons in a group, in person order, as groups/members.ts last listed them' },
  memberShare: {
    type: Real,
    width: 4,
    doc: 'per listed member m (not per person), what phases 6 and 10 pass between their kernels and their sums in member order: see day/meetings.ts',
  },
  joining: { type: Uint8Array, doc: 'phase 10: 1 starts an online group today, 2 asks to join one, else 0' },
  changed: { type: Int32Array, doc: 'the persons whose lonely flag changes today, in person order (phase 11)' },
} as const;

export type Persons = Columns<typeof PERSON_FIELDS>;
export type DayArrays = Columns<typeof DAY_FIELDS>;
