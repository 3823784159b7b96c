/** Latency samples → percentiles, and a fixed-format line for RESULTS.md. */
export interface Stats {
  p50: number;
  p95: number;
  p99: number;
  n: number;
}

export function percentiles(samplesMs: number[]): Stats {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), n: sorted.length };
}

export async function sample(times: number, fn: () => Promise<unknown> | unknown): Promise<Stats> {
  for (let i = 0; i < Math.min(20, times); i += 1) await fn(); // warm caches and JIT first
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return percentiles(samples);
}

export const ms = (value: number) => `${value.toFixed(2)} ms`;
export const ratio = (value: number, baseline: number) => `${(value / baseline).toFixed(1)}×`;
