/**
 * The network's legend, shared by both panels: the wellbeing colour scale with the distress
 * threshold, lonely persons, tie layers and channels, groups and services.
 */
import { range, select } from 'd3';
import { GROUP_COLOURS, LAYER_COLOURS, theme, wellbeingColour, WELLBEING_DOMAIN } from '../palette.ts';
import { explain } from '../teaching/concepts.ts';
import type { G } from '../charts/figure.ts';

export function drawLegend(parent: HTMLElement, distressThreshold: number): void {
  parent.replaceChildren();
  // Lengths in units of the font size, so presenter mode scales the whole legend.
  const u = theme.fontSize / 11;
  // The legend is in parts, each an SVG of its own, so it wraps between them where the stage is
  // narrower than the whole (presenter mode beside the person panel): the ramp with the first column
  // of markers, then each further column. x is in the coordinates of the one SVG the legend was: a
  // part begins at a whole pixel 4 to 5 px before what it draws and ends where the next begins, so
  // on one line everything stands where it stood in that SVG, to the fraction of a pixel.
  const part = (className: string) =>
    select(parent).append('svg').attr('class', `legend-svg ${className}`).attr('height', 44 * u).attr('font-family', theme.font).attr('font-size', theme.fontSize).attr('fill', theme.text);
  let svg = part('legend-ramp');
  let start = 0;
  let x = 4;
  // Wellbeing ramp: the distress threshold above it, its ends and name below.
  const rampWidth = Math.round(10 * theme.fontSize);
  const ramp = svg.append('g').attr('transform', `translate(${x},0)`);
  const [lo, hi] = WELLBEING_DOMAIN;
  const steps = range(0, 1.0001, 1 / 40);
  ramp
    .selectAll('rect.step')
    .data(steps)
    .join('rect')
    .attr('class', 'step')
    .attr('x', (s) => s * rampWidth)
    .attr('y', 16 * u)
    .attr('width', rampWidth / 40 + 0.5)
    .attr('height', 9 * u)
    .attr('fill', (s) => wellbeingColour(lo + s * (hi - lo)));
  const at = (wb: number) => ((wb - lo) / (hi - lo)) * rampWidth;
  ramp.append('line').attr('x1', at(distressThreshold)).attr('x2', at(distressThreshold)).attr('y1', 13 * u).attr('y2', 28 * u).attr('stroke', theme.text).attr('stroke-width', 1.5);
  const threshold = ramp.append('text').attr('y', 10 * u).attr('text-anchor', 'middle').attr('fill', theme.text).text(`distressed < ${distressThreshold}`);
  const half = (threshold.node()?.getComputedTextLength() ?? 0) / 2;
  const thresholdAt = Math.max(half, Math.min(rampWidth - half, at(distressThreshold)));
  threshold.attr('x', thresholdAt);
  ramp.append('text').attr('x', 0).attr('y', 38 * u).attr('fill', theme.muted).text(`≤${lo}`);
  ramp.append('text').attr('x', rampWidth / 2).attr('y', 38 * u).attr('text-anchor', 'middle').attr('fill', theme.text).text('wellbeing');
  ramp.append('text').attr('x', rampWidth).attr('y', 38 * u).attr('text-anchor', 'end').attr('fill', theme.muted).text(String(hi));
  // The first column begins 16 px after the ramp, or after the threshold's label where that ends
  // later (a threshold of more decimals): 'distressed below 0.664', wider than the ramp, ran over
  // the lonely marker's place. The '<' keeps the label within the ramp, so the legend no wider.
  x += Math.max(rampWidth, thresholdAt + half) + 16;

  type Draw = (g: G) => void;
  const line = (colour: string, dash?: string, width = 3): Draw => (g) => {
    g.append('line').attr('x1', 0).attr('x2', 11 * u).attr('stroke', colour).attr('stroke-width', width).attr('stroke-dasharray', dash ?? null);
  };
  // Columns of up to two items: [symbol, label].
  const columns: [Draw, string][][] = [
    [
      [(g) => void g.append('circle').attr('cx', 5).attr('r', 4.5).attr('fill', wellbeingColour(0.85)).attr('stroke', '#111').attr('stroke-width', 1), 'lonely'],
      [(g) => void g.append('rect').attr('x', 0).attr('y', -5).attr('width', 10).attr('height', 10).attr('fill', LAYER_COLOURS.formal), 'formal service'],
    ],
    [
      [(g) => void g.append('path').attr('d', 'M5,-5 L10,3 L0,3 Z').attr('fill', GROUP_COLOURS.faceToFace), 'face-to-face group'],
      [(g) => void g.append('path').attr('d', 'M5,-5 L10,0 L5,5 L0,0 Z').attr('fill', GROUP_COLOURS.online), 'online group'],
    ],
    [
      [line(LAYER_COLOURS.household), 'household'],
      [line(LAYER_COLOURS.kin), 'kin'],
    ],
    [
      [line(LAYER_COLOURS.friend), 'friend'],
      [line(LAYER_COLOURS.neighbour), 'neighbour'],
    ],
    [
      [line(LAYER_COLOURS.coworker), 'coworker'],
      [line('#9a9aa0', '1,2', 1.5), 'closed by lockdown'],
    ],
    [
      [line(theme.text, undefined, 1.5), 'face-to-face'],
      [line(theme.text, '3,2', 1.5), 'remote'],
    ],
  ];
  columns.forEach((column, k) => {
    if (k > 0) {
      const next = Math.floor(x) - 4;
      svg.attr('width', next - start);
      svg = part('legend-column');
      start = next;
    }
    let widest = 0;
    column.forEach(([draw, label], row) => {
      const g = svg.append('g').attr('transform', `translate(${x - start},${(row ? 33 : 14) * u})`) as unknown as G;
      draw(g);
      const text = g.append('text').attr('x', 14 * u).attr('dy', '0.35em').text(label);
      widest = Math.max(widest, text.node()?.getComputedTextLength() || label.length * theme.fontSize * 0.56);
    });
    x += 26 + widest;
  });
  svg.attr('width', x - start);
  const help = document.createElement('span');
  help.className = 'legend-help';
  help.append(explain('layers'), explain('shg'), explain('lockdown'));
  parent.append(help);
}
