import { defineConfig } from 'vitest/config';

// Browser tests: the built renderer in Debian's Chromium against the real preview process.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
