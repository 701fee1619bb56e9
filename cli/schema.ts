/**
 * `npm run schema`: writes scenarios/scenario.schema.json and scenarios/sweep.schema.json from the
 * zod schemas, so editors complete and check scenario and sweep files. A test fails if a committed
 * file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../scenarios/schema.ts';
import { sweepJsonSchema } from '../scenarios/sweep.ts';

export const SCHEMA_FILE = new URL('../scenarios/scenario.schema.json', import.meta.url);
export const SWEEP_SCHEMA_FILE = new URL('../scenarios/sweep.schema.json', import.meta.url);

/** A schema file's text: stable key order and a final newline, so it diffs cleanly. */
const text = (schema: object) => `${JSON.stringify(schema, null, 2)}\n`;

export function schemaText(): string {
  return text(scenarioJsonSchema());
}

export function sweepSchemaText(): string {
  return text(sweepJsonSchema());
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(SCHEMA_FILE, schemaText());
  writeFileSync(SWEEP_SCHEMA_FILE, sweepSchemaText());
  console.log(`wrote ${SCHEMA_FILE.pathname} and ${SWEEP_SCHEMA_FILE.pathname}`);
}
