/**
 * The npm scripts beside `kith` (validate, calibrate, sensitivity, summary): flags checked as
 * kith's are, `--help` printing the usage, and any error one line on stderr with kith's exit
 * codes (2 for bad input, 1 for a failure), never a stack trace.
 */
import { parse, type Options, type Parsed } from './args.ts';
import { describeError, EXIT, exitCodeOf } from './errors.ts';

/** Runs `main` on the parsed command line of the npm script `command` (as `npm run validate`). */
export function runScript(command: string, help: string, options: Options, main: (parsed: Parsed) => number | void | Promise<number | void>): void {
  (async () => {
    const parsed = parse(command, process.argv.slice(2), options);
    if (parsed.values.help) {
      console.log(help);
      return EXIT.ok;
    }
    return (await main(parsed)) ?? EXIT.ok;
  })().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      const text = describeError(error);
      process.stderr.write(`${text.startsWith(command) || text.startsWith('kith') ? text : `${command}: ${text}`}\n`);
      process.exitCode = exitCodeOf(error);
    },
  );
}
