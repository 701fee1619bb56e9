/**
 * The browser tests: the built viewer served on localhost, driven in Debian's headless Chromium by
 * playwright-core. Kept apart from `npm test`; run with `npm run test:e2e`.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/setup.ts'],
    // One browser at a time: the machine's cores run the simulations too.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
