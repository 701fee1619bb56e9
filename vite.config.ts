import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The command-line tests run the compiled `kith`, as `npx kith` does.
    globalSetup: ['test/setup/build.ts'],
    // Property tests and the seeded directional check run whole simulations.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
