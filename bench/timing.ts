// Timing helpers shared by the benchmarks run with node (bench/tickets.ts, bench/audit-review.ts).

/** Milliseconds since `start` (a `process.hrtime.bigint()` reading). */
export function elapsedMilliseconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The sample at `share` (0.5 for p50, 0.99 for p99), nearest-rank. */
export function percentile(samples: readonly number[], share: number): number {
  const sorted = [...samples].sort((first, second) => first - second);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

/** Milliseconds with three decimals, as the benchmark tables print them. */
export const formatMilliseconds = (milliseconds: number) => `${milliseconds.toFixed(3)} ms`;
