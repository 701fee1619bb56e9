/**
 * `npm run screenshot`: the README's picture of the viewer — the default view at 1280×800,
 * scrubbed to day 120 of covid-lockdown (a month into the lockdown) — taken in the same headless
 * Chromium the browser tests drive, from the built site.
 */
import { execFileSync } from 'node:child_process';
import { preview } from 'vite';
import { launch } from './browser.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const OUT = new URL('../../docs/viewer.png', import.meta.url).pathname;

execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
const server = await preview({ root: ROOT, logLevel: 'warn', preview: { port: 0, host: '127.0.0.1', open: false } });
const address = server.httpServer.address();
if (!address || typeof address === 'string') throw new Error('vite preview did not start');
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`http://127.0.0.1:${address.port}/?day=120`);
  await page.waitForFunction(() => window.__kith?.ready === true && window.__kith.day >= 120 && window.__kith.frames > 0, null, { timeout: 180_000 });
  await page.waitForTimeout(1000);
  await page.screenshot({ path: OUT });
  console.log(`wrote ${OUT}`);
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
