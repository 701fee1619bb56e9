/**
 * `kith merge DIR…`: the shards of a sweep, each run with --shard i/N into its own folder, combined
 * into exactly the files one unsharded `kith sweep` writes — the same assembly from the same
 * journals, so the CSVs are the same bytes.
 */
import { parse } from '../args.ts';
import { EXIT, UsageError } from '../errors.ts';
import { checkOutputDir, defaultOut, OutputDir } from '../output.ts';
import { assemble, type Source } from '../sweep/assemble.ts';
import { replay } from '../sweep/execute.ts';
import { howItDiffers } from '../sweep/plan.ts';
import { readPlanFile, type PlanFile } from '../sweep/state.ts';

export const MERGE_HELP = `Usage: kith merge <DIR>… [--out OUT]

Combines the folders of a sweep's shards (kith sweep --shard i/N --out DIR) into the files an
unsharded kith sweep writes: runs.csv, summary.csv, effects.csv, points.csv, sensitivity.csv
(Morris designs), timeseries.csv (--timeseries), datapackage.json and manifest.json.
Every shard 1 … N must be given once, and finished.

Options:
  --out OUT    output folder        (default: out/<sweep name>)
  --quiet      no message on stderr
  -h, --help   this help

Exit status: 0 on success, 2 on bad input (a shard missing, unfinished or of another sweep).`;

/** The shards' plans, checked to make one whole sweep, in shard order. */
function checkShards(dirs: readonly string[]): { dir: string; plan: PlanFile }[] {
  const plans = dirs.map((dir) => {
    const plan = readPlanFile(dir);
    if (!plan) throw new UsageError(`kith merge: ${dir}: not a sweep folder (no .sweep/plan.json)`);
    return { dir, plan };
  });
  const [first] = plans;
  for (const { dir, plan } of plans) {
    if (plan.layout.fingerprint !== first.plan.layout.fingerprint) {
      const how = howItDiffers(first.plan.layout, plan.layout, [`${first.dir}'s`, `${dir}'s`]);
      throw new UsageError(`kith merge: ${dir} holds a shard of another sweep than ${first.dir} — ${how}`);
    }
  }
  const count = first.plan.shard?.count ?? 1;
  const byIndex = new Map<number, string>();
  for (const { dir, plan } of plans) {
    const index = plan.shard?.index ?? 1;
    if ((plan.shard?.count ?? 1) !== count) throw new UsageError(`kith merge: ${dir} is one of ${plan.shard?.count ?? 1} shards, ${first.dir} one of ${count}`);
    if (byIndex.has(index)) throw new UsageError(`kith merge: shard ${index}/${count} is given twice: ${byIndex.get(index)} and ${dir}`);
    byIndex.set(index, dir);
  }
  for (let i = 1; i <= count; i++) if (!byIndex.has(i)) throw new UsageError(`kith merge: shard ${i}/${count} is missing`);
  return plans.sort((a, b) => (a.plan.shard?.index ?? 1) - (b.plan.shard?.index ?? 1));
}

export function merge(argv: string[], commandLine: string[]): number {
  const { values, positionals } = parse('merge', argv, { out: { type: 'string' }, quiet: { type: 'boolean' } });
  if (values.help) return console.log(MERGE_HELP), EXIT.ok;
  if (positionals.length === 0) throw new UsageError('kith merge: expected the folders of a sweep’s shards (see kith merge --help)');
  const started = new Date();
  const shards = checkShards(positionals);
  const { layout } = shards[0].plan;
  // The folder kith sweep writes an unsharded sweep into: merging gives its files.
  const out = (values.out as string | undefined) ?? defaultOut(layout.name);
  checkOutputDir(out);
  const sources: Source[] = [];
  const output = new OutputDir(out);
  try {
    for (const { dir, plan } of shards) {
      const source = replay(dir, layout, plan.shard, false);
      sources.push(source);
      const { schedule } = source;
      if (!schedule.complete) {
        const which = plan.shard ? `shard ${plan.shard.index}/${plan.shard.count}` : 'the sweep';
        throw new UsageError(`kith merge: ${dir}: ${which} is not finished (${schedule.finished} of ${schedule.planned} runs); run it again with --resume`);
      }
    }
    assemble(output, layout, sources, { command: commandLine, started });
  } finally {
    for (const s of sources) s.journal.close();
  }
  if (values.quiet !== true) process.stderr.write(`kith: merged ${shards.length} shard${shards.length === 1 ? '' : 's'} into ${out}\n`);
  return EXIT.ok;
}
