import { defineConfig } from 'vitest/config';

/**
 * Cross-origin isolation: with these headers every browser gives the page shared memory, so the
 * engine's worker runs the kernels' WebAssembly twins, as `kith run` does (a year of 5,000 persons
 * in about a third of the time). A static host that cannot send them still serves a working
 * viewer: on the twins where the browser gives shared WebAssembly memory anyway (Chromium does),
 * else on the JavaScript kernels, which give the same bits.
 */
const ISOLATION_HEADERS = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

export default defineConfig({
  // The viewer (index.html → viz/main.ts) builds to a static site in dist/ that works from any
  // folder of any static host: relative asset paths, nothing fetched from elsewhere.
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1024,
  },
  worker: { format: 'es' },
  server: { port: 5173, headers: ISOLATION_HEADERS },
  preview: { port: 4173, headers: ISOLATION_HEADERS },
  test: {
    include: ['test/**/*.test.ts'],
    // The command-line tests run the compiled `kith`, as `npx kith` does.
    globalSetup: ['test/setup/build.ts'],
    // fast-check's seed: from FC_SEED, or in CI from the commit (test/setup/properties.ts).
    setupFiles: ['test/setup/properties.ts'],
    // Property tests and the seeded directional check run whole simulations.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
