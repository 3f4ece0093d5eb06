/** Starts bench/lib/serve.ts as its own process (as `npm start` would run) and talks to it. */
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const OPERATOR_KEY = "wtop_bench_operator_key_0123456789abcdef";
const SERVE = join(dirname(fileURLToPath(import.meta.url)), "serve.ts");

export interface BenchServer {
  url: string;
  pid: number;
  memory(): Promise<{ rss: number; peak: number }>;
  /** Resets the peak RSS to the current RSS; returns both. */
  resetPeak(): Promise<{ reset: boolean; rss: number; peak: number }>;
  /** Waits until the job queue is empty: how many jobs were pending and how long it took. */
  drain(): Promise<{ pending: number; ms: number }>;
  pendingJobs(): Promise<number>;
  checkpoint(): Promise<void>;
  stop(): Promise<void>;
}

/** `cpuProfDir` runs the server with --cpu-prof (the profile is written when it stops). */
export async function startServer(dbFile: string, opts: { cpuProfDir?: string } = {}): Promise<BenchServer> {
  const args = [...(opts.cpuProfDir ? ["--cpu-prof", "--cpu-prof-dir", opts.cpuProfDir] : []), SERVE];
  const child = spawn(process.execPath, args, { env: { ...process.env, BENCH_DB: dbFile, BENCH_OPERATOR_KEY: OPERATOR_KEY }, stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve, reject) => {
    let buffer = "";
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const m = /port (\d+)/.exec(buffer);
      if (m) resolve(Number(m[1]));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const call = async <T>(method: string, path: string): Promise<T> => (await (await fetch(url + path, { method })).json()) as T;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    url,
    pid: child.pid ?? -1,
    memory: () => call("GET", "/__bench/memory"),
    resetPeak: () => call("POST", "/__bench/reset-peak"),
    drain: () => call("POST", "/__bench/drain"),
    pendingJobs: async () => (await call<{ pending: number }>("GET", "/__bench/jobs")).pending,
    checkpoint: async () => {
      await call("POST", "/__bench/checkpoint");
    },
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** A JSON API call with a bearer key; throws with the problem body on a non-2xx answer. */
export async function api<T>(url: string, key: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const init: RequestInit = { method, headers: { authorization: `Bearer ${key}`, ...headers } };
  if (body !== undefined) {
    init.body = body instanceof Uint8Array ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)["content-type"] ??= "application/json";
  }
  const res = await fetch(url + path, init);
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}
