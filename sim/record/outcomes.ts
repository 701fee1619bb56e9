/**
 * The outcomes recorded every day (MODEL.md §8), declared once: the recorder allocates one array
 * per outcome from these lists, and the CSV writers and the viewer read names, units and meanings
 * from them.
 */

export interface OutcomeSpec {
  readonly name: string;
  readonly unit: string;
  readonly doc: string;
}

/** Per subgroup and day: the mean of a per-person value over the subgroup. */
export const MEAN_OUTCOMES = [
  { name: 'wbMean', unit: 'wb (0–1)', doc: 'mean wellbeing' },
  { name: 'distressed', unit: 'share', doc: 'share distressed (wb below θ_distress)' },
  { name: 'lonely', unit: 'share', doc: 'share lonely (conn below θ_lonely)' },
  { name: 'conn', unit: 'conn (0–1)', doc: 'mean social connectedness' },
  { name: 'stress', unit: 'stress (0–1)', doc: 'mean stress, 1 − e^(−Σ need)' },
  { name: 'iHave', unit: '0–1', doc: 'mean I HAVE (perceived support)' },
  { name: 'contact', unit: 'contact-equivalents', doc: 'mean daily contact' },
  { name: 'needEmotional', unit: 'need units', doc: 'mean residual emotional need' },
  { name: 'needInformational', unit: 'need units', doc: 'mean residual informational need' },
  { name: 'needInstrumental', unit: 'need units', doc: 'mean residual instrumental need' },
  { name: 'receivedEmotional', unit: 'need units/day', doc: 'mean emotional support received' },
  { name: 'receivedInformational', unit: 'need units/day', doc: 'mean informational support received' },
  { name: 'receivedInstrumental', unit: 'need units/day', doc: 'mean instrumental support received' },
  { name: 'fromHousehold', unit: 'need units/day', doc: 'mean support received from the household' },
  { name: 'fromKin', unit: 'need units/day', doc: 'mean support received from kin in other households' },
  { name: 'fromFriend', unit: 'need units/day', doc: 'mean support received from friends' },
  { name: 'fromNeighbour', unit: 'need units/day', doc: 'mean support received from neighbours' },
  { name: 'fromCoworker', unit: 'need units/day', doc: 'mean support received from coworkers' },
  { name: 'fromFormal', unit: 'need units/day', doc: 'mean support received from formal services' },
  { name: 'fromShg', unit: 'need units/day', doc: 'mean support received in self-help groups' },
  { name: 'unmetFormal', unit: 'need units/day', doc: 'mean formal demand asked and not given' },
  { name: 'shgMembers', unit: 'share', doc: 'share in a self-help group' },
  { name: 'shgOnline', unit: 'share', doc: 'share in an online self-help group' },
  { name: 'shgMet', unit: 'share', doc: 'share who took part in a group meeting' },
] as const satisfies readonly OutcomeSpec[];

/** Per subgroup and day: percentiles of wellbeing, from a fixed-bin histogram. */
export const PERCENTILE_OUTCOMES = [
  { name: 'wbP10', unit: 'wb (0–1)', doc: '10th percentile of wellbeing', q: 0.1 },
  { name: 'wbP50', unit: 'wb (0–1)', doc: 'median wellbeing', q: 0.5 },
  { name: 'wbP90', unit: 'wb (0–1)', doc: '90th percentile of wellbeing', q: 0.9 },
] as const satisfies readonly (OutcomeSpec & { q: number })[];

/** Per day, for the whole world. */
export const WORLD_OUTCOMES = [
  { name: 'groups', unit: 'groups', doc: 'self-help groups in existence' },
  { name: 'groupsOnline', unit: 'groups', doc: 'online self-help groups in existence' },
  { name: 'groupsMeeting', unit: 'groups', doc: 'groups that met (face-to-face or online)' },
  { name: 'formalCapacity', unit: '×', doc: 'formalMul: formal services’ capacity against normal' },
  { name: 'formalRemote', unit: '0/1', doc: 'services work remotely' },
  { name: 'platformOpen', unit: '0/1', doc: 'an online platform is open' },
  { name: 'lockdown', unit: '0/1', doc: 'a lockdown is in force' },
  { name: 'crisisIntensity', unit: '0–1', doc: 'crisis multipliers’ distance above 1, against onset' },
  { name: 'tiesFaceToFace', unit: 'share', doc: 'share of ties face-to-face' },
  { name: 'tiesRemote', unit: 'share', doc: 'share of ties remote' },
] as const satisfies readonly OutcomeSpec[];

export type MeanOutcome = (typeof MEAN_OUTCOMES)[number]['name'];
export type PercentileOutcome = (typeof PERCENTILE_OUTCOMES)[number]['name'];
export type DailyOutcome = MeanOutcome | PercentileOutcome;
export type WorldOutcome = (typeof WORLD_OUTCOMES)[number]['name'];

export const DAILY_OUTCOMES: readonly OutcomeSpec[] = [...MEAN_OUTCOMES, ...PERCENTILE_OUTCOMES];

/** Index of each mean outcome in a per-person value vector. */
export const MEAN_INDEX = Object.fromEntries(MEAN_OUTCOMES.map((o, k) => [o.name, k])) as Record<MeanOutcome, number>;
