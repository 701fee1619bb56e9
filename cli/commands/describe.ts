/**
 * `kith describe <scenario>`: what a scenario sets up, before anything runs — its arms, the
 * resolved parameters of one arm with those differing from the defaults marked, its timeline and
 * crisis window, and the statistics of the network that arm builds on a seed.
 */
import { armNames, armParams, type Scenario } from '../../scenarios/scenario.ts';
import {
  buildWorld,
  crisisWindow,
  defaultParams,
  nearest,
  networkStats,
  PARAMETERS,
  ParamError,
  valueAtPath,
  type NetworkStats,
  type Params,
  type TimelineEvent,
} from '../../sim/index.ts';
import { integerFlag, parse, type Options, type Parsed } from '../args.ts';
import { EXIT, UsageError } from '../errors.ts';
import { commandLineSettings } from '../overrides.ts';
import { readScenario } from '../scenario-file.ts';
import { alignColumns, wrap } from '../table.ts';

export const DESCRIBE_HELP = `Usage: kith describe <scenario.json> [options]

Shows a scenario before it runs: its arms, the resolved parameters of one arm (defaults, then
the scenario, the arm and --set), its timeline and crisis window, and the statistics of the
network that arm builds: ties, mean degree and density per layer, and household modularity.

Options:
  --arm A            the arm to resolve                              (default: the reference)
  --persons N        population size                                 (default: the scenario's, else 5000)
  --days D           days to simulate                                (default: the scenario's, else 365)
  --set path=value   override a setting after the scenario and arm, e.g.
                     --set shg.pJoin=0.05 (repeatable)
  --seed S           seed of the network; kith run --seed S builds it for replicate 0   (default 1)
  --json             print one JSON object with the same content instead
  -h, --help         this help

Parameters marked * differ from the defaults.
Exit status: 0 on success, 2 on bad input.`;

const OPTIONS: Options = {
  arm: { type: 'string' },
  persons: { type: 'string' },
  days: { type: 'string' },
  set: { type: 'string', multiple: true },
  seed: { type: 'string' },
  json: { type: 'boolean' },
};

/** Lines of text are wrapped to this width. */
const WIDTH = 96;

/** One parameter of the chosen arm. */
interface ParameterLine {
  path: string;
  value: unknown;
  unit: string;
  default: unknown;
  /** The value differs from `defaultParams()`. */
  changed: boolean;
}

/** Everything `kith describe` prints, as text or as JSON. */
interface Description {
  file: string;
  name: string;
  description: string;
  reference: string;
  arms: { name: string; description: string | null; reference: boolean }[];
  arm: string;
  seed: number;
  parameters: ParameterLine[];
  timeline: TimelineEvent[];
  /** `declared` in the scenario, or taken from the `timeline` (first lockdown to reopening). */
  crisis: { start: number; end: number; source: 'declared' | 'timeline' } | null;
  network: NetworkStats;
}

function chooseArm(scenario: Scenario, requested: unknown): string {
  const all = armNames(scenario);
  if (requested === undefined) return scenario.reference;
  const arm = String(requested);
  if (all.includes(arm)) return arm;
  const guess = nearest(arm, all);
  const hint = guess ? `; did you mean ${JSON.stringify(guess)}?` : '';
  throw new UsageError(`kith describe: --arm: unknown arm ${JSON.stringify(arm)}${hint} (the arms are ${all.map((a) => JSON.stringify(a)).join(', ')})`);
}

/** The description asked for by the command line. */
function describeScenario(values: Parsed['values'], positionals: string[]): Description {
  if (positionals.length !== 1) throw new UsageError(`kith describe: expected one scenario file, got ${positionals.length} (see kith describe --help)`);
  const file = positionals[0];
  const { scenario } = readScenario(file);
  const overrides = commandLineSettings('describe', values);
  const seed = integerFlag('describe', 'seed', values.seed, 1, 0);
  const arm = chooseArm(scenario, values.arm);
  let params: Params;
  try {
    params = armParams(scenario, arm, overrides);
  } catch (e) {
    if (e instanceof ParamError) throw new UsageError(`${file}: arm ${JSON.stringify(arm)} with the command-line settings: ${e.message}`);
    throw e;
  }

  const defaults = defaultParams();
  const parameters = PARAMETERS.map(({ path, leaf }): ParameterLine => {
    const value = valueAtPath(params, path);
    const byDefault = valueAtPath(defaults, path);
    return { path, value, unit: leaf.unit, default: byDefault, changed: !Object.is(value, byDefault) };
  });
  const window = crisisWindow(params);
  return {
    file,
    name: scenario.name,
    description: scenario.description,
    reference: scenario.reference,
    arms: armNames(scenario).map((name) => ({ name, description: scenario.arms[name].description ?? null, reference: name === scenario.reference })),
    arm,
    seed,
    parameters,
    timeline: params.timeline,
    crisis: window && { ...window, source: params.crisis ? 'declared' : 'timeline' },
    network: networkStats(buildWorld(params, seed)),
  };
}

const plain = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** `lockdown (faceToFaceCut: 0.5; layers: kin, friend)`: the type, then any other settings. */
function eventText(event: TimelineEvent): string {
  const { type, day: _day, ...rest } = event;
  const settings = Object.entries(rest).map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : plain(value)}`);
  return settings.length ? `${type} (${settings.join('; ')})` : type;
}

const significant = (x: number | null): string => (x === null ? '—' : Number(x.toPrecision(3)).toString());

function networkLines(d: Description): string[] {
  const s = d.network;
  const rows = [
    ['layer', 'kind', 'ties', 'mean degree', 'density'],
    ...s.layers.map((l) => [l.layer, l.kind, String(l.ties), l.meanDegree.toFixed(3), significant(l.density)]),
    ['all tie layers', '', String(s.ties), s.meanDegree.toFixed(3), ''],
  ];
  return [
    `Network of arm ${d.arm}, seed ${d.seed}: ${s.persons} persons in ${s.households} households`,
    ...alignColumns(rows, ['l', 'l', 'r', 'r', 'r'], '  '),
    `  household modularity ${s.householdModularity === null ? '— (no ties)' : s.householdModularity.toFixed(3)}`,
    '  (formal and shg are memberships: their ties count members, their mean degree memberships per person)',
  ];
}

function textLines(d: Description): string[] {
  const armRows = d.arms.map((a) => [a.name, a.description ?? '', a.reference ? '(reference)' : '']);
  const parameterRows = d.parameters.map((p) => [`${p.changed ? '*' : ' '} ${p.path}`, plain(p.value), p.unit, p.changed ? `(default ${plain(p.default)})` : '']);
  const changed = d.parameters.filter((p) => p.changed).length;
  const crisis = d.crisis
    ? `Crisis window: days ${d.crisis.start} to ${d.crisis.end} (${d.crisis.source === 'declared' ? 'declared' : 'the first lockdown to the reopening after it'})`
    : 'Crisis window: none (the resilience metrics will be empty)';
  return [
    d.name,
    ...wrap(d.description, WIDTH, '  '),
    '',
    'Arms:',
    ...alignColumns(armRows, ['l', 'l', 'l'], '  '),
    '',
    `Parameters of arm ${d.arm} (* differs from the default: ${changed} of ${d.parameters.length}):`,
    ...alignColumns(parameterRows, ['l', 'l', 'l', 'l'], '  '),
    '',
    d.timeline.length ? 'Timeline:' : 'Timeline: no events',
    ...alignColumns(
      d.timeline.map((e) => ['day', String(e.day), eventText(e)]),
      ['l', 'r', 'l'],
      '  ',
    ),
    crisis,
    '',
    ...networkLines(d),
  ];
}

export function describe(argv: string[], help: string): number {
  const { values, positionals } = parse('describe', argv, OPTIONS);
  if (values.help) return console.log(help), EXIT.ok;
  const description = describeScenario(values, positionals);
  console.log(values.json ? JSON.stringify(description, null, 2) : textLines(description).join('\n'));
  return EXIT.ok;
}
