import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Generous: the suite runs on shared, loaded machines; a test is slow there, not wrong. Nothing asserts on time.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
