/** Latency summary for benchmark tables (milliseconds, 3 decimals). */
export function summarize(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    n: sorted.length,
    'p50 ms': round(at(0.5)),
    'p99 ms': round(at(0.99)),
    'max ms': round(sorted[sorted.length - 1] ?? Number.NaN),
    'mean ms': round(sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1)),
  };
}
