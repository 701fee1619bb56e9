/**
 * A sweep's final files, assembled from its journal (or its shards' journals) in a fixed order —
 * points ascending, then arms in scenario order, then replicates ascending — whatever order the
 * runs finished in, on however many workers or machines. Records are read back one point at a
 * time, so memory holds one point's runs, never the sweep's. Every file appears at once, at the
 * end (OutputDir), so an interrupted assembly leaves nothing half-written.
 */
import {
  atPoint,
  EFFECTS_COLUMNS,
  effectsRows,
  mean,
  pointsColumns,
  pointsRows,
  RUN_METRICS,
  RUNS_COLUMNS,
  runsRows,
  SENSITIVITY_COLUMNS,
  sensitivityRows,
  SUMMARY_COLUMNS,
  summaryRows,
  TIMESERIES_COLUMNS,
  withPoint,
  type MetricsRecord,
  type PointRow,
  type RunMetrics,
} from '../../sim/index.ts';
import { dataPackage, gitProvenance, kithVersion, type TableFile } from '../describe-output.ts';
import type { OutputDir } from '../output.ts';
import { keyOf, type Journal, type RecordAt, type RunEntry } from './journal.ts';
import { reproduceCommand, seedsAt, type Shard, type SweepLayout } from './layout.ts';
import type { Schedule } from './schedule.ts';

/** The runs of one shard (or of a whole sweep): its journal, replayed through its schedule. */
export interface Source {
  readonly journal: Journal;
  readonly schedule: Schedule;
  readonly shard: Shard | null;
}

export interface ManifestInfo {
  readonly command: readonly string[];
  readonly started: Date;
  readonly workers?: number;
  readonly threads?: number;
}

/** The runs at one point, in arm then replicate order. */
function runsAt(layout: SweepLayout, source: Source, point: number): { entry: RunEntry; at: RecordAt }[] {
  const n = source.schedule.replicatesAt(point);
  const runs: { entry: RunEntry; at: RecordAt }[] = [];
  for (let arm = 0; arm < layout.arms.length; arm++) {
    for (let replicate = 0; replicate < n; replicate++) {
      const at = source.journal.index.get(keyOf(point, arm, replicate));
      if (!at) throw new Error(`the journal ${source.journal.path} has no record of point ${point}, arm ${layout.arms[arm]}, replicate ${replicate}`);
      runs.push({ entry: source.journal.decodeMeta(at), at });
    }
  }
  return runs;
}

function metricsRecord(layout: SweepLayout, entry: RunEntry): MetricsRecord {
  const metrics = entry.metrics.map((row) => Object.fromEntries(RUN_METRICS.map((m, k) => [m.name, row[k]])) as RunMetrics);
  return { arm: layout.arms[entry.arm], replicate: entry.replicate, seed: entry.seed, outcomes: { subgroups: entry.subgroups as MetricsRecord['outcomes']['subgroups'], subgroupSizes: entry.sizes, subgroupKeys: entry.keys ?? [], metrics } };
}

/** Writes the sweep's files into `output`'s folder; none appears until every one is complete. */
export function assemble(output: OutputDir, layout: SweepLayout, sources: readonly Source[], info: ManifestInfo): void {
  const sourceOf = (point: number) => sources.find((s) => s.schedule.has(point)) as Source;
  const points = layout.points.map((_, p) => p);
  const recordsAt = (p: number) => runsAt(layout, sourceOf(p), p).map(({ entry }) => metricsRecord(layout, entry));
  const perPoint = (rows: (records: MetricsRecord[]) => Iterable<readonly (string | number | null)[]>) =>
    (function* () {
      for (const p of points) yield* atPoint(p, rows(recordsAt(p)));
    })();
  const name = layout.scenario;
  try {
    const tables: TableFile[] = [];
    const table = (file: string, title: string, columns: TableFile['columns'], rows: Iterable<readonly (string | number | null)[]>) =>
      tables.push({ title, columns, file: output.writeCsv(file, columns, rows) });
    table('runs.csv', 'Resilience metrics per point, arm, replicate and subgroup', withPoint(RUNS_COLUMNS), perPoint((r) => runsRows(name, r)));
    table('summary.csv', 'Metrics summarised over replicates per point, arm and subgroup', withPoint(SUMMARY_COLUMNS), perPoint((r) => summaryRows(name, r)));
    table('effects.csv', `Paired effects of each arm against ${layout.reference} at each point`, withPoint(EFFECTS_COLUMNS), perPoint((r) => effectsRows(name, layout.reference, r)));
    if (layout.timeseries) {
      const columns = withPoint(TIMESERIES_COLUMNS);
      const parts = (function* () {
        for (const p of points) {
          const source = sourceOf(p);
          for (const { entry, at } of runsAt(layout, source, p)) {
            let first = true;
            for (const text of source.journal.data(at)) {
              yield { text, rows: first ? (entry.dataRows ?? 0) : 0 };
              first = false;
            }
          }
        }
      })();
      tables.push({ title: 'Daily outcomes per point, arm, replicate, day and subgroup', columns, file: output.writeCsvParts('timeseries.csv', columns, parts) });
    }
    const pointRows = points.map((p): PointRow => {
      const schedule = sourceOf(p).schedule;
      const seeds = seedsAt(layout, p, schedule.replicatesAt(p));
      return { values: layout.points[p], replicates: seeds.length, halfWidth: schedule.halfWidthAt(p), seeds, command: reproduceCommand(layout, p, seeds[0]) };
    });
    table('points.csv', 'The design points: parameter values, replicates and seeds', pointsColumns(layout.parameters, layout.sequential), pointsRows(pointRows, layout.sequential));
    if (layout.design.type === 'morris' && layout.unit) table('sensitivity.csv', 'Morris elementary effects per arm, subgroup, metric and parameter', SENSITIVITY_COLUMNS, morrisRows(layout, points, recordsAt));
    const datapackageFile = output.writeText('datapackage.json', `${JSON.stringify(dataPackage(layout.name, tables), null, 2)}\n`);
    const { points: _points, unit: _unit, ...described } = layout;
    const manifest = {
      kith: kithVersion(),
      ...gitProvenance(),
      node: process.version,
      command: ['kith', ...info.command],
      sweep: described,
      shards: sources.map((s) => s.shard).filter((s) => s !== null),
      runs: sources.reduce((n, s) => n + s.schedule.finished, 0),
      ...(info.workers ? { workers: info.workers } : {}),
      ...(info.threads ? { threads: info.threads } : {}),
      started: info.started.toISOString(),
      finished: new Date().toISOString(),
      files: [...tables.map((t) => t.file), datapackageFile],
    };
    output.writeText('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
    output.commit();
  } catch (e) {
    output.abort();
    throw e;
  }
}

/** sensitivity.csv: each metric's mean over replicates at every point, screened by Morris. */
function morrisRows(layout: SweepLayout, points: readonly number[], recordsAt: (p: number) => MetricsRecord[]) {
  const M = RUN_METRICS.length;
  let subgroups: readonly string[] = [];
  // means[(arm · S + subgroup) · M + metric][point]
  let means: (number | null)[][] = [];
  for (const p of points) {
    const records = recordsAt(p);
    if (subgroups.length === 0) {
      subgroups = records[0].outcomes.subgroups;
      means = Array.from({ length: layout.arms.length * subgroups.length * M }, () => new Array<number | null>(points.length).fill(null));
    }
    layout.arms.forEach((arm, a) => {
      const own = records.filter((r) => r.arm === arm);
      subgroups.forEach((_, s) => {
        RUN_METRICS.forEach(({ name }, m) => {
          const values = own.map((r) => r.outcomes.metrics[s][name]).filter((v): v is number => v !== null);
          means[(a * subgroups.length + s) * M + m][p] = values.length ? mean(values) : null;
        });
      });
    });
  }
  const parameters = layout.parameters.map((f) => f.path);
  return sensitivityRows({ scenario: layout.scenario, arms: layout.arms, subgroups, parameters, unit: layout.unit ?? [] }, (a, s, m) => means[(a * subgroups.length + s) * M + m]);
}
