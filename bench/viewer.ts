/**
 * `npm run bench:viewer`: the viewer playing in Debian's headless Chromium (as the browser tests
 * drive it), at fixed configurations, for 5 seconds each; prints frames drawn per second — both
 * network panels redrawn each frame — against the target of 30, and the days simulated meanwhile.
 * A benchmark, not a test: it always exits 0 once it has measured. Builds the viewer first unless
 * given --no-build.
 */
import { execFileSync } from 'node:child_process';
import { preview } from 'vite';
import { launch } from '../test/e2e/browser.ts';

interface Configuration {
  readonly name: string;
  readonly persons: number;
  /** Days a second. */
  readonly speed: number;
}

const CONFIGURATIONS: readonly Configuration[] = [
  { name: 'default', persons: 2000, speed: 10 },
  { name: 'fastest', persons: 2000, speed: 50 },
  { name: 'largest', persons: 5000, speed: 10 },
];
const SECONDS = 5;
const TARGET_FPS = 30;
const ROOT = new URL('..', import.meta.url).pathname;

if (!process.argv.includes('--no-build')) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
const server = await preview({ root: ROOT, logLevel: 'warn', preview: { port: 0, host: '127.0.0.1', open: false } });
const address = server.httpServer.address();
if (!address || typeof address === 'string') throw new Error('vite preview did not start');
const browser = await launch();

console.log(`Kith viewer, headless Chromium ${browser.version()}, 1280×800, ${SECONDS} s of play per configuration\n`);
console.log('configuration  persons  days/s asked  frames/s  frame p50 ms  frame p95 ms  days simulated  target');
try {
  for (const c of CONFIGURATIONS) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`http://127.0.0.1:${address.port}/?persons=${c.persons}&speed=${c.speed}`);
    await page.waitForFunction(() => window.__kith?.ready === true && window.__kith.frames > 0, null, { timeout: 120_000 });
    await page.waitForTimeout(500);
    const start = await page.evaluate(() => ({ frames: window.__kith?.frames ?? 0, day: window.__kith?.day ?? 0 }));
    await page.click('#play');
    // Frame intervals, from the page's own animation frames while it plays. (A string: tsx would
    // wrap a function's inner functions in a helper the page does not have.)
    const intervals = (await page.evaluate(`new Promise((resolve) => {
      const out = [];
      let last = performance.now();
      const end = last + ${SECONDS * 1000};
      requestAnimationFrame(function tick(now) {
        out.push(now - last);
        last = now;
        if (now < end) requestAnimationFrame(tick);
        else resolve(out);
      });
    })`)) as number[];
    const end = await page.evaluate(() => ({ frames: window.__kith?.frames ?? 0, day: window.__kith?.day ?? 0, playing: window.__kith?.playing ?? false }));
    const fps = (end.frames - start.frames) / SECONDS;
    const sorted = intervals.slice(1).sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
    const verdict = errors.length ? `ERROR: ${errors[0]}` : fps >= TARGET_FPS ? `meets ≥ ${TARGET_FPS}` : `BELOW ${TARGET_FPS}`;
    console.log(
      [
        c.name.padEnd(13),
        c.persons.toLocaleString('en').padStart(7),
        String(c.speed).padStart(13),
        fps.toFixed(1).padStart(9),
        at(0.5).toFixed(1).padStart(13),
        at(0.95).toFixed(1).padStart(13),
        `${end.day - start.day} (day ${end.day})`.padStart(15),
        ` ${verdict}`,
      ].join(' '),
    );
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
