/**
 * Timeline events: the schema of each kind. Their effects live in `events.ts`; both are keyed by
 * the same `type`, so adding a kind of event is one schema and one function.
 */
import { z } from 'zod';
import { CUTTABLE_LAYERS } from '../network/layers.ts';
import { rangeSchema } from '../params/spec.ts';

const day = rangeSchema({ integer: true, min: 0 });
const shareOf = rangeSchema({ min: 0, max: 1 });

export const EVENT_SCHEMAS = {
  /** Face-to-face contact is cut on the named layers; services lose capacity and go remote. */
  lockdown: z.strictObject({
    type: z.literal('lockdown'),
    day,
    layers: z
      .array(z.enum(CUTTABLE_LAYERS, { error: `expected one of ${CUTTABLE_LAYERS.map((l) => `"${l}"`).join(', ')}` }))
      .optional()
      .describe('layers cut (default: all but household)'),
    faceToFaceCut: shareOf.optional().describe('share of ties cut (default lockdown.faceToFaceCut)'),
    remoteShift: shareOf.optional().describe('share of cut ties that go remote (default lockdown.remoteShift)'),
    formalCapacity: shareOf.optional().describe('formalMul while locked down (default lockdown.formalCapacity)'),
  }),
  /** Every tie reopens; crisis rates decay back to 1 over `shocks.reopenDays`. */
  reopening: z.strictObject({ type: z.literal('reopening'), day }),
  /** An online platform opens (or closes): online groups can form and face-to-face groups meet online. */
  platform: z.strictObject({ type: z.literal('platform'), day, open: z.boolean({ error: 'expected true or false' }) }),
  /** Formal services' capacity is set to `value`, recovering linearly to normal over `recoverDays`. */
  capacity: z.strictObject({
    type: z.literal('capacity'),
    day,
    value: shareOf,
    recoverDays: rangeSchema({ integer: true, min: 0 }).optional(),
  }),
  /** A crisis without a lockdown (an economic shock): crisis rates for `duration` days, then decay. */
  shock: z.strictObject({ type: z.literal('shock'), day, duration: rangeSchema({ integer: true, min: 1 }) }),
} as const;

export type EventType = keyof typeof EVENT_SCHEMAS;
export const EVENT_TYPES = Object.keys(EVENT_SCHEMAS) as EventType[];

export type LockdownEvent = z.infer<(typeof EVENT_SCHEMAS)['lockdown']>;
export type ReopeningEvent = z.infer<(typeof EVENT_SCHEMAS)['reopening']>;
export type PlatformEvent = z.infer<(typeof EVENT_SCHEMAS)['platform']>;
export type CapacityEvent = z.infer<(typeof EVENT_SCHEMAS)['capacity']>;
export type ShockEvent = z.infer<(typeof EVENT_SCHEMAS)['shock']>;
export type TimelineEvent = LockdownEvent | ReopeningEvent | PlatformEvent | CapacityEvent | ShockEvent;

const typeSchema = z.object({
  type: z.enum(EVENT_TYPES as [EventType, ...EventType[]], {
    error: `expected an event type, one of ${EVENT_TYPES.map((t) => `"${t}"`).join(', ')}`,
  }),
});

/** One event: its `type` is checked first, so an unknown kind is named as such. */
const byType = z.discriminatedUnion('type', Object.values(EVENT_SCHEMAS) as unknown as [z.ZodObject, ...z.ZodObject[]]);
export const eventSchema: z.ZodType<TimelineEvent> = z
  .looseObject(typeSchema.shape)
  .pipe(byType as unknown as z.ZodType<TimelineEvent, { type: EventType }>) as unknown as z.ZodType<TimelineEvent>;
