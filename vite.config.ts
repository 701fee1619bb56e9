import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Property tests and the seeded directional check run whole simulations.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
