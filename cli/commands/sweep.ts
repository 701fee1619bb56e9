/** `kith sweep <sweep.json>`: a scenario over a design of parameter settings, with replicates. */
import { parse } from '../args.ts';
import { executeSweep } from '../sweep/execute.ts';
import { planSweep, SWEEP_OPTIONS, type SweepPlan } from '../sweep/plan.ts';
import { subgroupsFlagHelp } from '../subgroups.ts';

export const SWEEP_HELP = `Usage: kith sweep <sweep.json> [options]

Runs a scenario's arms at every point of a sweep file's design (grid, Latin hypercube or Morris),
with replicates, on worker threads; each finished run is saved on disk as it comes in, and the
final files are written at the end, in a fixed order, whatever order runs finished in.

Options:
  --out DIR             output folder                                  (default: out/<sweep name>)
  --workers K           worker threads                                 (default: the number of cores)
  --threads T           threads within each run, for large populations;
                        the same files for any T                       (default 1)
  --resume              continue the sweep in --out from the runs saved there
  --shard i/N           run only the i-th of N slices of the points (1 ≤ i ≤ N); combine the
                        shards' folders with kith merge
  --persons N           population size                                (default: the scenario's)
  --days D              days to simulate                               (default: the scenario's)
  --set path=value      override a setting at every point (repeatable)
  --timeseries          also write timeseries.csv (large: every day of every run)
${subgroupsFlagHelp(24)}
  --precision h         add replicates at each point, a batch of the sweep's replicates at a
                        time, until the 95% CI half-width of --metric is below h in every arm
  --metric m            the metric --precision judges, for everyone    (default: depth)
  --max-replicates R    at most R replicates per point with --precision (default: 100)
  --quiet               no progress on stderr
  -h, --help            this help

Replicate r at point p runs on seed hash(sweep seed, p, r), the same for every arm: points.csv
gives each point's seeds and the kith run command that reproduces its first replicate
(another replicate: the same command with that replicate's seed).
Writes runs.csv, summary.csv, effects.csv (kith run's tables with a point column), points.csv,
sensitivity.csv (Morris designs), timeseries.csv (--timeseries), datapackage.json and
manifest.json; DIR/.sweep keeps the journal of finished runs for --resume and kith merge.
Exit status: 0 on success, 1 when a run fails, 2 on bad input, 130 when interrupted.`;

export function planSweepCommand(argv: string[]): SweepPlan | 'help' {
  const parsed = parse('sweep', argv, SWEEP_OPTIONS);
  return parsed.values.help ? 'help' : planSweep('sweep', parsed);
}

/** Plans and runs a sweep; `planned` sees the plan first, before anything runs. */
export async function sweep(argv: string[], commandLine: string[], planned: (plan: SweepPlan) => void = () => {}): Promise<string | 'help'> {
  const plan = planSweepCommand(argv);
  if (plan === 'help') return 'help';
  planned(plan);
  return executeSweep(plan, commandLine);
}
