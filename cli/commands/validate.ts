/** `kith validate <scenario>…`: checks each file; one line per file; exit 2 if any is invalid. */
import { armNames } from '../../scenarios/scenario.ts';
import { InputError } from '../../scenarios/load.ts';
import { parse } from '../args.ts';
import { EXIT, UsageError } from '../errors.ts';
import { readScenario } from '../scenario-file.ts';

export const VALIDATE_HELP = `Usage: kith validate <scenario.json>…

Checks scenario files: JSON syntax, every setting against the parameters' schema, and every arm
resolved to valid parameters. Prints one line per file; exits 2 if any file is invalid.`;

export function validate(argv: string[], help: string): number {
  const { values, positionals } = parse('validate', argv, {});
  if (values.help) return console.log(help), EXIT.ok;
  if (positionals.length === 0) throw new UsageError('kith validate: expected at least one scenario file (see kith validate --help)');
  let invalid = 0;
  for (const file of positionals) {
    try {
      const { scenario } = readScenario(file);
      console.log(`ok ${file}: ${scenario.name}, arms ${armNames(scenario).join(', ')} (reference ${scenario.reference})`);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      process.stderr.write(`kith: ${e.message}\n`);
      invalid++;
    }
  }
  return invalid > 0 ? EXIT.badInput : EXIT.ok;
}
