/**
 * Debian's Chromium, headless, driven by playwright-core — never a downloaded browser. Each page
 * records console errors, uncaught exceptions and dialogs, so a test can assert there were none.
 */
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.KITH_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface Watched {
  page: Page;
  /** Console errors and uncaught exceptions, in order. */
  errors: string[];
  /** Messages of any alert, confirm or prompt the page opened (each is dismissed). */
  dialogs: string[];
}

/** `touch`: a touch screen, which has no hover (CSS `(hover: none)`). */
export async function openPage(browser: Browser, url: string, viewport = { width: 1280, height: 800 }, touch = false): Promise<Watched> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, hasTouch: touch });
  const page = await context.newPage();
  const watched: Watched = { page, errors: [], dialogs: [] };
  page.on('console', (m) => m.type() === 'error' && watched.errors.push(m.text()));
  page.on('pageerror', (e) => watched.errors.push(e.message));
  page.on('dialog', (d) => {
    watched.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url);
  await waitReady(page);
  return watched;
}

/** Until the comparison is built and drawn. */
export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__kith?.ready === true && window.__kith.frames > 0, null, { timeout: 90_000 });
}

/** The day the panels show. */
export function day(page: Page): Promise<number> {
  return page.evaluate(() => window.__kith?.day ?? -1);
}

/** Until the page shows `day` (after a step, a seek or a live click). */
export async function waitDay(page: Page, target: number): Promise<void> {
  await page.waitForFunction((d) => window.__kith?.day === d, target, { timeout: 60_000 });
}
