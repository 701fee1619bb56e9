/**
 * `kith run <scenario>`: every selected arm × replicate on worker threads, then the outcome
 * tables, written atomically into --out in a fixed order whatever order runs finish in.
 */
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { armNames, armParams, type Scenario } from '../../scenarios/scenario.ts';
import {
  AGENTS_COLUMNS,
  agentsRows,
  crisisWindow,
  EFFECTS_COLUMNS,
  effectsRows,
  FLOWS_COLUMNS,
  flowsRows,
  ParamError,
  RUNS_COLUMNS,
  runsRows,
  SUMMARY_COLUMNS,
  summaryRows,
  TIMESERIES_COLUMNS,
  tiesColumns,
  tiesRows,
  type CsvPart,
  type Params,
  type RunRecord,
} from '../../sim/index.ts';
import { integerFlag, listFlag, parse, type Options } from '../args.ts';
import { dataPackage, gitProvenance, kithVersion, sha256, type TableFile } from '../describe-output.ts';
import { UsageError } from '../errors.ts';
import { checkOutputDir, defaultOut, InOrder, OutputDir } from '../output.ts';
import { stateDir } from '../sweep/state.ts';
import { commandLineSettings } from '../overrides.ts';
import { runPool, type JobQueue, type PoolHandle } from '../pool.ts';
import { handsMasksOn, maskRole, ReferenceMasks, takesMasks, type MaskRole } from '../reference-masks.ts';
import { progress } from '../progress.ts';
import { MAX_SLOTS } from '../../sim/parallel.ts';
import { readScenario } from '../scenario-file.ts';
import type { Job, JobResult } from '../worker.ts';
import { subgroupBasis, subgroupsFlagHelp, subgroupsFrom, type SubgroupBasis } from '../subgroups.ts';

export const RUN_HELP = `Usage: kith run <scenario.json> [options]

Runs every arm of a scenario on the same seeds and writes outcome tables to --out.

Options:
  --replicates N     runs per arm; replicate r uses seed S + r        (default 10)
  --seed S           first seed                                      (default 1)
  --persons N        population size                                 (default: the scenario's, else 5000)
  --days D           days to simulate                                (default: the scenario's, else 365)
  --set path=value   override a setting after the scenario and arm, e.g.
                     --set lockdown.faceToFaceCut=0.5 (repeatable)
  --arms a,b         run only these arms; effects.csv compares them with
                     the reference arm, so name it too               (default: all)
  --out DIR          output folder                                   (default: out/<scenario name>)
  --workers K        worker threads running replicates in parallel   (default: the number of cores)
  --threads T        threads within each run, for large populations;
                     the same bits for any T                         (default 1)
  --agents           also write agents.csv: each person on the --agent-days
  --agent-days d,…   days for agents.csv and ties.csv                (default: crisis start − 1, crisis end, last day)
  --ties             also write ties.csv: every tie, its channel on the --agent-days
  --flows            also write flows.csv: support per day × source layer × function
${subgroupsFlagHelp(21)}
  --quiet            no progress on stderr
  -h, --help         this help

Writes timeseries.csv, runs.csv, summary.csv, effects.csv, manifest.json and datapackage.json.
Exit status: 0 on success, 1 when a run fails, 2 on bad input, 130 when interrupted (nothing written).`;

const OPTIONS: Options = {
  replicates: { type: 'string' },
  seed: { type: 'string' },
  persons: { type: 'string' },
  days: { type: 'string' },
  set: { type: 'string', multiple: true },
  arms: { type: 'string' },
  out: { type: 'string' },
  workers: { type: 'string' },
  threads: { type: 'string' },
  agents: { type: 'boolean' },
  'agent-days': { type: 'string' },
  ties: { type: 'boolean' },
  flows: { type: 'boolean' },
  subgroups: { type: 'string' },
  quiet: { type: 'boolean' },
};

export interface RunPlan {
  file: string;
  scenario: Scenario;
  arms: string[];
  params: Map<string, Params>;
  /** Whose day-0 subgroups the runs record (--subgroups). */
  subgroups: SubgroupBasis;
  /** Per arm, the settings whose subgroups its runs record, where not its own. */
  subgroupsFrom: Map<string, Params>;
  replicates: number;
  seed: number;
  workers: number;
  threads: number;
  out: string;
  agents: boolean;
  ties: boolean;
  flows: boolean;
  agentDays: number[];
  quiet: boolean;
}

/**
 * The arms --arms names, in the scenario's order. An arm's name may hold a comma (names are
 * free text): pieces between commas are joined again where together they name an arm, the
 * longest such name first; spaces around a name are let pass, as in "a, b".
 */
function selectArms(scenario: Scenario, text: unknown): string[] {
  const all = armNames(scenario);
  if (text === undefined) return all;
  const pieces = String(text).split(',');
  if (pieces.every((p) => p.trim() === '')) throw new UsageError('kith run: --arms: expected one or more arm names, as a,b,…');
  const armAt = (i: number, end: number) => {
    const joined = pieces.slice(i, end).join(',');
    return all.find((a) => a === joined || a === joined.trim());
  };
  const requested: string[] = [];
  for (let i = 0; i < pieces.length; ) {
    if (pieces[i].trim() === '') {
      i++;
      continue;
    }
    let end = pieces.length;
    while (end > i && armAt(i, end) === undefined) end--;
    if (end === i) throw new UsageError(`kith run: --arms: unknown arm ${JSON.stringify(pieces[i].trim())}; the arms are ${all.map((a) => JSON.stringify(a)).join(', ')}`);
    requested.push(armAt(i, end) as string);
    i = end;
  }
  return all.filter((a) => requested.includes(a));
}

function defaultAgentDays(params: Params): number[] {
  const last = params.days - 1;
  const crisis = crisisWindow(params);
  const days = crisis ? [crisis.start - 1, crisis.end, last] : [0, last];
  return [...new Set(days.map((d) => Math.min(last, Math.max(0, d))))].sort((a, b) => a - b);
}

/**
 * The days of --agent-days, ascending and each once — the order agents.csv and ties.csv write
 * them in, so ties.csv's channel columns are named in that order too — or the defaults.
 */
function agentDaysFlag(value: unknown, params: Params): number[] {
  const days = listFlag(value)?.map((d) => integerFlag('run', 'agent-days', d, 0, 0, params.days - 1));
  if (days === undefined) return defaultAgentDays(params);
  if (days.length === 0) throw new UsageError('kith run: --agent-days: expected one or more days, as d,d,…');
  return [...new Set(days)].sort((a, b) => a - b);
}

/** Everything a run needs, checked before anything runs or is written. */
export function planRun(argv: string[]): RunPlan | 'help' {
  const { values, positionals } = parse('run', argv, OPTIONS);
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new UsageError(`kith run: expected one scenario file, got ${positionals.length} (see kith run --help)`);
  const file = positionals[0];
  const { scenario } = readScenario(file);
  const overrides = commandLineSettings('run', values);
  const arms = selectArms(scenario, values.arms);
  const paramsOf = (arm: string) => {
    try {
      return armParams(scenario, arm, overrides);
    } catch (e) {
      if (e instanceof ParamError) throw new UsageError(`${file}: arm ${JSON.stringify(arm)} with the command-line settings: ${e.message}`);
      throw e;
    }
  };
  const params = new Map(arms.map((arm) => [arm, paramsOf(arm)]));
  const subgroups = subgroupBasis('run', values.subgroups);
  const from = new Map<string, Params>();
  if (subgroups === 'reference') {
    const reference = scenario.reference;
    const referenceParams = params.get(reference) ?? paramsOf(reference);
    for (const arm of arms) {
      const other = subgroupsFrom(arm, reference, params.get(arm) as Params, referenceParams, file);
      if (other) from.set(arm, other);
    }
  }
  const first = params.get(arms[0]) as Params;
  if (values['agent-days'] !== undefined && !values.agents && !values.ties) {
    throw new UsageError('kith run: --agent-days goes with --agents or --ties, which write the persons and ties on those days');
  }
  const agentDays = agentDaysFlag(values['agent-days'], first);
  const out = (values.out as string | undefined) ?? defaultOut(scenario.name);
  checkOutputDir(out);
  if (existsSync(stateDir(out))) throw new UsageError(`kith run: --out ${out} holds a sweep; choose another folder`);
  // Each run's outcomes are held until the files are written.
  const replicates = integerFlag('run', 'replicates', values.replicates, 10, 1, 100_000);
  return {
    file,
    scenario,
    arms,
    params,
    subgroups,
    subgroupsFrom: from,
    replicates,
    // Replicate r runs on seed S + r: the last one too must be an exact integer.
    seed: integerFlag('run', 'seed', values.seed, 1, 0, Number.MAX_SAFE_INTEGER - (replicates - 1)),
    workers: integerFlag('run', 'workers', values.workers, availableParallelism(), 1, 256),
    threads: integerFlag('run', 'threads', values.threads, 1, 1, MAX_SLOTS),
    out,
    agents: values.agents === true,
    ties: values.ties === true,
    flows: values.flows === true,
    agentDays,
    quiet: values.quiet === true,
  };
}

function jobsOf(plan: RunPlan): (Job & { arm: string; replicate: number })[] {
  const options = { days: plan.agentDays, agents: plan.agents, ties: plan.ties };
  return plan.arms.flatMap((arm) =>
    Array.from({ length: plan.replicates }, (_, replicate) => ({
      arm,
      replicate,
      seed: plan.seed + replicate,
      params: plan.params.get(arm) as Params,
      subgroupsFrom: plan.subgroupsFrom.get(arm),
      options,
      threads: plan.threads,
      timeseries: { scenario: plan.scenario.name, arm, replicate },
    })),
  ).map((job, id) => ({ ...job, id, label: `arm ${JSON.stringify(job.arm)}, replicate ${job.replicate}, seed ${job.seed}` }));
}

type RunJob = ReturnType<typeof jobsOf>[number];

/**
 * The runs handed out: where other arms' runs take the reference arm's day-0 subgroup masks
 * (--subgroups reference, cli/reference-masks.ts), the reference arm's first, so that the masks
 * of their seeds are in when they start; the files are written in the jobs' order whatever order
 * they run in.
 */
function runQueue(plan: RunPlan, jobs: readonly RunJob[]): JobQueue & { finished(job: RunJob, result: JobResult): void } {
  const reference = plan.scenario.reference;
  const handsOn = handsMasksOn(plan.subgroups, reference, plan.arms);
  const roleOf = (job: RunJob): MaskRole => (handsOn ? maskRole(String(job.seed), job.arm, reference, job.params, job.subgroupsFrom) : null);
  const takers = jobs.filter((job) => job.replicate === 0 && takesMasks(roleOf(job))).length;
  const order = takers === 0 ? jobs : [...jobs].sort((a, b) => Number(b.arm === reference) - Number(a.arm === reference));
  const masks = new ReferenceMasks();
  let next = 0;
  return {
    next: () => {
      const job = order[next++];
      return job && masks.prepare(job, roleOf(job), () => takers);
    },
    finished: (job, result) => masks.finished(roleOf(job), result),
  };
}

/** Runs the plan and writes its files; resolves with the output folder. */
export async function executeRun(plan: RunPlan, commandLine: string[]): Promise<string> {
  const started = new Date();
  const jobs = jobsOf(plan);
  const records: RunRecord[] = new Array(jobs.length);
  const bar = progress('runs', jobs.length, plan.quiet);
  const output = new OutputDir(plan.out);
  let pool: PoolHandle | undefined;
  const interrupt = () => {
    bar.stop();
    output.abort();
    void pool?.stop();
    process.stderr.write('kith: interrupted; no output was written\n');
    process.exit(130);
  };
  // Before the folder is made: a Ctrl-C from then on finds the handler that removes it.
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  // Each run's rows, formatted by its worker, go to the file in run order as soon as they can.
  const timeseries = output.startCsv('timeseries.csv', TIMESERIES_COLUMNS);
  const inOrder = new InOrder<CsvPart>((part) => timeseries.write(part));
  try {
    const queue = runQueue(plan, jobs);
    await runPool(
      queue,
      plan.workers,
      (job, result) => {
        const j = jobs[job.id];
        queue.finished(j, result);
        records[job.id] = { arm: j.arm, replicate: j.replicate, seed: j.seed, outcomes: result.outcomes, agents: result.agents, ties: result.ties };
        inOrder.put(job.id, result.timeseries as CsvPart);
        bar.tick();
      },
      (handle) => (pool = handle),
    );
    bar.stop();
    const name = plan.scenario.name;
    const tables: TableFile[] = [
      { title: 'Daily outcomes per arm, replicate, day and subgroup', columns: TIMESERIES_COLUMNS, file: timeseries.close() },
      { title: 'Resilience metrics per arm, replicate and subgroup', columns: RUNS_COLUMNS, file: output.writeCsv('runs.csv', RUNS_COLUMNS, runsRows(name, records)) },
      { title: 'Metrics summarised over replicates per arm and subgroup', columns: SUMMARY_COLUMNS, file: output.writeCsv('summary.csv', SUMMARY_COLUMNS, summaryRows(name, records)) },
      {
        title: `Paired effects of each arm against ${plan.scenario.reference}`,
        columns: EFFECTS_COLUMNS,
        file: output.writeCsv('effects.csv', EFFECTS_COLUMNS, effectsRows(name, plan.scenario.reference, records)),
      },
    ];
    if (plan.agents) tables.push({ title: 'Each person on the chosen days', columns: AGENTS_COLUMNS, file: output.writeCsv('agents.csv', AGENTS_COLUMNS, agentsRows(name, records)) });
    if (plan.ties) {
      const columns = tiesColumns(plan.agentDays);
      tables.push({ title: 'Every tie and its channel on the chosen days', columns, file: output.writeCsv('ties.csv', columns, tiesRows(name, records)) });
    }
    if (plan.flows) tables.push({ title: 'Support received per day, source layer and function', columns: FLOWS_COLUMNS, file: output.writeCsv('flows.csv', FLOWS_COLUMNS, flowsRows(name, records)) });

    const datapackage = `${JSON.stringify(dataPackage(name, tables), null, 2)}\n`;
    const resolved = { name, reference: plan.scenario.reference, arms: Object.fromEntries(plan.params) };
    const resolvedText = JSON.stringify(resolved);
    const datapackageFile = output.writeText('datapackage.json', datapackage);
    const manifest = {
      kith: kithVersion(),
      ...gitProvenance(),
      node: process.version,
      command: ['kith', ...commandLine],
      scenarioFile: plan.file,
      scenario: resolved,
      scenarioSha256: sha256(resolvedText),
      seeds: jobs.map((j) => ({ arm: j.arm, replicate: j.replicate, seed: j.seed })),
      workers: plan.workers,
      threads: plan.threads,
      subgroups: plan.subgroups,
      started: started.toISOString(),
      finished: new Date().toISOString(),
      files: [...tables.map((t) => t.file), datapackageFile],
    };
    output.writeText('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
    output.commit();
    return plan.out;
  } catch (e) {
    bar.stop();
    output.abort();
    throw e;
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}
