/**
 * Command-line flags: node's own parser in strict mode (an unknown flag is an error), with each
 * value checked and converted here, so every command reports a bad flag the same way.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { nearest } from '../sim/index.ts';
import { UsageError } from './errors.ts';

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/**
 * How a command is named in messages: `command` is a kith command (`run`), or a whole npm script
 * (`npm run validate`), whose flags follow `--`.
 */
function commandName(command: string): string {
  return command.startsWith('npm ') ? command : `kith ${command}`;
}

/** How to ask `command` for its help. */
function helpFor(command: string): string {
  return command.startsWith('npm ') ? `${command} -- --help` : `kith ${command} --help`;
}

/** Parses `argv` against `options`; unknown flags name the nearest known one. */
export function parse(command: string, argv: string[], options: Options): Parsed {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    return { values: values as Parsed['values'], positionals };
  } catch (e) {
    const message = (e as Error).message;
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message);
    if (unknown) {
      const guess = nearest(unknown[1].replace(/^-+/, ''), Object.keys(options));
      throw new UsageError(`${commandName(command)}: unknown flag ${unknown[1]}${guess ? `; did you mean --${guess}?` : ''} (see ${helpFor(command)})`);
    }
    // Node's message for a value starting with a dash spans three lines; stderr gets one.
    const oneLine = message.replace(/\. To specify a positional.*$/s, '').replace(/\s*\n\s*/g, ' ');
    throw new UsageError(`${commandName(command)}: ${oneLine} (see ${helpFor(command)})`);
  }
}

/** An integer flag within a range, or `fallback` when absent. */
export function integerFlag(command: string, name: string, value: unknown, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  const text = String(value);
  const n = /^[+-]?\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `an integer of at least ${min}` : `an integer from ${min} to ${max}`;
    throw new UsageError(`${commandName(command)}: --${name}: expected ${range}, got ${JSON.stringify(text)}`);
  }
  return n;
}

/** A comma-separated list flag. */
export function listFlag(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  return String(value)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
