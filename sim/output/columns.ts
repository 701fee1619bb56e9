/**
 * The columns of every table Kith writes, declared once with their type, unit and meaning: CSV
 * headers, the Frictionless Data descriptor (datapackage.json) and the viewer all read them here.
 */
import { DAILY_OUTCOMES, WORLD_OUTCOMES } from '../record/outcomes.ts';
import { RUN_METRICS } from '../record/metrics.ts';

export interface Column {
  readonly name: string;
  /** Frictionless Table Schema type. */
  readonly type: 'string' | 'integer' | 'number';
  readonly unit?: string;
  readonly description: string;
}

const text = (name: string, description: string): Column => ({ name, type: 'string', description });
const integer = (name: string, description: string, unit?: string): Column => ({ name, type: 'integer', unit, description });
const number = (name: string, description: string, unit?: string): Column => ({ name, type: 'number', unit, description });

const SCENARIO = text('scenario', 'scenario name');
const ARM = text('arm', 'arm name');
const REPLICATE = integer('replicate', 'replicate number, from 0; the arms’ runs of a replicate share its seed');
const SEED = integer('seed', 'the seed of this run: kith run --seed <seed> --replicates 1 reproduces it (in a sweep, with the point’s settings: points.csv gives the command)');
const SUBGROUP = text('subgroup', 'subgroup, fixed on day 0: everyone, living-alone, weak-family, no-internet, young, older, low-income, shg-members');
const SUBGROUP_SIZE = integer('n', 'persons in the subgroup', 'persons');
const DAY = integer('day', 'day of the run, from 0', 'day');

export const TIMESERIES_COLUMNS: readonly Column[] = [
  SCENARIO,
  ARM,
  REPLICATE,
  SEED,
  DAY,
  integer('warmup', '1 on days before crisis start − 28, which let the state settle; else 0'),
  SUBGROUP,
  SUBGROUP_SIZE,
  ...DAILY_OUTCOMES.map((o) => number(o.name, o.doc, o.unit)),
  ...WORLD_OUTCOMES.map((o) => number(o.name, `${o.doc} (the whole world, the same in every subgroup's row)`, o.unit)),
];

export const RUNS_COLUMNS: readonly Column[] = [
  SCENARIO,
  ARM,
  REPLICATE,
  SEED,
  SUBGROUP,
  SUBGROUP_SIZE,
  ...RUN_METRICS.map((m) => (m.name === 'recoveryCensored' ? integer(m.name, m.doc, m.unit) : number(m.name, m.doc, m.unit))),
];

const METRIC = text('metric', 'resilience metric (see runs.csv)');

export const SUMMARY_COLUMNS: readonly Column[] = [
  SCENARIO,
  ARM,
  SUBGROUP,
  METRIC,
  integer('n', 'replicates with a value (a censored recovery has none)'),
  number('mean', 'mean over replicates'),
  number('sd', 'sample standard deviation over replicates'),
  number('ci_low', 'lower end of the 95% confidence interval of the mean (Student t)'),
  number('ci_high', 'upper end of the 95% confidence interval of the mean (Student t)'),
  number('median', 'median over replicates'),
  number('p10', '10th percentile over replicates (linear interpolation, R type 7)'),
  number('p90', '90th percentile over replicates (linear interpolation, R type 7)'),
];

export const EFFECTS_COLUMNS: readonly Column[] = [
  SCENARIO,
  ARM,
  text('reference', 'the reference arm the effect is measured against'),
  SUBGROUP,
  METRIC,
  integer('n', 'pairs of runs (same seed) where both arms have a value and the subgroup holds the same persons in both (0 where the arm changes who is in it, unless run with --subgroups reference)'),
  number('mean_difference', 'mean over seeds of (arm − reference): the paired effect'),
  number('sd_difference', 'standard deviation of the paired differences'),
  number('ci_low', 'lower end of the 95% confidence interval of the paired effect (Student t)'),
  number('ci_high', 'upper end of the 95% confidence interval of the paired effect (Student t)'),
  number('effect_size', 'standardised paired effect, mean_difference / sd_difference (Cohen’s d_z)'),
];

export const AGENTS_COLUMNS: readonly Column[] = [
  SCENARIO,
  ARM,
  REPLICATE,
  SEED,
  integer('person', 'person id, the same person in every arm of a seed'),
  integer('household', 'household id'),
  integer('household_size', 'persons in the household', 'persons'),
  text('age_band', 'young (18–29), adult (30–64) or older (65+)'),
  number('iAm', 'I AM: inner strength (0–1)'),
  number('iCan_day0', 'I CAN on day 0 (0–1)'),
  number('material', 'economic resources (0–1)'),
  integer('digital', '1 with internet access'),
  integer('service', 'formal service id'),
  integer('group_day0', 'self-help group on day 0; empty for none'),
  integer('ties_household', 'household ties', 'ties'),
  integer('ties_kin', 'kin ties', 'ties'),
  integer('ties_friend', 'friend ties', 'ties'),
  integer('ties_neighbour', 'neighbour ties', 'ties'),
  integer('ties_coworker', 'coworker ties', 'ties'),
  number('wb0', 'wellbeing set-point (0–1)'),
  DAY,
  number('wb', 'wellbeing at the end of the day (0–1)'),
  number('conn', 'connectedness at the end of the day (0–1)'),
  number('iHave', 'I HAVE, perceived support (0–1)'),
  number('stress', 'stress (0–1)'),
  integer('lonely', '1 if lonely'),
  integer('distressed', '1 if distressed'),
  integer('group', 'self-help group at the end of the day; empty for none'),
  number('wb_min', 'lowest wellbeing from the crisis start on (the run)'),
  integer('days_distressed', 'days distressed from the crisis start on (the run)', 'days'),
  integer('ever_member', '1 if in a self-help group at any time in the run'),
];

export function tiesColumns(days: readonly number[]): Column[] {
  return [
    SCENARIO,
    ARM,
    REPLICATE,
    SEED,
    integer('a', 'one person of the tie (a < b)'),
    integer('b', 'the other person'),
    text('layer', 'household, kin, friend, neighbour or coworker'),
    number('strength', 'tie strength w (0–1)'),
    number('weight', 'daily contact weight w · rate'),
    ...days.map((d) => text(`channel_day${d}`, `channel on day ${d}: face-to-face, remote or closed`)),
  ];
}

export const FLOWS_COLUMNS: readonly Column[] = [
  SCENARIO,
  ARM,
  REPLICATE,
  SEED,
  DAY,
  text('layer', 'source of the support: household, kin, friend, neighbour, coworker, formal or shg'),
  text('function', 'emotional, informational or instrumental'),
  number('support', 'support received, mean per person', 'need units/day'),
];
