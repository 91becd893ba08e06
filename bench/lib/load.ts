/** HTTP load with autocannon against one URL, latency percentiles computed from every response. */
import autocannon from 'autocannon';
import type { Result } from 'autocannon';

export interface LoadOptions {
  url: string;
  headers: Record<string, string>;
  connections: number;
  warmupSeconds: number;
  seconds: number;
}

export interface LoadResult {
  path: string;
  /** Completed requests per second over the measured window (autocannon's per-second mean). */
  requestsPerSecond: number;
  /** Over every response of the measured window, whatever its status. */
  latencyMs: { p50: number; p95: number; p99: number; mean: number; max: number };
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

function run(
  o: LoadOptions,
  seconds: number,
  onResponse?: (status: number, ms: number) => void,
): Promise<Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: o.url,
        headers: o.headers,
        connections: o.connections,
        duration: seconds,
        pipelining: 1,
        timeout: 10,
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    if (onResponse) instance.on('response', (_c, status, _b, ms) => onResponse(status, ms));
  });
}

/** Nearest-rank percentile of ascending `sorted`. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Warms up (results discarded), then measures for `seconds`. */
export async function measure(o: LoadOptions): Promise<LoadResult> {
  if (o.warmupSeconds > 0) await run(o, o.warmupSeconds);
  const latencies: number[] = [];
  const result = await run(o, o.seconds, (_status, ms) => latencies.push(ms));
  latencies.sort((a, b) => a - b);
  const sum = latencies.reduce((a, b) => a + b, 0);
  return {
    path: new URL(o.url).pathname + new URL(o.url).search,
    requestsPerSecond: round(result.requests.average, 1),
    latencyMs: {
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      p99: round(percentile(latencies, 99)),
      mean: round(latencies.length ? sum / latencies.length : Number.NaN),
      max: round(latencies[latencies.length - 1] ?? Number.NaN),
    },
    requests: latencies.length,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
