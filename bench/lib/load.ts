/** A closed-loop load generator on fetch: `concurrency` clients, each sending its next request as soon as the last one answered. */
import { pct } from "./report.ts";

export interface LoadResult {
  concurrency: number;
  requests: number;
  errors: number;
  firstError?: string;
  wallMs: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  latencies: number[];
  /** Bytes of the last response body (a sanity check that pages are full). */
  bodyBytes: number;
}

export async function closedLoop(opts: { url: string; key: string; concurrency: number; requests: number; warmup: number; path: (i: number) => string }): Promise<LoadResult> {
  const headers = { authorization: `Bearer ${opts.key}` };
  let errors = 0;
  let firstError: string | undefined;
  let bodyBytes = 0;
  const run = async (total: number, offset: number, record: number[] | null): Promise<number> => {
    let next = 0;
    const t0 = performance.now();
    const client = async (): Promise<void> => {
      for (;;) {
        const i = next++;
        if (i >= total) return;
        const start = performance.now();
        try {
          const res = await fetch(opts.url + opts.path(offset + i), { headers });
          const body = await res.arrayBuffer();
          if (!res.ok) {
            errors++;
            firstError ??= `${res.status} ${new TextDecoder().decode(body).slice(0, 300)}`;
          } else bodyBytes = body.byteLength;
        } catch (err) {
          errors++;
          firstError ??= String(err);
        }
        record?.push(performance.now() - start);
      }
    };
    await Promise.all(Array.from({ length: Math.min(opts.concurrency, total) }, () => client()));
    return performance.now() - t0;
  };
  await run(opts.warmup, 0, null);
  errors = 0;
  const latencies: number[] = [];
  const wallMs = await run(opts.requests, opts.warmup, latencies);
  return {
    concurrency: opts.concurrency,
    requests: opts.requests,
    errors,
    ...(firstError === undefined ? {} : { firstError }),
    wallMs,
    rps: (opts.requests / wallMs) * 1000,
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    p99: pct(latencies, 99),
    max: Math.max(...latencies),
    latencies,
    bodyBytes,
  };
}
