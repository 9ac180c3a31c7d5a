import { defineConfig } from 'vitest/config';

// `npm run bench`: each group measures Seatdesk's way against a baseline in the same run;
// vitest prints the figures and the ratio ("x times faster than").
export default defineConfig({
  test: {
    environment: 'node',
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
