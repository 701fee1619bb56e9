/** Reading input files from disk — scenarios, sweeps, calibration targets — with the file named in every error. */
import { readFileSync, statSync } from 'node:fs';
import { InputError, parseScenario } from '../scenarios/load.ts';
import type { Scenario } from '../scenarios/scenario.ts';

/** A file's text; `what` names what was expected ("a scenario file") when it is a folder. */
export function readInputText(file: string, what: string): string {
  try {
    if (statSync(file).isDirectory()) throw new InputError(file, `expected ${what}, but it is a folder`);
    return readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(file, code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? (e as Error).message})`);
  }
}

export function readScenario(file: string): { scenario: Scenario; text: string } {
  const text = readInputText(file, 'a scenario file');
  return { scenario: parseScenario(text, file), text };
}
