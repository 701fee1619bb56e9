/**
 * The scenario file format, as a zod schema built on the parameters' own schema: one source of
 * truth for what a setting may be, whether it comes from the engine's defaults, a scenario, an
 * arm or `--set`. `scenario.schema.json` is generated from it (npm run schema) so that editors
 * complete and check scenario files.
 */
import { z } from 'zod';
import { overridesSchema } from '../sim/index.ts';

export const armSchema = overridesSchema.extend({
  description: z.string({ error: 'expected a text' }).optional().describe('what this arm stands for'),
});

export const scenarioSchema = z
  .strictObject({
    $schema: z.string({ error: 'expected the path of the JSON Schema' }).optional(),
    name: z.string({ error: 'expected a name' }).min(1, { error: 'expected a non-empty name' }).describe('short name, used in outputs'),
    description: z.string({ error: 'expected a text' }).describe('what the scenario shows'),
    settings: overridesSchema
      .omit({ timeline: true, crisis: true })
      .default({})
      .describe('overrides of the defaults, nested as the parameters are (docs/ODD.md, Parameters)'),
    timeline: overridesSchema.shape.timeline.unwrap().default([]).describe('events, applied at the start of their day'),
    crisis: overridesSchema.shape.crisis
      .unwrap()
      .default(null)
      .describe('the days resilience is measured against; null takes the first lockdown and the reopening after it'),
    reference: z.string({ error: 'expected the name of an arm' }).describe('the arm effects are measured against'),
    arms: z
      .record(z.string().min(1, { error: 'expected a non-empty arm name' }).max(200, { error: 'expected an arm name of at most 200 characters' }), armSchema, {
        error: 'expected an object of arms',
      })
      .refine((arms) => Object.keys(arms).length > 0, { error: 'expected at least one arm' })
      .describe('named variants run on the same seeds; each may override anything, the timeline included'),
  })
  .superRefine((s, ctx) => {
    if (!(s.reference in s.arms)) {
      ctx.addIssue({ code: 'custom', path: ['reference'], message: `expected one of the arms: ${Object.keys(s.arms).map((a) => JSON.stringify(a)).join(', ')}` });
    }
  });

export type ScenarioFile = z.infer<typeof scenarioSchema>;

/** The JSON Schema editors read, from the zod schema. */
export function scenarioJsonSchema(): object {
  return {
    ...z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'Kith scenario',
    description: 'A Kith scenario: settings, a timeline, a crisis window and arms (see docs/ODD.md).',
  };
}
