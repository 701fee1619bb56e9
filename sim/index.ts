/** Kith's engine: pure TypeScript, no DOM and no Node APIs. */
export * from './params/index.ts';
export { run, Simulation, type RunResult, type RunOptions, type DayView } from './simulation.ts';
export { buildWorld, type World } from './world.ts';
export { step, PHASES } from './day/step.ts';
export { LAYERS, TIE_LAYERS, LAYER, CHANNEL, CUTTABLE_LAYERS, type Layer, type TieLayer } from './network/layers.ts';
export type { Network } from './network/compile.ts';
export { tiesPerLayer } from './network/compile.ts';
export { toGraph, networkStats, isTie, type NetworkStats, type LayerStats } from './network/graph.ts';
export type { KithGraph, NodeAttributes, EdgeAttributes, PersonNode, ServiceNode, GroupNode, TieEdge, MembershipEdge, ChannelName } from './network/graph.ts';
export { SUBGROUPS, SUBGROUP_DOCS, type Subgroup } from './record/subgroups.ts';
export { MEAN_OUTCOMES, PERCENTILE_OUTCOMES, WORLD_OUTCOMES, DAILY_OUTCOMES, type DailyOutcome, type WorldOutcome } from './record/outcomes.ts';
export { RUN_METRICS, type RunMetric, type RunMetrics } from './record/metrics.ts';
export { EVENT_TYPES, EVENT_SCHEMAS, eventSchema, type TimelineEvent } from './timeline/schema.ts';
export { MODE, MODES, MEETING, GOVERNANCE, KIND } from './groups/store.ts';
export { AGE_BANDS } from './population/fields.ts';
