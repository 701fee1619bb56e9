/** Reading a scenario file from disk, with the file named in every error. */
import { readFileSync, statSync } from 'node:fs';
import { InputError, parseScenario } from '../scenarios/load.ts';
import type { Scenario } from '../scenarios/scenario.ts';

export function readScenario(file: string): { scenario: Scenario; text: string } {
  let text: string;
  try {
    if (statSync(file).isDirectory()) throw new InputError(file, 'expected a scenario file, but it is a folder');
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(file, code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? (e as Error).message})`);
  }
  return { scenario: parseScenario(text, file), text };
}
