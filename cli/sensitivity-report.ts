/**
 * `npm run sensitivity -- <sweep output DIR> <sweep.json> [chart.svg]`: from a Morris screening of the free
 * parameters (kith sweep), the ranking by μ* for depth, loss and recoveryDays, and for the paired
 * effect of online self-help groups on depth, as Markdown tables (stdout) and a chart
 * (docs/sensitivity.svg): what docs/sensitivity.md reports.
 */
import { parse } from 'csv-parse/sync';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scaleBand, scaleLinear } from 'd3';
import { morrisEffects, type MorrisEffect } from '../sim/sweep/morris.ts';
import { parseJson } from '../scenarios/load.ts';
import { UsageError } from './errors.ts';
import { readInputText } from './scenario-file.ts';
import { runScript } from './script.ts';

type Row = Record<string, string>;
const read = (dir: string, file: string) => parse(readInputText(join(dir, file), 'a CSV file'), { columns: true }) as Row[];

interface Panel {
  title: string;
  parameters: string[];
  effects: MorrisEffect[];
}

/** μ* and σ per parameter for one arm's metric, from sensitivity.csv. */
function armPanel(sensitivity: Row[], arm: string, metric: string, title: string, parameters: string[]): Panel {
  const rows = sensitivity.filter((r) => r.arm === arm && r.subgroup === 'everyone' && r.metric === metric);
  const effects = parameters.map((p) => {
    const r = rows.find((x) => x.parameter === p) as Row;
    return { n: Number(r.trajectories), mu: Number(r.mu), muStar: Number(r.mu_star), sigma: r.sigma === '' ? NaN : Number(r.sigma) };
  });
  return { title, parameters, effects };
}

/** Morris effects on the paired effect of `arm` against the reference, from points and effects. */
function effectPanel(dir: string, sweep: { parameters: { path: string; min: number; max: number }[] }, metric: string, title: string): Panel {
  const points = read(dir, 'points.csv');
  const effects = read(dir, 'effects.csv').filter((r) => r.subgroup === 'everyone' && r.metric === metric);
  const unit = points.map((p) => sweep.parameters.map((q) => (Number(p[q.path]) - q.min) / (q.max - q.min)));
  const y = points.map((p) => {
    const e = effects.find((r) => r.point === p.point);
    return e && e.mean_difference !== '' ? Number(e.mean_difference) : null;
  });
  return { title, parameters: sweep.parameters.map((q) => q.path), effects: morrisEffects(unit, sweep.parameters.length, y) };
}

function markdown(panel: Panel): string {
  const order = panel.parameters.map((_, j) => j).sort((a, b) => panel.effects[b].muStar - panel.effects[a].muStar);
  const fmt = (x: number) => (Number.isFinite(x) ? x.toPrecision(3) : '—');
  const lines = [`**${panel.title}**`, '', '| rank | parameter | μ* | μ | σ |', '|---|---|---|---|---|'];
  order.forEach((j, r) => lines.push(`| ${r + 1} | \`${panel.parameters[j]}\` | ${fmt(panel.effects[j].muStar)} | ${fmt(panel.effects[j].mu)} | ${fmt(panel.effects[j].sigma)} |`));
  return lines.join('\n');
}

/** Small multiples of horizontal bars: μ* as a share of each panel's largest. */
function chart(panels: Panel[]): string {
  const width = 300;
  const height = 430;
  const left = 150;
  const parameters = panels[0].parameters;
  const y = scaleBand<string>().domain(parameters).range([40, height - 10]).padding(0.2);
  const parts: string[] = [];
  panels.forEach((panel, k) => {
    const x0 = k * (width + 20);
    const top = Math.max(...panel.effects.map((e) => (Number.isFinite(e.muStar) ? e.muStar : 0)));
    const x = scaleLinear().domain([0, top]).range([0, width - left - 10]);
    parts.push(`<g transform="translate(${x0},0)">`);
    parts.push(`<text x="${left}" y="20" font-weight="bold">${panel.title}</text>`);
    parameters.forEach((p, j) => {
      const e = panel.effects[j];
      const yy = y(p) ?? 0;
      parts.push(`<text x="${left - 6}" y="${yy + y.bandwidth() * 0.8}" text-anchor="end">${p}</text>`);
      parts.push(`<rect x="${left}" y="${yy}" width="${Number.isFinite(e.muStar) ? x(e.muStar).toFixed(1) : 0}" height="${y.bandwidth().toFixed(1)}" fill="#0072B2"/>`);
    });
    parts.push('</g>');
  });
  const total = panels.length * (width + 20);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${total}" height="${height}" viewBox="0 0 ${total} ${height}" font-family="sans-serif" font-size="10">\n<rect width="100%" height="100%" fill="white"/>\n${parts.join('\n')}\n</svg>\n`;
}

const COMMAND = 'npm run sensitivity';

const HELP = `Usage: ${COMMAND} -- DIR SWEEP [CHART]

From a Morris screening of the free parameters (kith sweep SWEEP --out DIR, with a sweep file like
scenarios/sweeps/morris-free-parameters.json), prints the ranking by μ* for depth, loss and
recoveryDays in online-shg, and for the paired effect of online self-help groups on depth, as
Markdown tables, and draws them in CHART (default docs/sensitivity.svg): what docs/sensitivity.md
reports.

  -h, --help     this help

Exit status: 0 on success, 2 on bad input.`;

if (import.meta.url === `file://${process.argv[1]}`) {
  runScript(COMMAND, HELP, {}, ({ positionals }) => {
    if (positionals.length < 2 || positionals.length > 3) {
      throw new UsageError(`${COMMAND}: expected the sweep's output folder and its sweep file, then optionally the chart's file (see ${COMMAND} -- --help)`);
    }
    const [dir, sweepFile, svg = 'docs/sensitivity.svg'] = positionals;
    const sweep = parseJson(readInputText(sweepFile, 'a sweep file'), sweepFile) as { parameters: { path: string; min: number; max: number }[] };
    const parameters = sweep.parameters.map((q) => q.path);
    const sensitivity = read(dir, 'sensitivity.csv');
    const panels = [
      armPanel(sensitivity, 'online-shg', 'depth', 'depth (online-shg)', parameters),
      armPanel(sensitivity, 'online-shg', 'loss', 'loss (online-shg)', parameters),
      armPanel(sensitivity, 'online-shg', 'recoveryDays', 'recoveryDays (online-shg)', parameters),
      effectPanel(dir, sweep, 'depth', 'effect of online SHGs on depth'),
    ];
    writeFileSync(svg, chart(panels));
    console.log(panels.map(markdown).join('\n\n'));
  });
}
