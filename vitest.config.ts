import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // CLI tests spawn the built binary; two workers match the two-core machines.
    maxWorkers: 2,
  },
});
