/**
 * What the viewer shows, as a scenario file: the two arms side by side with the levers' settings
 * folded into each, and every live Lockdown-now / Reopen-now click added to their timelines as an
 * event of the day it was clicked on. The viewer runs exactly this scenario (so a link, an export
 * and `kith run` agree), and downloads it so that `kith run` reproduces a live demonstration.
 */
import { armNames, armParams, type Scenario } from '../../scenarios/scenario.ts';
import { mergeParams, type Params, type TimelineEvent } from '../../sim/index.ts';
import { leverFlags, leverOverrides, type LeverValues } from './levers.ts';

/** A live click: the event takes effect at the start of `day`, the next day to simulate. */
export interface LiveEvent {
  readonly type: 'lockdown' | 'reopening';
  readonly day: number;
}

export interface Comparison {
  /** The scenario's file name, as shipped in `scenarios/`. */
  readonly file: string;
  readonly scenario: Scenario;
  /** Left and right panel. */
  readonly arms: readonly [string, string];
  readonly levers: LeverValues;
  readonly seed: number;
  /** In the order they were clicked. */
  readonly live: readonly LiveEvent[];
}

/** The two arms in the scenario's order: the order of the rows `kith run` writes. */
export function armsInOrder(c: Pick<Comparison, 'scenario' | 'arms'>): string[] {
  return armNames(c.scenario).filter((a) => c.arms.includes(a));
}

/** The arm effects are measured against: the scenario's reference when shown, else the left arm. */
export function referenceArm(c: Pick<Comparison, 'scenario' | 'arms'>): string {
  return c.arms.includes(c.scenario.reference) ? c.scenario.reference : c.arms[0];
}

/** An arm's own timeline: its own, else the scenario's. */
export function armTimeline(scenario: Scenario, arm: string): readonly TimelineEvent[] {
  return scenario.arms[arm].timeline ?? scenario.timeline;
}

/** Whether a timeline opens the online platform on a day it locks down: the platform comes with the lockdown. */
export function opensPlatformWithLockdown(timeline: readonly TimelineEvent[]): boolean {
  const lockdownDays = new Set(timeline.filter((e) => e.type === 'lockdown').map((e) => e.day));
  return timeline.some((e) => e.type === 'platform' && e.open && lockdownDays.has(e.day));
}

/**
 * The events a live click adds to an arm whose own timeline is `timeline`. A live lockdown also
 * opens the platform of an arm that opens it with its lockdown: such an arm stands for "an online
 * platform opens with the lockdown", and without it a lockdown before the scheduled one would
 * leave the two arms the same.
 */
export function liveEvents(timeline: readonly TimelineEvent[], live: LiveEvent): TimelineEvent[] {
  const event: TimelineEvent = { type: live.type, day: live.day };
  return live.type === 'lockdown' && opensPlatformWithLockdown(timeline) ? [event, { type: 'platform', day: live.day, open: true }] : [event];
}

/** Events of a day apply in timeline order; live ones follow those already on their day. */
function withLive(timeline: readonly TimelineEvent[], live: readonly LiveEvent[]): TimelineEvent[] {
  return [...timeline, ...live.flatMap((e) => liveEvents(timeline, e))]
    .map((e, k) => ({ e, k }))
    .sort((a, b) => a.e.day - b.e.day || a.k - b.k)
    .map(({ e }) => e);
}

function describe(c: Comparison): string {
  const parts = [`arms ${armsInOrder(c).join(' and ')}`, `seed ${c.seed}`, `settings ${leverFlags(c.levers).join(' ')}`];
  if (c.live.length) parts.push(`live events ${c.live.map((e) => `${e.type} on day ${e.day}`).join(', ')}`);
  return `${c.scenario.description} — Exported from the Kith viewer: ${parts.join('; ')}.`;
}

/** The comparison as a scenario: `kith run` on it, with `--replicates 1 --seed <seed>`, is what the viewer ran. */
export function comparisonScenario(c: Comparison): Scenario {
  const overrides = leverOverrides(c.levers);
  const arms: Scenario['arms'] = {};
  for (const name of armsInOrder(c)) {
    const arm = mergeParams(c.scenario.arms[name], overrides) as Scenario['arms'][string];
    if (c.live.length) arm.timeline = withLive(armTimeline(c.scenario, name), c.live);
    arms[name] = arm;
  }
  return { ...c.scenario, description: describe(c), reference: referenceArm(c), arms };
}

/** The parameters each panel runs, in panel order. */
export function comparisonParams(c: Comparison): [Params, Params] {
  const scenario = comparisonScenario(c);
  return [armParams(scenario, c.arms[0]), armParams(scenario, c.arms[1])];
}

/** The scenario file the viewer downloads. */
export function scenarioFileText(c: Comparison): string {
  return `${JSON.stringify(comparisonScenario(c), null, 2)}\n`;
}

/** A file name from a scenario name, as `kith run` makes its default output folder. */
export function safeName(name: string): string {
  return name.replace(/[^\w.-]+/g, '-');
}

export function exportedFileName(c: Comparison): string {
  return `${safeName(c.scenario.name)}-viewer.json`;
}

const quote = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`);

/**
 * Commands that write the same tables as the viewer's export: on the exported file always, and,
 * without live clicks, on the shipped scenario with flags (effects then need the reference shown).
 */
export function commandLines(c: Comparison): { exported: string; shipped: string | null } {
  const exported = ['npx', 'kith', 'run', exportedFileName(c), '--replicates', '1', '--seed', String(c.seed)];
  const shippedOk = c.live.length === 0 && referenceArm(c) === c.scenario.reference;
  const shipped = ['npx', 'kith', 'run', `scenarios/${c.file}`, '--arms', armsInOrder(c).join(','), '--replicates', '1', '--seed', String(c.seed), ...leverFlags(c.levers)];
  return { exported: exported.map(quote).join(' '), shipped: shippedOk ? shipped.map(quote).join(' ') : null };
}

/** The Export menu's lines: the shipped scenario's command where there is one, then the exported file's. */
export function commandText(c: Comparison): string[] {
  const { exported, shipped } = commandLines(c);
  const file = `with the exported scenario file (${exportedFileName(c)}):`;
  return shipped ? [shipped, `# or, ${file}`, exported] : [`# ${file}`, exported];
}
