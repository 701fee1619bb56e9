/**
 * A chart's frame: a <figure> with a title (and, behind it, the concept it shows), export buttons
 * (SVG, PNG, and the data drawn as CSV), and an SVG whose styling is all in attributes so an
 * exported file looks as it does on screen. An exported file carries the chart's title and the
 * subgroup it shows, and its name names the subgroup. Every text is set with d3's .text(), never
 * as HTML.
 */
import { select, type Selection } from 'd3';
import type { Cell, Column } from '../../sim/index.ts';
import { csvText } from '../export/csv.ts';
import { downloadPng, downloadSvg, downloadText, safeFileName } from '../export/download.ts';
import { theme } from '../palette.ts';
import { explain } from '../teaching/concepts.ts';
import { balancedLines, textWidth } from './measure.ts';

export type Svg = Selection<SVGSVGElement, unknown, null, undefined>;
export type G = Selection<SVGGElement, unknown, null, undefined>;

export interface FigureOptions {
  readonly title: string;
  /**
   * The title's beginning, all of it a narrow caption shows (the person's panel's charts side by
   * side, or where a whole title would wrap; style.css): the rest is hidden from the eye only, so the caption still reads the whole
   * title aloud, and its tooltip, the SVG's name and exported files carry it.
   */
  readonly shortTitle?: string;
  /** A key of teaching/concepts.ts explained behind the title. */
  readonly concept?: string;
  readonly height: number;
  /** Name of exported files (without extension). */
  readonly file: string;
  readonly className?: string;
}

/** The data a chart draws, as the rows of a table. */
export interface Table {
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** An exported chart's title: its left edge (and its margin at the right), and its weight. */
const TITLE_X = 4;
const TITLE_WEIGHT = 600;

/** Sizes an empty SVG `width` × `height`, in the theme's type, on a white background. */
function prepare(svg: Svg, width: number, height: number): void {
  svg
    .attr('width', width)
    .attr('height', height)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('font-family', theme.font)
    .attr('font-size', theme.fontSize)
    .attr('fill', theme.text);
  svg.append('rect').attr('class', 'background').attr('width', width).attr('height', height).attr('fill', '#ffffff');
}

/** The narrowest a chart is drawn: a narrower container's chart runs past its edge. */
export const MIN_WIDTH = 200;
const text = (name: string, description: string): Column => ({ name, type: 'string', description });

export class Figure {
  readonly element: HTMLElement;
  readonly svg: Svg;
  readonly caption: HTMLElement;
  readonly note: HTMLElement;
  readonly tools: HTMLElement;
  height: number;
  /**
   * The SVG's whole height, legend rows and presenter mode included, where the chart's container
   * sets it (the person's panel fits its charts to the room it has); null to follow `height`.
   */
  fixedHeight: number | null = null;
  private file: string;
  private title: string;
  private readonly titleElement: HTMLElement;
  /** The subgroup the chart shows; null for a chart of everyone's or of every subgroup's. */
  private subgroup: string | null = null;
  /** The data drawn, for the CSV button. */
  table: () => Table = () => ({ columns: [], rows: [] });
  /**
   * The chart as its SVG and PNG files draw it, where that is not the SVG on screen (a chart whose
   * legend is drawn apart, TimeChart.legendApart); null for the SVG on screen.
   */
  exportSource: (() => SVGSVGElement) | null = null;

  constructor(parent: HTMLElement, options: FigureOptions) {
    this.height = options.height;
    this.file = options.file;
    this.title = options.title;
    const figure = document.createElement('figure');
    figure.className = `chart ${options.className ?? ''}`;
    const head = document.createElement('figcaption');
    this.titleElement = document.createElement('span');
    this.titleElement.className = 'chart-title';
    this.titleElement.textContent = options.title;
    if (options.shortTitle && options.title.startsWith(options.shortTitle) && options.title !== options.shortTitle) {
      const rest = document.createElement('span');
      rest.className = 'title-rest';
      rest.textContent = options.title.slice(options.shortTitle.length);
      this.titleElement.replaceChildren(options.shortTitle, rest);
      this.titleElement.title = options.title;
    }
    head.append(this.titleElement);
    if (options.concept) head.append(explain(options.concept));
    this.tools = document.createElement('span');
    this.tools.className = 'chart-tools';
    for (const [label, action] of [
      ['SVG', () => downloadSvg(this.titled(), `${this.fileName}.svg`)],
      ['PNG', () => void downloadPng(this.titled(), `${this.fileName}.png`)],
      ['CSV', () => downloadText(this.csv(), `${this.fileName}.csv`, 'text/csv')],
    ] as const) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'tool';
      button.textContent = label;
      button.title = `Download this chart as ${label === 'CSV' ? 'the data it draws (CSV)' : label}`;
      button.addEventListener('click', action);
      this.tools.append(button);
    }
    head.append(this.tools);
    this.caption = head;
    const svg = select(figure).append('svg').attr('xmlns', 'http://www.w3.org/2000/svg').attr('role', 'img').attr('aria-label', options.title);
    this.svg = svg as unknown as Svg;
    this.note = document.createElement('p');
    this.note.className = 'chart-note';
    figure.prepend(head);
    figure.append(this.note);
    parent.append(figure);
    this.element = figure;
  }

  /** Renames exported files (the arm or scenario changed). */
  rename(file: string): void {
    this.file = file;
  }

  /**
   * Sets the title, and the subgroup the chart shows: on screen it follows the title unless it
   * is everyone; in exported files and their names, always.
   */
  describe(title: string, subgroup: string | null = null): void {
    this.title = title;
    this.subgroup = subgroup;
    this.titleElement.textContent = subgroup && subgroup !== 'everyone' ? `${title} — ${subgroup}` : title;
    this.titleElement.title = this.titleElement.textContent;
    this.svg.attr('aria-label', this.fullTitle);
  }

  /** The title with the subgroup, as exported files carry it. */
  get fullTitle(): string {
    return this.subgroup ? `${this.title} — ${this.subgroup}` : this.title;
  }

  private get fileName(): string {
    return safeFileName(this.subgroup ? `${this.file}-${this.subgroup}` : this.file);
  }

  /** The data drawn as CSV, each row led by the chart's title and subgroup. */
  csv(): string {
    const { columns, rows } = this.table();
    const subgroup = this.subgroup === null ? [] : [this.subgroup];
    const lead = [text('chart', 'the chart these rows are drawn in'), ...(this.subgroup === null ? [] : [text('subgroup', 'the subgroup the chart shows')])];
    return csvText([...lead, ...columns], rows.map((row) => [this.fullTitle, ...subgroup, ...row]));
  }

  /**
   * A copy of the chart with its title drawn above it, for SVG and PNG files. The title is to the
   * chart's type as the theme's title size is to its type (13 to 11, 19 to 16 in presenter mode),
   * also where the chart was drawn in a smaller type than the theme's (the person's panel in
   * presenter mode on a short screen: 14 px, where its title was 19 px). Where the title is wider
   * than the chart (the person's panel's charts side by side, some 236 px; the support charts in
   * presenter mode) it takes two lines or more, as even as they can be, the band above the chart
   * as much taller: the type stays in proportion and the chart as wide as on screen. Only a word
   * wider than the chart on its own makes the title smaller, as much as it must.
   */
  titled(): SVGSVGElement {
    const copy = (this.exportSource?.() ?? (this.svg.node() as SVGSVGElement)).cloneNode(true) as SVGSVGElement;
    const width = Number(copy.getAttribute('width'));
    const type = Number(copy.getAttribute('font-size')) || theme.fontSize;
    const room = width - 2 * TITLE_X;
    const full = (theme.titleSize / theme.fontSize) * type;
    const lines = balancedLines(this.fullTitle, room, full, TITLE_WEIGHT);
    const widest = Math.max(...lines.map((line) => textWidth(line, full, TITLE_WEIGHT)));
    const size = full * Math.min(1, room / widest);
    const leading = Math.round(size * 1.25);
    const band = Math.round(size * 1.9) + (lines.length - 1) * leading;
    const height = Number(copy.getAttribute('height')) + band;
    const body = document.createElementNS(SVG_NS, 'g');
    body.setAttribute('transform', `translate(0,${band})`);
    body.append(...copy.childNodes);
    const background = document.createElementNS(SVG_NS, 'rect');
    Object.entries({ width, height, fill: '#ffffff' }).forEach(([k, v]) => background.setAttribute(k, String(v)));
    const title = document.createElementNS(SVG_NS, 'title');
    title.textContent = this.fullTitle;
    const heading = document.createElementNS(SVG_NS, 'text');
    Object.entries({ x: TITLE_X, y: Math.round(size * 1.3), 'font-size': Math.round(size * 100) / 100, 'font-weight': TITLE_WEIGHT, fill: theme.text }).forEach(([k, v]) => heading.setAttribute(k, String(v)));
    if (lines.length === 1) heading.textContent = this.fullTitle;
    else {
      // One text, a line to each tspan: the title is read as one.
      heading.append(
        ...lines.map((line, k) => {
          const span = document.createElementNS(SVG_NS, 'tspan');
          Object.entries({ x: TITLE_X, dy: k === 0 ? 0 : leading }).forEach(([a, v]) => span.setAttribute(a, String(v)));
          span.textContent = line;
          return span;
        }),
      );
    }
    copy.replaceChildren(title, background, heading, body);
    copy.setAttribute('height', String(height));
    copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
    return copy;
  }

  /**
   * The lines the caption's title takes: more than one where the caption is too narrow for it
   * beside the ⓘ and the download buttons (its words wrap, the buttons do not).
   */
  get titleLines(): number {
    const range = document.createRange();
    range.selectNodeContents(this.titleElement);
    return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom))).size;
  }

  /** The width the chart is drawn at: its container's. */
  get width(): number {
    return Math.max(MIN_WIDTH, Math.floor(this.element.clientWidth || 360));
  }

  /**
   * Empties the SVG and sizes it to its container, `extra` pixels taller (rows of legend) unless
   * its height is fixed; returns the width.
   */
  clear(extra = 0): number {
    const width = this.width;
    const height = this.fixedHeight ?? this.height * (theme.presenter ? 1.2 : 1) + extra;
    this.svg.selectAll('*').remove();
    prepare(this.svg, width, height);
    return width;
  }

  /** A new SVG, not on screen, sized and styled as `clear` sizes the chart's: for an exported copy. */
  blank(width: number, height: number): Svg {
    const svg = select(document.createElementNS(SVG_NS, 'svg')) as unknown as Svg;
    prepare(svg, width, height);
    return svg;
  }

  get drawnHeight(): number {
    return Number(this.svg.attr('height'));
  }
}
