/**
 * The viewer in a browser, as a class would use it: it loads cleanly and draws both arms, plays,
 * scrubs back, answers every control, shows the crisis, reacts to a live lockdown, opens a
 * person's world, exports what `kith run` writes, treats the address as text, and plots a
 * results folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { ARM_COLOURS, LOCKDOWN_COLOUR } from '../../viz/palette.ts';
import { difference, VISIONS } from '../helpers/colour.ts';
import { day, launch, openPage, waitDay, waitReady, type Watched } from './browser.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const TABLES = ['timeseries.csv', 'runs.csv', 'summary.csv', 'effects.csv'];

let browser: Browser;
let opened: Watched[] = [];

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  for (const w of opened) {
    expect(w.errors, 'console errors').toEqual([]);
    expect(w.dialogs, 'dialogs').toEqual([]);
    await w.page.context().close();
  }
  opened = [];
});

async function open(query = '', viewport?: { width: number; height: number }, touch = false, base = inject('baseUrl')): Promise<Page> {
  const w = await openPage(browser, `${base}${query}`, viewport, touch);
  opened.push(w);
  return w.page;
}

/** The viewer at `query`, which follows a person, once their panel has drawn both charts (two arms × three functions). */
async function openFollowing(query: string, viewport?: { width: number; height: number }, touch = false): Promise<Page> {
  const page = await open(query, viewport, touch);
  await page.waitForSelector('.person-panel:not([hidden])');
  await panelDrawn(page);
  return page;
}

/** Closes the followed person's panel as a user would (Escape), once it has gone. */
async function closePanel(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.waitForSelector('.person-panel', { state: 'hidden' });
}

const panelDrawn = (page: Page) => page.waitForFunction(() => document.querySelectorAll('.person-panel path.series').length === 12);

/** After two frames: what a day or a resize asked for drawn (the networks redraw on the next frame). */
const nextFrames = (page: Page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

function kith(args: string[]): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'build/cli/kith.js'), ...args, '--quiet'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`kith ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
}

const temp = () => mkdtempSync(join(tmpdir(), 'kith-e2e-'));

/** Clicks `selectors` in turn and saves the `count` files the page downloads, by name (a PNG's bytes in base64). */
async function downloads(page: Page, selectors: readonly string[], count: number, encoding: BufferEncoding = 'utf8'): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const done = new Promise<void>((resolve) => {
    const onDownload = async (d: Download) => {
      files.set(d.suggestedFilename(), readFileSync((await d.path()) as string, encoding));
      if (files.size === count) {
        page.off('download', onDownload);
        resolve();
      }
    };
    page.on('download', onDownload);
  });
  for (const selector of selectors) await page.click(selector);
  await done;
  return files;
}

/** An exported chart's type (its root's font size) and its title's (the heading drawn above it). */
function typeSizes(svg: string): { text: number; title: number } {
  const root = /<svg\b[^>]*\sfont-size="([\d.]+)"/.exec(svg);
  const heading = /<text\b[^>]*\sfont-size="([\d.]+)"[^>]*\sfont-weight="600"[^>]*>/.exec(svg);
  return { text: Number(root?.[1]), title: Number(heading?.[1]) };
}

/**
 * Exported charts (SVG files) as the page draws them: each one's width and type, its title (the
 * <title>) and the lines of the heading drawn above it, the band the heading has above the chart,
 * and where its legend's entries and every other text lie, in the SVG's coordinates.
 */
function exportedCharts(page: Page, files: readonly string[]) {
  return page.evaluate((texts) =>
    texts.map((text) => {
      const holder = document.createElement('div');
      holder.style.cssText = 'position: absolute; left: 0; top: 0';
      holder.innerHTML = text.replace(/^<\?xml[^>]*>/, '');
      document.body.append(holder);
      const svg = holder.querySelector('svg') as SVGSVGElement;
      const origin = svg.getBoundingClientRect();
      const box = (e: Element) => {
        const r = e.getBoundingClientRect();
        return { text: e.textContent ?? '', left: r.left - origin.left, right: r.right - origin.left, top: r.top - origin.top, bottom: r.bottom - origin.top };
      };
      const heading = svg.querySelector(':scope > text') as SVGTextElement;
      const spans = heading.querySelectorAll('tspan');
      const drawn = {
        title: svg.querySelector(':scope > title')?.textContent ?? '',
        width: Number(svg.getAttribute('width')),
        type: Number(svg.getAttribute('font-size')),
        titleSize: Number(heading.getAttribute('font-size')),
        // The chart below its heading: what the band above it leaves the heading.
        band: Number(/translate\(0,([\d.]+)\)/.exec(svg.querySelector(':scope > g')?.getAttribute('transform') ?? '')?.[1]),
        lines: (spans.length ? [...spans] : [heading]).map(box),
        legend: [...svg.querySelectorAll('.legend-entry')].map(box),
        texts: [...svg.querySelectorAll(':scope > g text')].map(box).filter((t) => t.right > t.left),
      };
      holder.remove();
      return drawn;
    }),
  files);
}

/**
 * How the followed person's panel fits: whether it scrolls, where it and its charts are, their
 * plots' heights, what is under the live buttons, and the smallest type in its tables and charts.
 */
function panelFit(page: Page) {
  return page.evaluate(() => {
    const panel = document.querySelector('.person-panel') as HTMLElement;
    const box = (e: Element) => e.getBoundingClientRect().toJSON() as DOMRect;
    const live = ['lockdown-now', 'reopen-now'].map((id) => {
      const r = box(document.getElementById(id) as HTMLElement);
      return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)?.id;
    });
    // The smallest type in the panel's tables and charts (the SVGs set theirs in an attribute).
    const type = Math.min(
      ...[...panel.querySelectorAll('.facts dt, .facts dd, .person-state th, .person-state td, .chart-title')].map((e) => parseFloat(getComputedStyle(e).fontSize)),
      ...[...panel.querySelectorAll('figure.chart > svg')].map((e) => Number(e.getAttribute('font-size'))),
    );
    const charts = [...panel.querySelectorAll('figure.chart')];
    return {
      scrollHeight: panel.scrollHeight,
      clientHeight: panel.clientHeight,
      panel: box(panel),
      charts: charts.map(box),
      // The plot: the crisis window's shade spans it from top to bottom.
      plots: charts.map((c) => box(c.querySelector('rect.crisis-window') as Element).height),
      live,
      type,
      viewport: { width: innerWidth, height: innerHeight },
    };
  });
}

/** What the eye and a screen reader get of the person's charts: their layout, captions and plots. */
function personCharts(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.person-panel figure.chart')].map((figure) => {
      const height = (e: Element | null) => (e ? e.getBoundingClientRect().height : 0);
      const caption = figure.querySelector('figcaption') as HTMLElement;
      const title = caption.querySelector('.chart-title') as HTMLElement;
      return {
        sideBySide: figure.parentElement?.classList.contains('side-by-side'),
        font: parseFloat(getComputedStyle(title).fontSize),
        caption: height(caption),
        title: height(title),
        // What else a caption's line may hold: the ⓘ, the download buttons.
        inline: Math.max(...[...caption.querySelectorAll('.explain, .tool')].map(height)),
        svg: height(figure.querySelector(':scope > svg')),
        // The plot: the crisis window's shade spans it from top to bottom.
        plot: height(figure.querySelector('rect.crisis-window')),
        // What the eye sees of the title's end (' per function'): nothing where it is short.
        rest: caption.querySelector('.title-rest')?.getBoundingClientRect().width ?? 0,
        // The whole title still the caption's text, its tooltip and the SVG's name.
        text: title.textContent,
        tooltip: title.title,
        name: figure.querySelector(':scope > svg')?.getAttribute('aria-label'),
      };
    }),
  );
}

/**
 * The sizes, persons and modes the person panel's layout is tested at. Person 117 is in an online
 * group in one arm: the longest rows. Presenter mode's larger type on a projector's usual screens.
 */
const FOLLOWED = [
  { width: 1280, height: 720, person: 3, presenter: false },
  { width: 1280, height: 720, person: 117, presenter: false },
  { width: 1366, height: 768, person: 3, presenter: false },
  { width: 1366, height: 768, person: 117, presenter: false },
  { width: 1920, height: 1080, person: 117, presenter: false },
  { width: 1280, height: 720, person: 3, presenter: true },
  { width: 1280, height: 720, person: 117, presenter: true },
  { width: 1366, height: 768, person: 117, presenter: true },
  { width: 1920, height: 1080, person: 117, presenter: true },
];

function canvasStats(page: Page, id: string) {
  return page.$eval(`#${id}`, (c) => {
    const canvas = c as HTMLCanvasElement;
    const data = (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, canvas.width, canvas.height).data;
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 600) inked++;
    const d = canvas.dataset;
    return { persons: Number(d.persons), faceToFace: Number(d.tiesFaceToFace), remote: Number(d.tiesRemote), closed: Number(d.tiesClosed), inked };
  });
}

describe('the viewer', () => {
  it('should load without a console error and draw persons in both panels', async () => {
    const page = await open();
    for (const id of ['network-a', 'network-b']) {
      const stats = await canvasStats(page, id);
      expect(stats.persons).toBe(2000);
      expect(stats.faceToFace).toBeGreaterThan(1000);
      expect(stats.inked).toBeGreaterThan(20_000);
    }
    await expect(page.textContent('.arm-panel.a h2')).resolves.toBe('no-online-shg');
    await expect(page.textContent('.arm-panel.b h2')).resolves.toBe('online-shg');
  });

  it('should advance the day when Play is pressed', async () => {
    const page = await open('?persons=500');
    const before = await day(page);
    await page.click('#play');
    await page.waitForFunction((d) => (window.__kith?.day ?? 0) >= d + 5, before);
    await page.click('#play');
    expect(await day(page)).toBeGreaterThan(before);
    await expect(page.textContent('#day-label')).resolves.toMatch(/^Day \d+ of 364$/);
  });

  it('should show a day reached by scrubbing back as it showed it reached forwards', async () => {
    const page = await open('?persons=500&day=150');
    const shown = () =>
      page.evaluate(() => {
        const canvas = document.getElementById('network-b') as HTMLCanvasElement;
        const pixels = (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, canvas.width, canvas.height).data;
        let hash = 0;
        for (let i = 0; i < pixels.length; i++) hash = (Math.imul(hash, 31) + pixels[i]) | 0;
        return { stats: [...document.querySelectorAll('.arm-stats')].map((p) => p.textContent), hash };
      });
    const scrub = async (to: number) => {
      await page.fill('#day', String(to));
      await waitDay(page, to);
      await nextFrames(page);
    };
    // The networks redraw on the next animation frame after a day arrives.
    await nextFrames(page);
    const forwards = await shown();
    expect(forwards.stats[0]).toMatch(/^Day 150: mean wellbeing/);
    await scrub(250);
    expect((await shown()).stats[0]).toMatch(/^Day 250: /);
    await scrub(150); // from the viewer's checkpoints, not from day 0
    expect(await shown()).toEqual(forwards);
    // And the clock still answers: a scrub once left every later request waiting on it.
    await page.click('#step');
    await waitDay(page, 151);
    await page.keyboard.press('ArrowLeft');
    await waitDay(page, 150);
  });

  it('should start again from day 0 on Enter in the seed field, as Reset does, the seed changed or not', async () => {
    const page = await open('?persons=300&day=20');
    await page.focus('#seed');
    await page.keyboard.press('Enter');
    // Unchanged, the seed's Enter did nothing once the field ran seeds on change alone.
    await waitDay(page, 0);
    await expect(page.inputValue('#seed')).resolves.toBe('1');
  });

  it('should run a seed typed in once the field is left, not only on Enter', async () => {
    const page = await open('?persons=300&day=10');
    await page.fill('#seed', '7');
    // Left for Step: the field said 7 while seed 1 ran on, and was exported as seed 1.
    await page.click('#step');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('seed') === '7');
    await waitReady(page);
    await expect(page.inputValue('#seed')).resolves.toBe('7');
    const scenario = await downloads(page, ['.export-menu summary', '#export-scenario'], 1);
    expect(scenario.get('covid-lockdown-viewer.json')).toContain('seed 7;');
  });

  it('should keep the scrubber at the day shown after it is clicked, so its arrow keys go on from that day', async () => {
    const page = await open('?persons=300&speed=20');
    const scrubber = () => page.inputValue('#day').then(Number);
    // Clicked about a seventh of the way along: the thumb snapped back to day 0 and stayed there.
    const box = (await (await page.$('#day'))?.boundingBox()) as { x: number; y: number; width: number; height: number };
    await page.mouse.click(box.x + box.width / 7, box.y + box.height / 2);
    await page.waitForFunction(() => (window.__kith?.day ?? 0) > 0 && document.querySelector('.busy')?.hasAttribute('hidden'));
    const clicked = await day(page);
    expect(await scrubber()).toBe(clicked);
    // Played with the scrubber still focused: the thumb stood still while the days went on.
    await page.keyboard.press(' ');
    await page.waitForFunction((d) => (window.__kith?.day ?? 0) >= d + 10, clicked);
    await page.keyboard.press(' ');
    await page.waitForFunction(() => window.__kith?.playing === false);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('day');
    const paused = await day(page);
    expect(await scrubber()).toBe(paused);
    // → on the focused scrubber: one day on from there, where it went back to the thumb's day 1.
    await page.keyboard.press('ArrowRight');
    await waitDay(page, paused + 1);
    expect(await scrubber()).toBe(paused + 1);
  });

  it('should keep the shortcuts from the page behind the help while it is open, but for ? itself', async () => {
    const page = await open('?persons=300&day=20');
    await page.keyboard.press('?');
    await expect(page.isVisible('.help-overlay')).resolves.toBe(true);
    // Space and L played and locked down the run behind the help, unseen.
    for (const key of [' ', 'l']) await page.keyboard.press(key);
    await page.keyboard.press('?');
    await expect(page.isVisible('.help-overlay')).resolves.toBe(false);
    // The engine answers in order: once this step is shown, any day those keys asked for was too.
    await page.keyboard.press('ArrowRight');
    await waitDay(page, 21);
    await page.waitForFunction(() => document.querySelector('.busy')?.hasAttribute('hidden'));
    await expect(page.evaluate(() => [window.__kith?.day, window.__kith?.playing])).resolves.toEqual([21, false]);
    expect(new URL(page.url()).searchParams.has('live')).toBe(false);
  });

  it('should answer every control in turn, as a class would press them', async () => {
    const page = await open('?persons=300&day=20');
    const query = () => new URL(page.url()).searchParams;
    // The clock from the keyboard: a day on, a day back, day 0, play and pause.
    await page.keyboard.press('ArrowRight');
    await waitDay(page, 21);
    await page.keyboard.press('ArrowLeft');
    await waitDay(page, 20);
    await page.keyboard.press('Home');
    await waitDay(page, 0);
    await page.keyboard.press(' ');
    await page.waitForFunction(() => (window.__kith?.day ?? 0) >= 5);
    await page.keyboard.press(' ');
    await page.waitForFunction(() => window.__kith?.playing === false);
    // Lockdown and reopening live, then Reset: day 0, no live events.
    const d = await day(page);
    await page.keyboard.press('l');
    await waitDay(page, d + 1);
    await page.keyboard.press('o');
    await waitDay(page, d + 2);
    await page.waitForFunction(() => new URL(location.href).searchParams.has('live'));
    expect(query().get('live')).toBe(`lockdown@${d + 1},reopening@${d + 2}`);
    await page.keyboard.press('r');
    await waitDay(page, 0);
    expect(query().has('live')).toBe(false);
    // The charts' subgroup, a seed typed in, a lever: each lands in the address and the panels.
    await page.selectOption('#subgroup', 'older');
    // The address at once, not at the next pause or step; the charts on the next animation frame.
    expect(query().get('subgroup')).toBe('older');
    await page.waitForFunction(() => document.querySelector('.wellbeing-chart .chart-title')?.textContent === 'Mean wellbeing — older');
    await page.fill('#seed', '7');
    await page.press('#seed', 'Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('seed') === '7');
    await waitReady(page);
    await page.fill('#lever-persons', '400');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('persons') === '400');
    await waitReady(page);
    await page.waitForFunction(() => (document.getElementById('network-a') as HTMLCanvasElement).dataset.persons === '400');
    // Presenter mode, and help shown and closed.
    await page.keyboard.press('p');
    await expect(page.evaluate(() => document.body.classList.contains('presenter'))).resolves.toBe(true);
    await page.keyboard.press('?');
    await expect(page.isVisible('.help-overlay')).resolves.toBe(true);
    // The info icon drawn, not the ⓘ character, which this machine's fonts lack.
    expect(await page.$$('.help-overlay .explain-icon svg')).toHaveLength(1);
    await expect(page.evaluate(() => document.body.textContent?.includes('\u24D8'))).resolves.toBe(false);
    await page.keyboard.press('Escape');
    await expect(page.isVisible('.help-overlay')).resolves.toBe(false);
    // Another scenario.
    await page.selectOption('#scenario', 'baseline');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('scenario') === 'baseline');
    await waitReady(page);
    await expect(page.textContent('.arm-panel.a h2')).resolves.toBe('no-shg');
    // Its arms differ in the share in self-help groups: that lever shows both and does not move.
    await expect(page.isDisabled('#lever-shg')).resolves.toBe(true);
    await expect(page.textContent('.lever-control.compared output')).resolves.toBe('0% | 5%');
    await expect(page.isDisabled('#lever-cut')).resolves.toBe(false);
  });

  it('should answer shortcuts after a choice in a select, and still let the keyboard browse a select', async () => {
    const page = await open('?persons=300&day=20');
    const live = () => new URL(page.url()).searchParams.get('live');
    // Chosen as a mouse chooses: the select had focus; after the choice L is Lockdown now, not type-ahead.
    await page.focus('#subgroup');
    await page.selectOption('#subgroup', 'older');
    await page.keyboard.press('l');
    await waitDay(page, 21);
    await page.waitForFunction(() => new URL(location.href).searchParams.has('live'));
    expect(live()).toBe('lockdown@21');
    await expect(page.inputValue('#subgroup')).resolves.toBe('older');
    // After a speed, Space plays and pauses, and O reopens.
    await page.focus('#speed');
    await page.selectOption('#speed', '20');
    await page.keyboard.press(' ');
    await page.waitForFunction(() => window.__kith?.playing === true);
    await page.keyboard.press(' ');
    await page.waitForFunction(() => window.__kith?.playing === false);
    // A step asked for before the pause may still come in, so the reopening's day is read from
    // the address rather than assumed to be the day after the one shown at the pause.
    const d = await day(page);
    await page.keyboard.press('o');
    await page.waitForFunction(() => /reopening@\d+$/.test(new URL(location.href).searchParams.get('live') ?? ''));
    const reopened = Number(/reopening@(\d+)$/.exec(live() ?? '')?.[1]);
    expect(reopened).toBeGreaterThan(d);
    await waitDay(page, reopened);
    await expect(page.inputValue('#speed')).resolves.toBe('20');
    // Arrowing through a closed select keeps it focused, so each arrow moves one option on.
    await page.focus('#metric');
    const first = await page.inputValue('#metric');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const options = await page.$$eval('#metric option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    await expect(page.inputValue('#metric')).resolves.toBe(options[options.indexOf(first) + 2]);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('metric');
  });

  it('should write the resilience metric into the address and show it again from a link', async () => {
    const page = await open('?persons=300&day=120');
    await page.selectOption('#metric', 'peakLonely');
    // At once, as the subgroup: not at the next pause or step.
    expect(new URL(page.url()).searchParams.get('metric')).toBe('peakLonely');
    await page.waitForFunction(() => document.querySelector('.metrics-chart svg text')?.textContent === 'peakLonely (share)');
    const link = new URL(page.url()).search;
    const again = await open(link);
    await expect(again.inputValue('#metric')).resolves.toBe('peakLonely');
    await expect(again.textContent('.metrics-chart svg text')).resolves.toBe('peakLonely (share)');
    await expect(again.isHidden('.status')).resolves.toBe(true);
    // A metric that does not exist is named, as text, and the chart shows depth.
    const wrong = await open('?persons=300&metric=happiness');
    await expect(wrong.textContent('.status')).resolves.toContain('There is no resilience metric “happiness”; showing depth.');
    await expect(wrong.inputValue('#metric')).resolves.toBe('depth');
  });

  it('should play on Space after Step is clicked with the mouse, and press a button the keyboard went to', async () => {
    const page = await open('?persons=300&day=20');
    await page.click('#step');
    await waitDay(page, 21);
    // Space is play / pause, not Step pressed again by the button that kept focus.
    await page.keyboard.press(' ');
    await page.waitForFunction(() => window.__kith?.playing === true && window.__kith.day >= 24);
    await page.keyboard.press(' ');
    await page.waitForFunction(() => window.__kith?.playing === false);
    // So do the other shortcuts after a click on a button: → a day on, from the day it paused on.
    await page.click('#lockdown-now');
    await page.waitForFunction(() => new URL(location.href).searchParams.has('live'));
    const d = await day(page);
    await page.keyboard.press('ArrowRight');
    await waitDay(page, d + 1);
    // A keyboard user tabs from Play to Step: Space and Enter press Step, one day each, no play.
    await page.focus('#play');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('step');
    await page.keyboard.press(' ');
    await waitDay(page, d + 2);
    await page.keyboard.press('Enter');
    await waitDay(page, d + 3);
    await expect(page.evaluate(() => window.__kith?.playing)).resolves.toBe(false);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('step');
  });

  it('should play at the speed chosen after a quick pause and play', async () => {
    const page = await open('?persons=300&speed=5');
    await page.keyboard.press(' ');
    await page.waitForFunction(() => (window.__kith?.day ?? 0) >= 2);
    // Three pauses each played again within a tick's wait: each left one more clock ticking.
    for (let k = 0; k < 3; k++) {
      await page.keyboard.press(' ');
      await page.keyboard.press(' ');
    }
    const days = await page.evaluate(async () => {
      const from = window.__kith?.day ?? 0;
      await new Promise((done) => setTimeout(done, 2000));
      return (window.__kith?.day ?? 0) - from;
    });
    // 5 days a second: 10 in 2 s (fewer on a busy machine), where four clocks made about 40.
    expect(days).toBeLessThanOrEqual(13);
    expect(days).toBeGreaterThan(0);
  });

  it('should come Back to the day it was left on while playing', async () => {
    const page = await open('?persons=300&speed=50');
    await page.keyboard.press(' ');
    await page.waitForFunction(() => (window.__kith?.day ?? 0) >= 5);
    // Paused, the address has the day; played on for less than a second, it has not yet.
    await page.keyboard.press(' ');
    await page.waitForFunction(() => window.__kith?.playing === false);
    const paused = await day(page);
    await page.keyboard.press(' ');
    await page.waitForFunction((d) => (window.__kith?.day ?? 0) >= d + 20, paused);
    const left = await day(page);
    await page.goto('about:blank');
    await page.goBack();
    await waitReady(page);
    // It came back to the day of the last pause, 20 and more days before.
    expect(await day(page)).toBeGreaterThanOrEqual(left);
  });

  it('should replay from day 0, playing, when Replay is pressed at the end of a run', async () => {
    const page = await open('?persons=300&day=364');
    await expect(page.textContent('#play')).resolves.toBe('↺ Replay');
    await page.click('#play');
    await page.waitForFunction(() => window.__kith?.playing === true && window.__kith.day >= 3 && window.__kith.day < 364);
    await page.click('#play');
    await page.waitForFunction(() => window.__kith?.playing === false);
  });

  it('should shade the crisis window and mark the lockdown in the charts', async () => {
    const page = await open('?persons=500&day=120');
    for (const chart of ['.wellbeing-chart', '.prevalence-chart']) {
      const crisis = await page.$eval(`${chart} rect.crisis-window`, (r) => ({ x: Number(r.getAttribute('x')), width: Number(r.getAttribute('width')) }));
      expect(crisis.width).toBeGreaterThan(10);
      expect(await page.$$(`${chart} rect.lockdown-days`)).toHaveLength(1);
    }
    expect(await page.$$('.flows-chart rect.crisis-window')).toHaveLength(6);
    // Every legend entry is drawn, however narrow the chart: seven layers in each support chart.
    expect(await page.$$('.flows-chart .legend-entry')).toHaveLength(14);
    // Lockdown days in a colour no arm has, with a legend entry.
    expect(await page.$eval('.wellbeing-chart rect.lockdown-days', (r) => r.getAttribute('fill'))).toBe('#6A3D9A');
    expect(await page.$$eval('.wellbeing-chart .legend-entry text', (ts) => ts.map((t) => t.textContent))).toContain('lockdown');
    // A metric that needs days still to come says so where its dots would be.
    await page.selectOption('#metric', 'recoveryDays');
    await page.waitForFunction(() => document.querySelector('.metrics-chart .pending')?.textContent?.startsWith('Not available until wellbeing recovers'));
  });

  it('should key the resilience chart’s dots to the arms, in the colours of their panels', async () => {
    const page = await open('?persons=500&day=120');
    await page.waitForFunction(() => document.querySelector('.metrics-chart .estimate') !== null);
    const panels = await page.evaluate(() => ['--arm-a', '--arm-b'].map((v) => getComputedStyle(document.documentElement).getPropertyValue(v).trim()));
    const key = await page.$$eval('.metrics-chart .legend-entry', (es) => es.map((e) => ({ label: e.querySelector('text')?.textContent, fill: e.querySelector('circle')?.getAttribute('fill') })));
    expect(key).toEqual([
      { label: 'no-online-shg', fill: panels[0] },
      { label: 'online-shg', fill: panels[1] },
    ]);
    // The dots are drawn in the colours the key gives them.
    for (const { label, fill } of key) {
      const fills = await page.$$eval(`.metrics-chart .arms-panel .estimate[data-arm="${label}"] circle`, (cs) => [...new Set(cs.map((c) => c.getAttribute('fill')))]);
      expect(fills).toEqual([fill]);
    }
  });

  it('should draw the controls in an accent that is no arm’s colour and looks like none', async () => {
    // digital-divide has four arms: four of the arm colours in its menus and panels.
    const page = await open('?scenario=digital-divide&persons=300');
    const variables = await page.evaluate(() => Object.fromEntries(['--accent', '--arm-a', '--arm-b'].map((v) => [v, getComputedStyle(document.documentElement).getPropertyValue(v).trim().toLowerCase()])));
    const accent = variables['--accent'];
    expect(accent).toMatch(/^#[0-9a-f]{6}$/);
    const arms = [...ARM_COLOURS, variables['--arm-a'], variables['--arm-b']].map((c) => c.toLowerCase());
    expect(arms).not.toContain(accent);
    expect(accent).not.toBe(LOCKDOWN_COLOUR.toLowerCase());
    for (const colour of [...arms, LOCKDOWN_COLOUR]) for (const vision of VISIONS) expect(difference(accent, colour, vision), `${colour}, ${vision}`).toBeGreaterThan(20);
    // The controls take it: the Play button, and the focus ring of a button reached with Tab.
    const rgbOf = (hex: string) => `rgb(${[1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)).join(', ')})`;
    const rgb = rgbOf(accent);
    await expect(page.$eval('#play', (b) => getComputedStyle(b).backgroundColor)).resolves.toBe(rgb);
    await page.focus('#play');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('step');
    await expect(page.$eval('#step', (b) => getComputedStyle(b).outlineColor)).resolves.toBe(rgb);
    // Nor do the live buttons take an arm's colour (Reopen now was the third arm's green).
    const live = await page.$$eval('.live', (bs) => bs.flatMap((b) => [getComputedStyle(b).borderTopColor, getComputedStyle(b).color]));
    expect(live).toHaveLength(4);
    for (const colour of live) expect(arms.map(rgbOf)).not.toContain(colour);
  });

  it('should mark a resilience row with no value, and say why', async () => {
    // social-workers-mutual-aid has no one aged 65 and over.
    const page = await open('?scenario=social-workers-mutual-aid&persons=500&day=130');
    await page.waitForFunction(() => document.querySelector('.metrics-chart .estimate') !== null);
    const hints = await page.$$eval('.metrics-chart .no-value', (gs) => gs.map((g) => ({ panel: g.closest('.arms-panel') ? 'arms' : 'difference', mark: g.querySelector('text')?.textContent, why: g.querySelector('title')?.textContent })));
    const older = 'Empty subgroup: there are no persons aged 65 and over.';
    expect(hints).toContainEqual({ panel: 'arms', mark: '—', why: older });
    expect(hints).toContainEqual({ panel: 'difference', mark: '—', why: `No difference: no-mutual-aid and mutual-aid-platform have no value. ${older}` });
    // A row with a value has no hint: everyone has dots in both panels.
    expect(await page.$$('.metrics-chart .estimate[data-subgroup="everyone"]')).toHaveLength(3);
    expect(hints.length).toBeLessThan(2 * 8);
  });

  it('should cut and move ties remote after Lockdown now', async () => {
    const page = await open('?scenario=baseline&persons=500&day=5');
    const before = await canvasStats(page, 'network-a');
    expect(before.remote + before.closed).toBe(0);
    await page.click('#lockdown-now');
    await waitDay(page, 6);
    await page.waitForFunction(() => Number((document.getElementById('network-b') as HTMLCanvasElement).dataset.tiesClosed) > 0);
    for (const id of ['network-a', 'network-b']) {
      const after = await canvasStats(page, id);
      expect(after.remote).toBeGreaterThan(0);
      expect(after.closed).toBeGreaterThan(0);
      expect(after.faceToFace).toBeLessThan(before.faceToFace);
    }
    expect(page.url()).toContain('live=lockdown%406');
  });

  it('should open a person’s panel when they are clicked', async () => {
    const page = await open('?persons=500&day=100');
    const box = (await (await page.$('#network-a'))?.boundingBox()) as { x: number; y: number; width: number; height: number };
    // Persons sit on a ring: click on it, right of the centre.
    const r = (Math.min(box.width, box.height) / 2 / 1.13) * 0.92;
    await page.mouse.click(box.x + box.width / 2 + r, box.y + box.height / 2);
    await page.waitForSelector('.person-panel:not([hidden])');
    const title = (await page.textContent('.person-panel h2')) ?? '';
    expect(title).toMatch(/^Person \d+$/);
    expect(await page.$$('.person-panel .person-ties tr')).toHaveLength(6);
    await panelDrawn(page);
    // Three functions, two arms and (on day 100 of covid-lockdown) the lockdown in the legend of each of the two charts.
    expect(await page.$$('.person-panel .legend-entry')).toHaveLength(12);
    // The days of lockdown marked as in the main charts: the same colour, the same legend entry.
    const main = await page.$eval('.wellbeing-chart rect.lockdown-days', (r) => r.getAttribute('fill'));
    const marks = await page.$$eval('.person-panel rect.lockdown-days', (rs) => rs.map((r) => r.getAttribute('fill')));
    expect(marks).toEqual([main, main]);
    const entry = (chart: string) => page.$eval(`${chart} .legend-entry:last-child`, (e) => ({ label: e.querySelector('text')?.textContent, fill: e.querySelector('rect')?.getAttribute('fill') }));
    await expect(entry('.person-panel figure:first-of-type')).resolves.toEqual(await entry('.wellbeing-chart'));
    expect(page.url()).toContain(`person=${title.split(' ')[1]}`);
    await closePanel(page);
  });

  it.each([
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ])('should leave the live buttons and the charts uncovered while following a person ($width×$height)', async (viewport) => {
    const page = await open('?persons=500&day=100&person=3', viewport);
    await page.waitForSelector('.person-panel:not([hidden])');
    const hit = (id: string) =>
      page.evaluate((id) => {
        const r = (document.getElementById(id) as HTMLElement).getBoundingClientRect();
        return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)?.id;
      }, id);
    await expect(hit('lockdown-now')).resolves.toBe('lockdown-now');
    await expect(hit('reopen-now')).resolves.toBe('reopen-now');
    const edges = await page.evaluate(() => ({
      panel: (document.querySelector('.person-panel') as HTMLElement).getBoundingClientRect().left,
      stage: Math.max(...[...document.querySelectorAll('.stage > *')].map((e) => e.getBoundingClientRect().right)),
    }));
    expect(edges.stage).toBeLessThanOrEqual(edges.panel);
    await page.click('#lockdown-now');
    await waitDay(page, 101);
  });

  it.each(FOLLOWED)('should fit a followed person’s panel, both its charts, without scrolling ($width×$height, person $person, presenter $presenter)', async ({ person, presenter, ...viewport }) => {
    const page = await openFollowing(`?persons=500&day=100&person=${person}${presenter ? '&presenter=1' : ''}`, viewport);
    const fits = async (size: string) => {
      await nextFrames(page);
      const fit = await panelFit(page);
      expect(fit.scrollHeight, size).toBeLessThanOrEqual(fit.clientHeight);
      expect(fit.charts, size).toHaveLength(2);
      // Presenter mode may set the panel smaller than the rest of its type, not below 13 px.
      if (presenter) expect(fit.type, size).toBeGreaterThanOrEqual(13);
      // Both charts whole, in the panel and in the window: the second, too, above the fold.
      for (const [k, chart] of fit.charts.entries()) {
        const which = `${size}, chart ${k + 1}`;
        expect(chart.top, which).toBeGreaterThanOrEqual(fit.panel.top);
        expect(chart.left, which).toBeGreaterThanOrEqual(fit.panel.left);
        expect(chart.bottom, which).toBeLessThanOrEqual(Math.min(fit.panel.bottom, fit.viewport.height));
        expect(chart.right, which).toBeLessThanOrEqual(fit.viewport.width);
        // Not squeezed to nothing to fit: in normal mode one above the other the plots were 54 px
        // (person 117) and 69 (person 3) at 1280×720, 78 and 93 at 1366×768.
        expect(chart.height, which).toBeGreaterThanOrEqual(120);
        expect(fit.plots[k], which).toBeGreaterThanOrEqual(100);
      }
      // One above the other, or side by side: apart.
      const [a, b] = fit.charts;
      expect(a.bottom <= b.top + 1 || a.right <= b.left + 1, size).toBe(true);
      expect(fit.live, size).toEqual(['lockdown-now', 'reopen-now']);
    };
    await fits(`${viewport.width}×${viewport.height}`);
    // And again when the window changes size under the open panel.
    if (viewport.width > 1280) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await fits('resized to 1280×720');
    }
  });

  it.each([3, 117])('should keep each caption of the person’s charts side by side to one line, their plots tall (presenter mode, 1280×720, person %i)', async (person) => {
    const page = await openFollowing(`?persons=500&day=100&person=${person}&presenter=1`, { width: 1280, height: 720 });
    await nextFrames(page);
    const charts = await personCharts(page);
    expect(charts.map((c) => c.text)).toEqual(['Need per function', 'Support received per function']);
    for (const [k, chart] of charts.entries()) {
      const which = `chart ${k + 1}`;
      expect(chart.sideBySide, which).toBe(true);
      // One line each: 52 px (the title in two lines, the buttons in a third) on the old code.
      const line = Math.max(1.6 * chart.font, chart.inline);
      expect(chart.title, which).toBeLessThanOrEqual(1.6 * chart.font);
      expect(chart.caption, which).toBeLessThanOrEqual(line);
      // The room the captions gave back goes to the plots: 134 px for person 3, 119 for 117 before.
      expect(chart.svg, which).toBeGreaterThanOrEqual(150);
      expect(chart.plot, which).toBeGreaterThanOrEqual(150);
      expect(chart.tooltip, which).toBe(chart.text);
      expect(chart.name, which).toBe(chart.text);
    }
    // The download buttons show over the chart when it is hovered, inside it, clear of its caption.
    const figure = '.person-panel figure.chart:nth-of-type(2)';
    await page.hover(`${figure} > svg`);
    const tools = await page.$eval(figure, (f) => {
      const box = (e: Element) => e.getBoundingClientRect().toJSON() as DOMRect;
      const t = f.querySelector('.chart-tools') as HTMLElement;
      return { opacity: getComputedStyle(t).opacity, tools: box(t), figure: box(f), caption: box(f.querySelector('figcaption') as Element) };
    });
    expect(tools.opacity).toBe('1');
    expect(tools.tools.top).toBeGreaterThanOrEqual(tools.caption.bottom);
    expect(tools.tools.right).toBeLessThanOrEqual(tools.figure.right + 0.5);
    expect(tools.tools.bottom).toBeLessThanOrEqual(tools.figure.bottom);
    const svg = await downloads(page, [`${figure} .chart-tools button:text-is("SVG")`], 1);
    expect(svg.get(`person-${person}-received.svg`)).toContain('<title>Support received per function</title>');
  });

  it.each([
    { width: 1920, height: 1080, person: 3, presenter: true, short: false },
    { width: 1920, height: 1080, person: 117, presenter: true, short: false },
    { width: 1920, height: 1080, person: 117, presenter: false, short: false },
    // Presenter mode's 17 px tables on a panel of 512 px: 'Support received per function' would wrap.
    { width: 1280, height: 1024, person: 117, presenter: true, short: true },
  ])('should keep each caption of the person’s charts one above the other to one line ($width×$height, person $person, presenter $presenter)', async ({ person, presenter, short, ...viewport }) => {
    const page = await openFollowing(`?persons=500&day=100&person=${person}${presenter ? '&presenter=1' : ''}`, viewport);
    await nextFrames(page);
    const charts = await personCharts(page);
    expect(charts.map((c) => c.text)).toEqual(['Need per function', 'Support received per function']);
    for (const [k, chart] of charts.entries()) {
      const which = `chart ${k + 1}`;
      expect(chart.sideBySide, which).toBe(false);
      // One line: in presenter mode 'Support received per function' took two, 48 px (one is 24).
      expect(chart.title, which).toBeLessThanOrEqual(1.6 * chart.font);
      expect(chart.caption, which).toBeLessThanOrEqual(Math.max(1.6 * chart.font, chart.inline));
    }
    for (const [k, chart] of charts.entries()) {
      const which = `chart ${k + 1}`;
      // The whole title still the caption's text, its tooltip and the SVG's name.
      expect(chart.tooltip, which).toBe(chart.text);
      expect(chart.name, which).toBe(chart.text);
      // Where a whole title would wrap (presenter mode's 20 px titles at 1280×1024; at 1920×1080
      // before its panel was 580 px wide) both show 'Need' and 'Support received', alike; where
      // the whole titles fit, they show whole.
      if (short) expect(chart.rest, which).toBeLessThanOrEqual(1);
      else expect(chart.rest, which).toBeGreaterThan(4 * chart.font);
    }
  });

  it.each([3, 117])('should set the ties’ heading with its ⓘ on one line and a group in at most two, in presenter mode’s type (1920×1080, person %i)', async (person) => {
    const page = await openFollowing(`?persons=500&day=100&person=${person}&presenter=1`, { width: 1920, height: 1080 });
    await nextFrames(page);
    const table = await page.evaluate(() => {
      // The line boxes a cell's text takes, by their tops.
      const lines = (e: Element) => {
        const range = document.createRange();
        range.selectNodeContents(e);
        return [...new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)))];
      };
      const heading = document.querySelector('.person-ties th.section') as HTMLElement;
      const text = [...heading.childNodes].find((n) => n.nodeType === Node.TEXT_NODE) as Text;
      const range = document.createRange();
      range.selectNodeContents(text);
      // The text's line boxes: the ⓘ, a button, is not of them.
      const words = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => ({ top: r.top, bottom: r.bottom }));
      const icon = (heading.querySelector('.explain') as HTMLElement).getBoundingClientRect();
      const group = [...document.querySelectorAll('.person-state tbody:first-of-type tr')].find((tr) => tr.querySelector('th')?.textContent === 'self-help group') as HTMLElement;
      return {
        body: parseFloat(getComputedStyle(document.body).fontSize),
        heading: { font: parseFloat(getComputedStyle(heading).fontSize), lines: new Set(words.map((w) => Math.round(w.top))).size, words, icon: (icon.top + icon.bottom) / 2 },
        group: [...group.querySelectorAll('td')].map((td) => ({ text: td.textContent, font: parseFloat(getComputedStyle(td).fontSize), lines: lines(td).length })),
      };
    });
    // In presenter mode's type on a screen over 900 px high: 17 px, as the rest of the stage.
    expect(table.heading.font).toBe(table.body);
    // One line, the ⓘ on it: in a 520 px panel the text filled the line and the ⓘ took a second.
    expect(table.heading.lines).toBe(1);
    const line = { top: Math.min(...table.heading.words.map((w) => w.top)), bottom: Math.max(...table.heading.words.map((w) => w.bottom)) };
    expect(table.heading.icon).toBeGreaterThanOrEqual(line.top);
    expect(table.heading.icon).toBeLessThanOrEqual(line.bottom);
    // A group in at most two lines: '#4, online, 15 members; met online' took three.
    expect(table.group).toHaveLength(2);
    for (const cell of table.group) {
      expect(cell.font, cell.text ?? '').toBe(table.body);
      expect(cell.lines, cell.text ?? '').toBeLessThanOrEqual(2);
    }
  });

  it.each([
    { width: 1366, height: 768, person: 3 },
    { width: 1366, height: 768, person: 117 },
    { width: 1280, height: 800, person: 117 },
  ])('should give the person’s charts plots tall enough to read, the panel not scrolling (presenter mode, $width×$height, person $person)', async ({ person, ...viewport }) => {
    const page = await openFollowing(`?persons=500&day=100&person=${person}&presenter=1`, viewport);
    await nextFrames(page);
    const fit = await panelFit(page);
    expect(fit.scrollHeight).toBeLessThanOrEqual(fit.clientHeight);
    expect(fit.plots).toHaveLength(2);
    for (const [k, chart] of fit.charts.entries()) {
      const which = `chart ${k + 1}`;
      // One above the other their plots were 75 px (person 117) and 83 (person 3) at 1366×768,
      // 91 at 1280×800.
      expect(fit.plots[k], which).toBeGreaterThanOrEqual(110);
      expect(chart.top, which).toBeGreaterThanOrEqual(fit.panel.top);
      expect(chart.left, which).toBeGreaterThanOrEqual(fit.panel.left);
      expect(chart.bottom, which).toBeLessThanOrEqual(Math.min(fit.panel.bottom, fit.viewport.height));
      expect(chart.right, which).toBeLessThanOrEqual(Math.min(fit.panel.right, fit.viewport.width));
    }
    const [a, b] = fit.charts;
    expect(a.bottom <= b.top + 1 || a.right <= b.left + 1).toBe(true);
  });

  // Side by side: at every size the panel is followed at but 1920×1080.
  it.each(FOLLOWED.filter(({ width }) => width < 1920))('should key the person’s charts side by side in at most two rows, every entry read and exported ($width×$height, person $person, presenter $presenter)', async ({ person, presenter, ...viewport }) => {
    const page = await openFollowing(`?persons=500&day=100&person=${person}${presenter ? '&presenter=1' : ''}`, viewport);
    await nextFrames(page);
    const keys = await page.evaluate(() =>
      [...document.querySelectorAll('.person-panel figure.chart')].map((figure) => {
        const box = (e: Element) => e.getBoundingClientRect().toJSON() as DOMRect;
        const svg = figure.querySelector(':scope > svg') as SVGSVGElement;
        // The legend that keys the chart: its own, or the key its charts share.
        const own = svg.querySelector('g.legend');
        const legend = (own ?? figure.parentElement?.querySelector('.person-key')) as Element;
        const entries = [...legend.querySelectorAll(own ? '.legend-entry' : 'li')].map((e) => {
          const r = box(e);
          const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
          const sample = e.querySelector('line, rect');
          return {
            label: e.textContent,
            box: r,
            seen: hit !== null && legend.contains(hit),
            colour: sample?.getAttribute('stroke') ?? sample?.getAttribute('fill'),
            dash: sample?.getAttribute('stroke-dasharray') ?? null,
            font: parseFloat(getComputedStyle(e.querySelector('text') ?? e).fontSize),
          };
        });
        const series = [...svg.querySelectorAll('path.series')].map((p) => ({ colour: p.getAttribute('stroke'), dash: p.getAttribute('stroke-dasharray') }));
        return {
          sideBySide: figure.parentElement?.classList.contains('side-by-side'),
          name: own ? null : legend.getAttribute('aria-label'),
          legend: box(legend),
          entries,
          series,
          charts: [...document.querySelectorAll('.person-panel figure.chart > svg')].map(box),
          type: Number(svg.getAttribute('font-size')),
          panel: box(document.querySelector('.person-panel') as Element),
          viewport: { width: innerWidth, height: innerHeight },
        };
      }),
    );
    expect(keys).toHaveLength(2);
    for (const [k, key] of keys.entries()) {
      const which = `chart ${k + 1}`;
      expect(key.sideBySide, which).toBe(true);
      expect(key.entries.map((e) => e.label), which).toEqual(['emotional', 'informational', 'instrumental', 'no-online-shg', 'online-shg', 'lockdown']);
      // At most two rows: each chart's own legend took four in its 236 px, 73 px above its plot.
      const rows = new Set(key.entries.map((e) => Math.round(e.box.top))).size;
      expect(rows, which).toBeLessThanOrEqual(2);
      const font = Math.min(...key.entries.map((e) => e.font));
      expect(key.legend.height, which).toBeLessThanOrEqual(2 * 1.6 * font);
      // As readable as the charts' type, every entry seen, in the panel and the window.
      expect(font, which).toBeGreaterThanOrEqual(key.type);
      for (const e of key.entries) {
        expect(e.seen, `${which}: ${e.label} is covered`).toBe(true);
        expect(e.box.left, `${which}: ${e.label}`).toBeGreaterThanOrEqual(key.panel.left);
        expect(e.box.right, `${which}: ${e.label}`).toBeLessThanOrEqual(Math.min(key.panel.right, key.viewport.width));
        expect(e.box.bottom, `${which}: ${e.label}`).toBeLessThanOrEqual(Math.min(key.panel.bottom, key.viewport.height));
      }
      // Clear of the plots it keys.
      const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
      if (key.name) for (const chart of key.charts) expect(overlap(key.legend, chart), which).toBe(false);
      // Its samples are the chart's: the functions' colours, the second arm's dash.
      for (const line of key.series) expect(key.entries.some((e) => e.colour === line.colour), `${which}: ${line.colour}`).toBe(true);
      expect(key.entries.find((e) => e.label === 'online-shg')?.dash, which).toBe(key.series.find((l) => l.dash)?.dash);
    }
    // A key the two charts share has a name; each exported chart still has its whole legend.
    if (keys[0].name) expect(keys[0].name).toBe('Key to both charts');
    const files = await downloads(page, ['.person-panel figure.chart:nth-of-type(1) .chart-tools button:text-is("SVG")', '.person-panel figure.chart:nth-of-type(2) .chart-tools button:text-is("SVG")'], 2);
    for (const name of ['need', 'received']) {
      const svg = files.get(`person-${person}-${name}.svg`) as string;
      const labels = [...svg.matchAll(/<g class="legend-entry"[^>]*>.*?<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
      expect(labels, name).toEqual(['emotional', 'informational', 'instrumental', 'no-online-shg', 'online-shg', 'lockdown']);
      expect(svg, name).toContain('class="crisis-window"');
    }
  });

  it('should show the side-by-side charts’ download buttons on a touch screen, which cannot hover (presenter mode, 1280×720)', async () => {
    const page = await openFollowing('?persons=500&day=100&person=3&presenter=1', { width: 1280, height: 720 }, true);
    await nextFrames(page);
    expect(await page.evaluate(() => matchMedia('(hover: none)').matches)).toBe(true);
    const figure = '.person-panel figure.chart:nth-of-type(2)';
    const tools = await page.$eval(figure, (f) => {
      const t = f.querySelector('.chart-tools') as HTMLElement;
      const button = [...t.querySelectorAll('button')].find((b) => b.textContent === 'SVG') as HTMLElement;
      const { left, top, width, height } = button.getBoundingClientRect();
      return { sideBySide: f.parentElement?.classList.contains('side-by-side'), opacity: Number(getComputedStyle(t).opacity), hit: document.elementFromPoint(left + width / 2, top + height / 2) === button };
    });
    // Hidden until hovered, they were out of a touch screen's reach (opacity 0).
    expect(tools).toEqual({ sideBySide: true, opacity: expect.any(Number), hit: true });
    expect(tools.opacity).toBeGreaterThanOrEqual(0.55);
    const svg = await downloads(page, [`${figure} .chart-tools button:text-is("SVG")`], 1);
    expect(svg.get('person-3-received.svg')).toContain('<title>Support received per function</title>');
  });

  it.each([
    { width: 1280, height: 720 },
    { width: 1366, height: 768 },
    { width: 1600, height: 900 },
    { width: 1920, height: 1080 },
  ])('should lay the networks and charts out beside a followed person’s panel in presenter mode too ($width×$height)', async (viewport) => {
    const page = await openFollowing('?persons=500&day=100&person=3&presenter=1', viewport);
    await nextFrames(page);
    const layout = await page.evaluate(() => {
      const box = (e: Element) => e.getBoundingClientRect().toJSON() as DOMRect;
      const named = (selector: string) =>
        [...document.querySelectorAll(selector)].map((e) => ({ name: `${e.className} ${e.querySelector('.chart-title')?.textContent ?? e.id}`.trim(), box: box(e) }));
      const live = ['lockdown-now', 'reopen-now'].map((id) => {
        const r = box(document.getElementById(id) as HTMLElement);
        return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)?.id;
      });
      return {
        panel: box(document.querySelector('.person-panel') as Element),
        parts: named('.stage > *'),
        charts: named('.stage figure.chart'),
        canvases: named('.stage canvas.network'),
        live,
      };
    });
    const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
    // Nothing of the stage under the panel; its parts, and its charts, each clear of the others.
    for (const part of [...layout.parts, ...layout.charts]) expect(overlap(part.box, layout.panel), `${part.name} under the panel`).toBe(false);
    for (const list of [layout.parts, layout.charts]) {
      list.forEach((a, k) => list.slice(k + 1).forEach((b) => expect(overlap(a.box, b.box), `${a.name} over ${b.name}`).toBe(false)));
    }
    // The networks wide enough to read: side by side above the charts, not in three cramped columns.
    expect(layout.canvases).toHaveLength(2);
    for (const canvas of layout.canvases) expect(canvas.box.width, canvas.name).toBeGreaterThanOrEqual(300);
    if (viewport.width <= 1600) {
      const part = (name: string) => layout.parts.find((p) => p.name.startsWith(name))?.box as DOMRect;
      expect(part('side').top).toBeGreaterThanOrEqual(Math.max(part('arm-panel a').bottom, part('arm-panel b').bottom));
    }
    expect(layout.live).toEqual(['lockdown-now', 'reopen-now']);
  });

  it.each([
    { width: 1280, height: 720, presenter: false },
    { width: 1280, height: 720, presenter: true },
    { width: 1366, height: 768, presenter: false },
    { width: 1366, height: 768, presenter: true },
    { width: 1920, height: 1080, presenter: false },
    { width: 1920, height: 1080, presenter: true },
  ])('should show every entry of the network legend in its box, the threshold’s label clear of the others, with and without a person’s panel ($width×$height, presenter $presenter)', async ({ presenter, ...viewport }) => {
    const page = await openFollowing(`?persons=500&day=100&person=3${presenter ? '&presenter=1' : ''}`, viewport);
    const shows = async (when: string) => {
      await nextFrames(page);
      const legend = await page.evaluate(() => {
        const root = document.querySelector('.stage > .legend') as HTMLElement;
        // Scrolled to, as a reader would: the page may be longer than the window, not wider.
        root.scrollIntoView({ block: 'end' });
        const box = (e: Element) => e.getBoundingClientRect().toJSON() as DOMRect;
        // Its entries: the ramp, each marker with its label, each ⓘ; each seen, not under the panel,
        // and a marker whole in the SVG that holds it (which cuts off what lies outside it).
        const entries = [...root.querySelectorAll('svg > g, .explain')].map((e) => {
          const r = box(e);
          const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
          const svg = e instanceof SVGGElement ? e.ownerSVGElement : null;
          return { name: e.getAttribute('aria-label') ?? e.textContent ?? '', box: r, clip: svg ? box(svg) : r, seen: hit !== null && root.contains(hit) };
        });
        const others = [...document.querySelectorAll('.stage > :not(.legend), .stage figure.chart, .person-panel:not([hidden])')].map((e) => ({ name: e.className, box: box(e) }));
        // The distress threshold's label, and every entry but the ramp it labels, and the ramp's other texts.
        const label = [...root.querySelectorAll('text')].find((t) => t.textContent?.startsWith('distressed')) as SVGTextElement;
        const threshold = {
          box: box(label),
          others: [...root.querySelectorAll('svg > g, .explain'), ...(label.parentElement?.querySelectorAll(':scope > text') ?? [])]
            .filter((e) => e !== label && !e.contains(label))
            .map((e) => ({ name: e.getAttribute('aria-label') ?? e.textContent ?? '', box: box(e) })),
        };
        return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, box: box(root), entries, others, threshold, viewport: { width: innerWidth, height: innerHeight } };
      });
      expect(legend.scrollWidth, `${when}: scrolls sideways`).toBeLessThanOrEqual(legend.clientWidth);
      // The ramp, 12 markers and 3 ⓘ.
      expect(legend.entries, when).toHaveLength(16);
      for (const { name, box, clip, seen } of legend.entries) {
        const which = `${when}: ${name}`;
        expect(box.width, which).toBeGreaterThan(0);
        expect(box.left, which).toBeGreaterThanOrEqual(Math.max(legend.box.left, clip.left, 0) - 1);
        expect(box.right, which).toBeLessThanOrEqual(Math.min(legend.box.right, clip.right, legend.viewport.width) + 1);
        expect(box.top, which).toBeGreaterThanOrEqual(Math.max(legend.box.top, clip.top, 0) - 1);
        expect(box.bottom, which).toBeLessThanOrEqual(Math.min(legend.box.bottom, clip.bottom, legend.viewport.height) + 1);
        expect(seen, `${which} is covered`).toBe(true);
      }
      // The threshold's label at least 4 px clear of every other entry ('distressed below 0.664',
      // wider than the ramp, ran over the lonely marker's place, its box less than a pixel from it).
      const label = legend.threshold.box;
      expect(legend.threshold.others, when).toHaveLength(15 + 3);
      for (const other of legend.threshold.others) {
        const gap = Math.max(other.box.left - label.right, label.left - other.box.right, other.box.top - label.bottom, label.top - other.box.bottom);
        expect(gap, `${when}: the threshold’s label to ${other.name}`).toBeGreaterThanOrEqual(4);
      }
      // Taller when it wraps, but over none of the networks, the charts or the panel.
      const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
      for (const other of legend.others) expect(overlap(legend.box, other.box), `${when}: the legend over ${other.name}`).toBe(false);
    };
    await shows('with the person’s panel');
    await closePanel(page);
    await shows('without it');
  });

  it.each([
    { width: 1280, height: 720 },
    { width: 1366, height: 768 },
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ])('should show the whole network legend above the fold in presenter mode, beside a followed person’s panel and without it ($width×$height)', async (viewport) => {
    const page = await openFollowing('?persons=500&day=100&person=3&presenter=1', viewport);
    const shows = async (when: string) => {
      await nextFrames(page);
      const seen = await page.evaluate(() => {
        const root = document.querySelector('.stage > .legend') as HTMLElement;
        const box = (e: Element) => e.getBoundingClientRect().toJSON() as DOMRect;
        // Not scrolled: what a class sees when the panel opens, or closes.
        const entries = [...root.querySelectorAll('svg > g, .explain')].map((e) => {
          const r = box(e);
          const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
          return { name: e.getAttribute('aria-label') ?? e.textContent ?? '', box: r, seen: hit !== null && root.contains(hit) };
        });
        return {
          scrollY,
          legend: box(root),
          entries,
          controls: box(document.querySelector('.controls') as Element).bottom,
          canvases: [...document.querySelectorAll('canvas.network')].map((c) => box(c).height),
          viewport: { height: innerHeight },
        };
      });
      expect(seen.scrollY, when).toBe(0);
      expect(seen.entries, when).toHaveLength(16);
      // The legend whole in the window below the controls: at 1280×720 its second line ended at
      // 767 px beside the panel, 47 below the fold (1366×768: 793; 1280×800: 810), and without
      // the panel, below the column of charts, its one line at 759.
      expect(seen.legend.top, when).toBeGreaterThanOrEqual(seen.controls);
      expect(seen.legend.bottom, when).toBeLessThanOrEqual(seen.viewport.height);
      for (const entry of seen.entries) {
        expect(entry.box.bottom, `${when}: ${entry.name}`).toBeLessThanOrEqual(seen.viewport.height);
        expect(entry.seen, `${when}: ${entry.name} is not in view`).toBe(true);
      }
      // The networks above it still large (389 px high at 1280×720 before, 334 now).
      for (const height of seen.canvases) expect(height, when).toBeGreaterThanOrEqual(300);
    };
    await shows('beside the person’s panel');
    await closePanel(page);
    await shows('without it');
  });

  it.each([
    { width: 1280, height: 720 },
    // Between the two: the tagline took the top bar to two lines (the controls 141 px, 105 elsewhere).
    { width: 1440, height: 900 },
    { width: 1920, height: 1080 },
  ])('should keep presenter mode legible and unclipped ($width×$height)', async (viewport) => {
    const page = await open('?scenario=social-workers-mutual-aid&persons=500&day=130&presenter=1', viewport);
    await page.waitForFunction(() => document.querySelector('.metrics-chart .estimate') !== null);
    const problems = await page.evaluate(() => {
      const found: string[] = [];
      const rect = (e: Element) => e.getBoundingClientRect();
      const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
      // The top bar on one line.
      const bar = [...document.querySelectorAll('.topbar > *')].map(rect).filter((r) => r.height > 0);
      if (Math.max(...bar.map((r) => r.top)) >= Math.min(...bar.map((r) => r.bottom))) found.push('the top bar wraps');
      if (new Set([...document.querySelectorAll('.lever-control')].map((e) => rect(e).top)).size > 1) found.push('the levers wrap');
      // Text in the charts: inside its chart, tick labels apart, the y label clear of them.
      for (const svg of document.querySelectorAll('.stage svg:not(.info-glyph)')) {
        const box = rect(svg);
        const name = svg.closest('figure')?.className ?? svg.getAttribute('class') ?? 'svg';
        for (const t of svg.querySelectorAll('text')) {
          const r = rect(t);
          if (r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1)) found.push(`${name}: “${t.textContent}” is cut at the edge`);
        }
        const ticks = [...svg.querySelectorAll('.tick text, .y-label')];
        ticks.forEach((a, i) => ticks.slice(i + 1).forEach((b) => overlap(rect(a), rect(b)) && found.push(`${name}: “${a.textContent}” overlaps “${b.textContent}”`)));
      }
      // The type of the levers grows with the rest; a chart is above the fold.
      const lever = parseFloat(getComputedStyle(document.querySelector('.lever') as Element).fontSize);
      if (lever < 14) found.push(`lever labels are ${lever}px`);
      if (rect(document.querySelector('.wellbeing-chart > svg') as Element).top > innerHeight) found.push('no chart above the fold');
      // The two support charts side by side, their plots level whatever their titles.
      const [a, b] = [...document.querySelectorAll('.flows-chart > svg')].map((s) => rect(s).top);
      if (a !== b) found.push(`the support charts start at ${a} and ${b}`);
      return found;
    });
    expect(problems).toEqual([]);
  });

  it.each([
    { width: 1280, height: 720, presenter: true },
    { width: 1280, height: 720, presenter: false },
    { width: 1920, height: 1080, presenter: true },
  ])('should set the resilience chart’s tick labels apart ($width×$height, presenter $presenter)', async ({ presenter, ...viewport }) => {
    // On day 130 the differences run from about −0.02 to 0: labels as wide as any.
    const page = await open(`?persons=500&day=130${presenter ? '&presenter=1' : ''}`, viewport);
    await page.waitForFunction(() => document.querySelector('.metrics-chart .difference-panel .estimate') !== null);
    const em = Number(await page.$eval('.metrics-chart > svg', (s) => s.getAttribute('font-size')));
    expect(em).toBeGreaterThanOrEqual(11);
    for (const panel of ['difference-panel', 'arms-panel']) {
      const labels = await page.$$eval(`.metrics-chart .${panel} .tick text`, (ts) =>
        ts
          .map((t) => ({ text: t.textContent, box: t.getBoundingClientRect().toJSON() as DOMRect }))
          .sort((a, b) => a.box.left - b.box.left),
      );
      expect(labels.length, panel).toBeGreaterThanOrEqual(2);
      // On one line, each label at least half an em clear of the next.
      for (let k = 1; k < labels.length; k++) {
        const [a, b] = [labels[k - 1], labels[k]];
        expect(b.box.top, `${panel}: “${a.text}”, “${b.text}”`).toBeCloseTo(a.box.top, 0);
        expect(b.box.left - a.box.right, `${panel}: “${a.text}” to “${b.text}”`).toBeGreaterThanOrEqual(em / 2);
      }
    }
  });

  it.each([
    { width: 1280, height: 720, presenter: true },
    { width: 1920, height: 1080, presenter: true },
    { width: 1280, height: 720, presenter: false },
  ])('should keep the levers in one row, none moving, when a lever is moved ($width×$height, presenter $presenter)', async ({ presenter, ...viewport }) => {
    const page = await open(presenter ? '?presenter=1' : '', viewport);
    const levers = () =>
      page.evaluate(() => {
        const row = document.querySelector('.levers') as HTMLElement;
        const style = getComputedStyle(row);
        const boxes = [...row.querySelectorAll('.lever-control')].map((e) => e.getBoundingClientRect());
        const edges = ['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth'] as const;
        return {
          height: row.getBoundingClientRect().height,
          // One row: the tallest lever and the row's padding and borders.
          oneRow: Math.max(...boxes.map((b) => b.height)) + edges.reduce((sum, k) => sum + parseFloat(style[k]), 0),
          tops: boxes.map((b) => b.top),
          lefts: boxes.map((b) => b.left),
        };
      });
    const before = await levers();
    expect(before.height).toBeCloseTo(before.oneRow, 1);
    expect(new Set(before.tops).size).toBe(1);
    await expect(page.isVisible('#lever-cut ~ .lever-reset')).resolves.toBe(false);
    // Moved to its widest value: its reset shows and its value turns bold.
    await page.fill('#lever-cut', '1');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('cut') === '1');
    await waitReady(page);
    await expect(page.isVisible('#lever-cut ~ .lever-reset')).resolves.toBe(true);
    await expect(page.textContent('#lever-cut ~ output')).resolves.toBe('100%');
    expect(await levers()).toEqual(before);
  });

  it('should export a chart with its title and subgroup, in files that name the subgroup', async () => {
    const page = await open('?persons=300&day=30&subgroup=older');
    const tool = (label: string) => `.wellbeing-chart .chart-tools button:text-is("${label}")`;
    const svg = await downloads(page, [tool('SVG')], 1);
    expect([...svg.keys()]).toEqual(['covid-lockdown-wellbeing-older.svg']);
    expect(svg.get('covid-lockdown-wellbeing-older.svg')).toContain('<title>Mean wellbeing — older</title>');
    expect(svg.get('covid-lockdown-wellbeing-older.svg')).toMatch(/<text[^>]*>Mean wellbeing — older<\/text>/);
    const csv = (await downloads(page, [tool('CSV')], 1)).get('covid-lockdown-wellbeing-older.csv') as string;
    const [header, first] = csv.split('\r\n');
    expect(header).toBe('chart,subgroup,day,no-online-shg,online-shg,no-online-shg 10–90% low,no-online-shg 10–90% high,online-shg 10–90% low,online-shg 10–90% high');
    expect(first).toMatch(/^Mean wellbeing — older,older,0,0\.\d+/);
    expect([...(await downloads(page, [tool('PNG')], 1)).keys()]).toEqual(['covid-lockdown-wellbeing-older.png']);
    // The title's size to the chart's type: 13 to 11.
    const main = typeSizes(svg.get('covid-lockdown-wellbeing-older.svg') as string);
    expect(main).toEqual({ text: 11, title: 13 });
    // In presenter mode at 1280×720 the person's panel draws its charts in 14 px, smaller than the
    // main charts' 16: an exported panel chart's title is to its type as a main chart's is to its
    // own (19 to 16), where it was the main charts' 19 px over 14 px text.
    const presenter = await open('?persons=300&day=30&subgroup=older&person=3&presenter=1', { width: 1280, height: 720 });
    await panelDrawn(presenter);
    const files = await downloads(presenter, [tool('SVG'), '.person-panel figure.chart:nth-of-type(2) .chart-tools button:text-is("SVG")'], 2);
    const big = typeSizes(files.get('covid-lockdown-wellbeing-older.svg') as string);
    expect(big).toEqual({ text: 16, title: 19 });
    const panel = files.get('person-3-received.svg') as string;
    expect(panel).toContain('<title>Support received per function</title>');
    const small = typeSizes(panel);
    expect(small.text).toBe(14);
    expect(small.title / small.text).toBeCloseTo(big.title / big.text, 2);
  });

  it.each([
    { presenter: true, panel: true },
    { presenter: true, panel: false },
    { presenter: false, panel: true },
    { presenter: false, panel: false },
  ])('should draw an exported chart’s whole title and legend within its width, at its narrowest (1280×720, presenter $presenter, panel $panel)', async ({ presenter, panel }) => {
    const query = `?persons=500&day=100${panel ? '&person=3' : ''}${presenter ? '&presenter=1' : ''}`;
    const page = panel ? await openFollowing(query, { width: 1280, height: 720 }) : await open(query, { width: 1280, height: 720 });
    await page.waitForFunction(() => document.querySelector('.metrics-chart .estimate') !== null);
    await nextFrames(page);
    const charts = ['.wellbeing-chart', '.prevalence-chart', '.flows.a .flows-chart', '.flows.b .flows-chart', '.metrics-chart'];
    if (panel) charts.push('.person-panel figure.chart:nth-of-type(1)', '.person-panel figure.chart:nth-of-type(2)');
    const svg = (chart: string) => `${chart} .chart-tools button:text-is("SVG")`;
    const files = await downloads(page, charts.map(svg), charts.length);
    const drawn = await exportedCharts(page, [...files.values()]);
    expect(drawn).toHaveLength(charts.length);
    for (const chart of drawn) {
      const which = `${chart.title} (${chart.width} px)`;
      // The whole title, in the lines it takes: presenter mode's 'Support received per function'
      // (281.6 px) ran past the panel's 236 px chart, 'Support received by no-online-shg, by
      // source' (488.2 px) past the support charts' 354, 'Distress and loneliness — everyone'
      // (380.4 px) past the prevalence chart's 365.
      expect(chart.lines.map((l) => l.text).join(' '), which).toBe(chart.title);
      for (const line of chart.lines) {
        expect(line.left, `${which}: ${line.text}`).toBeGreaterThanOrEqual(0);
        expect(line.right, `${which}: ${line.text}`).toBeLessThanOrEqual(chart.width);
        expect(line.bottom, `${which}: ${line.text}`).toBeLessThanOrEqual(chart.band);
      }
      // In its type, in proportion to the chart's (19 to 16, 13 to 11): not shrunk to fit.
      expect(chart.titleSize / chart.type, which).toBeCloseTo(presenter ? 19 / 16 : 13 / 11, 2);
      // The legend's entries, and every text of the chart, within its width.
      expect(chart.legend.length, which).toBeGreaterThan(0);
      for (const t of [...chart.legend, ...chart.texts]) {
        expect(t.left, `${which}: ${t.text}`).toBeGreaterThanOrEqual(-0.5);
        expect(t.right, `${which}: ${t.text}`).toBeLessThanOrEqual(chart.width + 0.5);
      }
    }
    if (!(presenter && panel)) return;
    // The panel's charts side by side: the PNG, the SVG drawn twice as large, shows the title's two
    // lines, its ink clear of the right-hand edge (it ran off it).
    const received = drawn.find((c) => c.title === 'Support received per function');
    expect(received?.lines).toHaveLength(2);
    const png = (await downloads(page, ['.person-panel figure.chart:nth-of-type(2) .chart-tools button:text-is("PNG")'], 1, 'base64')).get('person-3-received.png') as string;
    const ink = await page.evaluate(
      async ({ png, band }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${png}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        [canvas.width, canvas.height] = [image.width, image.height];
        const context = canvas.getContext('2d') as CanvasRenderingContext2D;
        context.drawImage(image, 0, 0);
        // Dark pixels in the title's band, by column.
        const pixels = context.getImageData(0, 0, image.width, 2 * band).data;
        const columns = new Array<number>(image.width).fill(0);
        for (let i = 0; i < pixels.length; i += 4) if (pixels[i] + pixels[i + 1] + pixels[i + 2] < 384) columns[(i / 4) % image.width]++;
        return { width: image.width, height: image.height, right: columns.findLastIndex((n) => n > 0) };
      },
      { png, band: received?.band ?? 0 },
    );
    expect(ink.width).toBe(2 * (received?.width ?? 0));
    expect(ink.right).toBeGreaterThan(0);
    expect(ink.right).toBeLessThan(ink.width - 4);
  });

  // Served with the isolation headers (vite.config.ts) the engine runs the WebAssembly twins, as
  // kith run does. Served as a plain static host serves it, it runs them where the browser still
  // gives shared WebAssembly memory (Chromium does), else the JavaScript kernels: the same files.
  it.each([
    { host: 'with the cross-origin isolation headers', base: () => inject('baseUrl'), isolated: true, kernels: ['webassembly'] },
    { host: 'as a plain static host serves it', base: () => inject('plainUrl'), isolated: false, kernels: ['webassembly', 'javascript'] },
  ])('should export the CSVs kith run writes for the same scenario, seed and settings (served $host)', async ({ base, isolated, kernels }) => {
    const page = await open('?persons=300&seed=3&cut=0.5&older=0.3', undefined, false, base());
    const engine = await page.evaluate(() => ({ isolated: crossOriginIsolated, kernels: document.body.dataset.kernels ?? '' }));
    expect(engine.isolated).toBe(isolated);
    expect(kernels).toContain(engine.kernels);
    const files = await downloads(page, ['.export-menu summary', '#export-tables'], 4);
    const out = join(temp(), 'run');
    kith(['run', 'scenarios/covid-lockdown.json', '--arms', 'no-online-shg,online-shg', '--replicates', '1', '--seed', '3', '--persons', '300', '--set', 'lockdown.faceToFaceCut=0.5', '--set', 'population.digital.older=0.3', '--out', out]);
    for (const name of TABLES) expect(files.get(name), name).toBe(readFileSync(join(out, name), 'utf8'));
  });

  // In covid-lockdown the online-shg arm opens its platform with its lockdown on day 90: a live
  // lockdown on day 11 opens it on day 11, and the exported scenario must say so.
  it.each([
    { scenario: 'baseline', arm: 'shg', timeline: [{ type: 'lockdown', day: 11 }, { type: 'reopening', day: 13 }] },
    {
      scenario: 'covid-lockdown',
      arm: 'online-shg',
      timeline: [
        { type: 'lockdown', day: 11 },
        { type: 'platform', day: 11, open: true },
        { type: 'reopening', day: 13 },
        { type: 'lockdown', day: 90 },
        { type: 'platform', day: 90, open: true },
        { type: 'reopening', day: 160 },
      ],
    },
  ])('should export a scenario with which kith run reproduces a live Lockdown now and Reopen now ($scenario)', async ({ scenario: name, arm, timeline }) => {
    const page = await open(`?scenario=${name}&persons=300&seed=2&day=10`);
    await page.click('#lockdown-now');
    await waitDay(page, 11);
    await page.click('#step');
    await waitDay(page, 12);
    await page.click('#reopen-now');
    await waitDay(page, 13);
    const scenario = await downloads(page, ['.export-menu summary', '#export-scenario'], 1);
    const text = scenario.get(`${name}-viewer.json`) as string;
    expect(JSON.parse(text).arms[arm].timeline).toEqual(timeline);
    const tables = await downloads(page, ['.export-menu summary', '#export-tables'], 4);
    const dir = temp();
    writeFileSync(join(dir, `${name}-viewer.json`), text);
    kith(['run', join(dir, `${name}-viewer.json`), '--replicates', '1', '--seed', '2', '--out', join(dir, 'run')]);
    for (const fileName of TABLES) expect(tables.get(fileName), fileName).toBe(readFileSync(join(dir, 'run', fileName), 'utf8'));
  });

  it('should drop its note on a lever the arms compare once other arms are chosen', async () => {
    const page = await open('?scenario=digital-divide&persons=300&older=0.5');
    await expect(page.textContent('.status')).resolves.toMatch(/^Older people online: no-platform and older-online-90 differ in this setting \(60% and 90%\)/);
    // Two arms that set it alike: the note spoke of the arms no longer shown, until a Reset.
    await page.selectOption('#arm-b', 'older-online-60');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('b') === 'older-online-60');
    await waitReady(page);
    await expect(page.isHidden('.status')).resolves.toBe(true);
  });

  it('should follow a person chosen from the keyboard, by number, in a field Tab reaches over the network', async () => {
    const page = await open('?persons=300&day=20');
    const finder = '.arm-panel.a .person-finder';
    const hidden = () => page.$eval(finder, (f) => getComputedStyle(f).clipPath !== 'none');
    // Out of sight until reached: a person could be followed only by a click on the canvas.
    await expect(hidden()).resolves.toBe(true);
    await page.focus('.arm-panel.a header .tool');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('follow-a');
    await expect(hidden()).resolves.toBe(false);
    const box = await page.$eval(finder, (f) => {
      const r = f.getBoundingClientRect();
      const canvas = (document.getElementById('network-a') as HTMLCanvasElement).getBoundingClientRect();
      return { inside: r.left >= canvas.left && r.top >= canvas.top && r.right <= canvas.right, width: r.width };
    });
    expect(box.inside).toBe(true);
    expect(box.width).toBeGreaterThan(100);
    await expect(page.getAttribute('#follow-a', 'max')).resolves.toBe('299');
    await page.keyboard.type('17');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.person-panel:not([hidden])');
    expect(new URL(page.url()).searchParams.get('person')).toBe('17');
    // Out of the field, hidden again, and the shortcuts answer.
    await expect(hidden()).resolves.toBe(true);
    await page.keyboard.press('ArrowRight');
    await waitDay(page, 21);
  });

  it('should say so when the address follows a person who is not among the persons, and follow no one', async () => {
    const page = await open('?persons=300&person=450');
    await expect(page.textContent('.status')).resolves.toContain('Person 450 is not among the 300 persons (0 to 299); no one is followed.');
    // The address kept person=450 and drew no panel: a link that said it followed someone.
    expect(new URL(page.url()).searchParams.has('person')).toBe(false);
    await expect(page.isVisible('.person-panel')).resolves.toBe(false);
  });

  it('should show a scenario name from the address as text and run nothing', async () => {
    const name = '<img src=x onerror=alert(1)>';
    const page = await open(`?scenario=${encodeURIComponent(name)}&a=${encodeURIComponent('<b>x</b>')}&b=y`);
    await expect(page.textContent('.status')).resolves.toContain(`There is no scenario “${name}”`);
    expect(await page.$$('img')).toHaveLength(0);
    expect(await page.$$('.status b')).toHaveLength(0);
    await expect(page.textContent('.arm-panel.a h2')).resolves.toBe('no-online-shg');
  });

  it('should plot the effects of a folder kith run wrote', async () => {
    const page = await open('?persons=300');
    const liveColour = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--arm-b').trim());
    const out = join(temp(), 'covid');
    kith(['run', 'scenarios/covid-lockdown.json', '--replicates', '3', '--persons', '200', '--out', out]);
    await page.click('.results-menu summary');
    await page.setInputFiles('#open-folder', out);
    await page.waitForSelector('#results:not([hidden])');
    const marks = await page.$$eval('.results-metrics .difference-panel .estimate', (gs) => gs.map((g) => ({ arm: g.getAttribute('data-arm'), subgroup: g.getAttribute('data-subgroup'), value: Number(g.getAttribute('data-value')) })));
    expect(new Set(marks.map((m) => m.arm))).toEqual(new Set(['no-lockdown', 'online-shg']));
    const effects = readFileSync(join(out, 'effects.csv'), 'utf8').split('\r\n').map((l) => l.split(','));
    const row = effects.find((r) => r[1] === 'online-shg' && r[3] === 'everyone' && r[4] === 'depth') as string[];
    expect(marks.find((m) => m.arm === 'online-shg' && m.subgroup === 'everyone')?.value).toBe(Number(row[6]));
    expect(await page.$$('#results rect.crisis-window')).toHaveLength(2);
    // online-shg in the colour it had in the live view's right panel.
    expect(await page.$eval('.results-metrics .estimate[data-arm="online-shg"] circle', (c) => c.getAttribute('fill'))).toBe(liveColour);
    expect(readdirSync(out)).toContain('effects.csv');
  });

  it('should show a results folder uncovered by the followed person’s panel, and the live view again when a live control is used', async () => {
    const page = await openFollowing('?persons=300&day=20&person=3');
    const out = join(temp(), 'covid');
    kith(['run', 'scenarios/covid-lockdown.json', '--replicates', '2', '--persons', '200', '--out', out]);
    const openResults = async () => {
      await page.click('.results-menu summary');
      await page.setInputFiles('#open-folder', out);
      await page.waitForSelector('#results:not([hidden])');
    };
    // First a folder with nothing kith run writes: said, and said no more once a good one is read.
    const junk = temp();
    writeFileSync(join(junk, 'notes.csv'), 'a,b\n');
    await page.click('.results-menu summary');
    await page.setInputFiles('#open-folder', junk);
    await expect(page.textContent('.status')).resolves.toContain('expected summary.csv or effects.csv');
    await openResults();
    await expect(page.isHidden('.status')).resolves.toBe(true);
    // The panel covered the results' charts on the right.
    await expect(page.isVisible('.person-panel')).resolves.toBe(false);
    // Space plays the live view, now in sight, where it played it hidden behind the results.
    await page.keyboard.press(' ');
    await page.waitForFunction(() => window.__kith?.playing === true);
    await expect(page.isVisible('#results')).resolves.toBe(false);
    await expect(page.isVisible('#live')).resolves.toBe(true);
    await expect(page.isVisible('.person-panel')).resolves.toBe(true);
    await page.keyboard.press(' ');
    await page.waitForFunction(() => window.__kith?.playing === false);
    // Esc goes back to the live view, the person still followed.
    await openResults();
    await page.keyboard.press('Escape');
    await expect(page.isVisible('#live')).resolves.toBe(true);
    await expect(page.isVisible('.person-panel')).resolves.toBe(true);
    expect(new URL(page.url()).searchParams.get('person')).toBe('3');
  });
});
