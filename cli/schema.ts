/**
 * `npm run schema`: writes scenarios/scenario.schema.json from the zod schema, so editors complete
 * and check scenario files. A test fails if the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../scenarios/schema.ts';

export const SCHEMA_FILE = new URL('../scenarios/scenario.schema.json', import.meta.url);

/** The file's text: stable key order and a final newline, so it diffs cleanly. */
export function schemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(SCHEMA_FILE, schemaText());
  console.log(`wrote ${SCHEMA_FILE.pathname}`);
}
