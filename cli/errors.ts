/** What went wrong, and the exit code it calls for: 2 for bad input, 1 for a run that failed. */
import { ParamError } from '../sim/index.ts';
import { InputError } from '../scenarios/load.ts';

/** A wrong command line: unknown flag, bad flag value, missing argument. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT = { ok: 0, failed: 1, badInput: 2, interrupted: 130 } as const;

export function exitCodeOf(error: unknown): number {
  return error instanceof UsageError || error instanceof InputError || error instanceof ParamError ? EXIT.badInput : EXIT.failed;
}

/** One line for stderr: no stack trace unless KITH_DEBUG is set. */
export function describeError(error: unknown): string {
  if (process.env.KITH_DEBUG && error instanceof Error && error.stack) return error.stack;
  return error instanceof Error ? error.message : String(error);
}
