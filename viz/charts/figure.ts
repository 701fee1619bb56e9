/**
 * A chart's frame: a <figure> with a title (and, behind it, the concept it shows), export buttons
 * (SVG, PNG, and the data drawn as CSV), and an SVG whose styling is all in attributes so an
 * exported file looks as it does on screen. Every text is set with d3's .text(), never as HTML.
 */
import { select, type Selection } from 'd3';
import { downloadPng, downloadSvg, downloadText, safeFileName } from '../export/download.ts';
import { theme } from '../palette.ts';
import { explain } from '../teaching/concepts.ts';

export type Svg = Selection<SVGSVGElement, unknown, null, undefined>;
export type G = Selection<SVGGElement, unknown, null, undefined>;

export interface FigureOptions {
  readonly title: string;
  /** A key of teaching/concepts.ts explained behind the title. */
  readonly concept?: string;
  readonly height: number;
  /** Name of exported files (without extension). */
  readonly file: string;
  readonly className?: string;
}

export class Figure {
  readonly element: HTMLElement;
  readonly svg: Svg;
  readonly caption: HTMLElement;
  readonly note: HTMLElement;
  readonly tools: HTMLElement;
  height: number;
  private file: string;
  /** The data drawn, as CSV text, for the CSV button. */
  data: () => string = () => '';

  constructor(parent: HTMLElement, options: FigureOptions) {
    this.height = options.height;
    this.file = options.file;
    const figure = document.createElement('figure');
    figure.className = `chart ${options.className ?? ''}`;
    const head = document.createElement('figcaption');
    const title = document.createElement('span');
    title.className = 'chart-title';
    title.textContent = options.title;
    head.append(title);
    if (options.concept) head.append(explain(options.concept));
    this.tools = document.createElement('span');
    this.tools.className = 'chart-tools';
    for (const [label, action] of [
      ['SVG', () => downloadSvg(this.svg.node() as SVGSVGElement, `${safeFileName(this.file)}.svg`)],
      ['PNG', () => void downloadPng(this.svg.node() as SVGSVGElement, `${safeFileName(this.file)}.png`)],
      ['CSV', () => downloadText(this.data(), `${safeFileName(this.file)}.csv`, 'text/csv')],
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

  /** The width the chart is drawn at: its container's. */
  get width(): number {
    return Math.max(200, Math.floor(this.element.clientWidth || 360));
  }

  /** Empties the SVG and sizes it to its container, `extra` pixels taller (rows of legend); returns the width. */
  clear(extra = 0): number {
    const width = this.width;
    const height = this.height * (theme.presenter ? 1.2 : 1) + extra;
    this.svg.selectAll('*').remove();
    this.svg
      .attr('width', width)
      .attr('height', height)
      .attr('viewBox', `0 0 ${width} ${height}`)
      .attr('font-family', theme.font)
      .attr('font-size', theme.fontSize)
      .attr('fill', theme.text);
    this.svg.append('rect').attr('class', 'background').attr('width', width).attr('height', height).attr('fill', '#ffffff');
    return width;
  }

  get drawnHeight(): number {
    return Number(this.svg.attr('height'));
  }
}
