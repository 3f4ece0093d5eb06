/** Timing and memory helpers for the benchmark: medians over runs, heap and peak-RSS deltas. */
import { performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

setFlagsFromString("--expose-gc");
const gcFn = runInNewContext("gc") as (() => void) | undefined;

/** Full garbage collection when available, so heap deltas measure what is retained. */
export function gc(): void {
  if (typeof gcFn === "function") gcFn();
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/**
 * Runs fn `runs` times; returns each wall-clock duration in ms, each process CPU time in ms
 * (steadier than wall time when other work shares the machine), and fn's last result.
 */
export function timeRuns<T>(runs: number, fn: (run: number) => T): { ms: number[]; cpu: number[]; result: T } {
  const ms: number[] = [];
  const cpu: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = fn(i);
    ms.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  if (result === undefined) throw new Error("no runs");
  return { ms, cpu, result };
}

/** "median wall (cpu median)" of a timeRuns result. */
export function wallCpu(r: { ms: number[]; cpu: number[] }): string {
  return `${fmt(median(r.ms))} (cpu ${fmt(median(r.cpu))})`;
}

export interface MemoryMark {
  heap: number;
  maxRss: number;
}

export function mark(): MemoryMark {
  gc();
  return { heap: process.memoryUsage().heapUsed, maxRss: process.resourceUsage().maxRSS * 1024 };
}

export const MB = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Heap retained since `before` and the process peak RSS now (peak is process-wide and monotonic). */
export function memorySince(before: MemoryMark): string {
  const now = mark();
  return `heap +${MB(now.heap - before.heap)}, peak RSS ${MB(now.maxRss)} (+${MB(now.maxRss - before.maxRss)})`;
}

export const fmt = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
