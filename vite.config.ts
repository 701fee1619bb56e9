import { defineConfig } from 'vitest/config';

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
  server: { port: 5173 },
  preview: { port: 4173 },
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
