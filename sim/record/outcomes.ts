/**
 * The outcomes recorded every day (MODEL.md §8), declared once: the recorder allocates one array
 * per outcome from these lists, and the CSV writers and the viewer read names, units and meanings
 * from them.
 */
import { LAYER, type Layer } from '../network/layers.ts';
import type { World } from '../world.ts';

export interface OutcomeSpec {
  readonly name: string;
  readonly unit: string;
  readonly doc: string;
}

/** Where a per-person value lives: `values[i · stride + offset]` for person i. */
export interface PersonColumn {
  readonly values: ArrayLike<number>;
  readonly stride: number;
  readonly offset: number;
}

const person =
  (field: 'wb' | 'distressed' | 'lonely' | 'conn' | 'stress' | 'iHave' | 'contact') =>
  (w: World): PersonColumn => ({ values: w.persons[field], stride: 1, offset: 0 });
const scratch =
  (field: 'unmetFormal' | 'metGroup' | 'inGroup' | 'inOnlineGroup') =>
  (w: World): PersonColumn => ({ values: w.scratch[field], stride: 1, offset: 0 });
const perFunction =
  (field: 'need' | 'received', f: number) =>
  (w: World): PersonColumn => ({ values: field === 'need' ? w.persons.need : w.scratch.received, stride: 3, offset: f });
const fromLayer = (layer: Layer) => (w: World): PersonColumn => ({ values: w.scratch.receivedByLayer, stride: 1, offset: LAYER[layer] * w.n });

/** Per subgroup and day: the mean of a per-person value over the subgroup. */
export const MEAN_OUTCOMES = [
  { name: 'wbMean', unit: 'wb (0–1)', doc: 'mean wellbeing', column: person('wb') },
  { name: 'distressed', unit: 'share', doc: 'share distressed (wb below θ_distress)', column: person('distressed') },
  { name: 'lonely', unit: 'share', doc: 'share lonely (conn below θ_lonely)', column: person('lonely') },
  { name: 'conn', unit: 'conn (0–1)', doc: 'mean social connectedness', column: person('conn') },
  { name: 'stress', unit: 'stress (0–1)', doc: 'mean stress, 1 − e^(−Σ need)', column: person('stress') },
  { name: 'iHave', unit: '0–1', doc: 'mean I HAVE (perceived support)', column: person('iHave') },
  { name: 'contact', unit: 'contact-equivalents', doc: 'mean daily contact', column: person('contact') },
  { name: 'needEmotional', unit: 'need units', doc: 'mean residual emotional need', column: perFunction('need', 0) },
  { name: 'needInformational', unit: 'need units', doc: 'mean residual informational need', column: perFunction('need', 1) },
  { name: 'needInstrumental', unit: 'need units', doc: 'mean residual instrumental need', column: perFunction('need', 2) },
  { name: 'receivedEmotional', unit: 'need units/day', doc: 'mean emotional support received', column: perFunction('received', 0) },
  { name: 'receivedInformational', unit: 'need units/day', doc: 'mean informational support received', column: perFunction('received', 1) },
  { name: 'receivedInstrumental', unit: 'need units/day', doc: 'mean instrumental support received', column: perFunction('received', 2) },
  { name: 'fromHousehold', unit: 'need units/day', doc: 'mean support received from the household', column: fromLayer('household') },
  { name: 'fromKin', unit: 'need units/day', doc: 'mean support received from kin in other households', column: fromLayer('kin') },
  { name: 'fromFriend', unit: 'need units/day', doc: 'mean support received from friends', column: fromLayer('friend') },
  { name: 'fromNeighbour', unit: 'need units/day', doc: 'mean support received from neighbours', column: fromLayer('neighbour') },
  { name: 'fromCoworker', unit: 'need units/day', doc: 'mean support received from coworkers', column: fromLayer('coworker') },
  { name: 'fromFormal', unit: 'need units/day', doc: 'mean support received from formal services', column: fromLayer('formal') },
  { name: 'fromShg', unit: 'need units/day', doc: 'mean support received in self-help groups', column: fromLayer('shg') },
  { name: 'unmetFormal', unit: 'need units/day', doc: 'mean formal demand asked and not given', column: scratch('unmetFormal') },
  { name: 'shgMembers', unit: 'share', doc: 'share in a self-help group', column: scratch('inGroup') },
  { name: 'shgOnline', unit: 'share', doc: 'share in an online self-help group', column: scratch('inOnlineGroup') },
  { name: 'shgMet', unit: 'share', doc: 'share who took part in a group meeting', column: scratch('metGroup') },
] as const satisfies readonly (OutcomeSpec & { column: (w: World) => PersonColumn })[];

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
