/**
 * The match endpoint on the Worker: `wrangler dev --local` with a local D1 (workerd + miniflare's
 * SQLite), loaded through the Worker's own import routes (talents CSV, then a catalog CSV), then
 * `GET /v1/demands/{id}/matches` and `GET /v1/talents/{id}/matches` at 1 and 8 clients.
 * The D1 state lives in a temporary directory (--persist-to), never in the repo's .wrangler.
 *
 * Run: `npx node bench/worker-api.ts`. Env: BENCH_WORKER_TALENTS (20000), BENCH_WORKER_DEMANDS (2000).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { csvBytes, syntheticCatalogGrid, talentGrid } from "./lib/files.ts";
import { closedLoop, type LoadResult } from "./lib/load.ts";
import { int, ms, Section } from "./lib/report.ts";
import { api, OPERATOR_KEY } from "./lib/server.ts";

const TALENTS = Number(process.env.BENCH_WORKER_TALENTS ?? 20_000);
const DEMANDS = Number(process.env.BENCH_WORKER_DEMANDS ?? 2000);
const FILE_ROWS = 5000;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const env = {
  ...process.env,
  PATH: `${join(ROOT, "node_modules/.bin")}:${process.env.PATH ?? ""}`,
  XDG_CONFIG_HOME: join(ROOT, ".xdg"),
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
};

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const addr = s.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });

async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/v1/me`);
      await res.arrayBuffer();
      return performance.now() - t0;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error("wrangler dev did not become ready");
}

/** Stops wrangler and everything it started (workerd): the whole process group we created. */
async function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once("exit", () => resolve())));
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    return;
  }
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
}

const line = (r: LoadResult): string =>
  `p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, p99 ${ms(r.p99)}; ${r.rps.toFixed(1)} req/s (${r.requests} requests${r.errors ? `, ${r.errors} ERRORS: ${r.firstError ?? ""}` : ""})`;

export async function benchWorker(section: Section): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "wutong-bench-d1-"));
  let child: ChildProcess | null = null;
  try {
    const t0 = performance.now();
    const migrate = spawnSync("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", dir], { cwd: ROOT, env, encoding: "utf8", input: "y\n" });
    if (migrate.status !== 0) throw new Error(`migrations failed: ${migrate.stderr || migrate.stdout}`);
    const migrateMs = performance.now() - t0;
    const port = await freePort();
    const inspector = await freePort();
    child = spawn(
      "wrangler",
      ["dev", "--local", "--persist-to", dir, "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(inspector), "--var", `WUTONG_OPERATOR_KEY:${OPERATOR_KEY}`, "--var", "LOG_LEVEL:error", "--show-interactive-dev-session=false"],
      { cwd: ROOT, env, detached: true, stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    child.stderr?.on("data", (c: Buffer) => {
      stderr = (stderr + c.toString()).slice(-4000);
    });
    const url = `http://127.0.0.1:${port}`;
    let readyMs: number;
    try {
      readyMs = await waitReady(url, child, 60_000);
    } catch (err) {
      throw new Error(`${String(err)}\n${stderr}`, { cause: err });
    }
    section.note(`D1 migrations applied in ${ms(migrateMs)}; wrangler dev --local ready in ${ms(readyMs)} (pid group ${child.pid ?? "?"})`);

    const t = await api<{ admin_key: { key: string } }>(url, OPERATOR_KEY, "POST", "/v1/tenants", { name: "基准D1", slug: "bench-d1", region_code: "1506" });
    const key = t.admin_key.key;
    let tl = performance.now();
    let created = 0;
    for (let from = 0; from < TALENTS; from += FILE_ROWS) {
      const rep = await api<{ created: number }>(url, key, "POST", "/v1/talents/imports", csvBytes(talentGrid(from, Math.min(FILE_ROWS, TALENTS - from))), { "content-type": "text/csv" });
      created += rep.created;
    }
    const talentMs = performance.now() - tl;
    const catalog = await api<{ id: string }>(url, key, "POST", "/v1/catalogs", { name: "基准目录D1", year: 2026 });
    tl = performance.now();
    const rep = await api<{ created: number; rejected: number }>(url, key, "POST", `/v1/catalogs/${catalog.id}/imports`, csvBytes(syntheticCatalogGrid(DEMANDS)), { "content-type": "text/csv" });
    const demandMs = performance.now() - tl;
    section.add({
      what: `load local D1 through the Worker's import routes`,
      result: `${int(created)} talents (CSV files of ${int(FILE_ROWS)}) in ${ms(talentMs)} = ${int((created / talentMs) * 1000)} rows/s; ${int(rep.created)} demands (${rep.rejected} rejected) in ${ms(demandMs)} = ${int((rep.created / demandMs) * 1000)} rows/s`,
    });

    const demandIds = (await api<{ data: { id: string }[] }>(url, key, "GET", "/v1/demands?limit=100")).data.map((d) => d.id);
    const talentIds = (await api<{ data: { id: string }[] }>(url, key, "GET", "/v1/talents?limit=100")).data.map((d) => d.id);
    for (const [kind, ids] of [
      ["demand", demandIds],
      ["talent", talentIds],
    ] as const) {
      const path = (i: number) => `/v1/${kind}s/${ids[i % ids.length] ?? ""}/matches?limit=20`;
      const base = { url, key, path };
      const route = `GET /v1/${kind}s/{id}/matches?limit=20`;
      const cold = await closedLoop({ ...base, concurrency: 1, requests: 30, warmup: 0 });
      section.add({ what: `${route}, 1 client, first request per ${kind} (cold isolate caches)`, result: line(cold) });
      await closedLoop({ ...base, concurrency: 4, requests: 0, warmup: ids.length });
      const one = await closedLoop({ ...base, concurrency: 1, requests: 100, warmup: 10 });
      section.add({ what: `${route}, 1 client, warm (${ids.length} ${kind}s)`, result: line(one) });
      const eight = await closedLoop({ ...base, concurrency: 8, requests: 200, warmup: 16 });
      section.add({ what: `${route}, 8 clients, warm`, result: line(eight) });
    }
  } finally {
    if (child) await stopGroup(child);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const section = new Section(`B6. Match API on the Worker: wrangler dev --local, local D1, ${int(TALENTS)} talents`);
  try {
    await benchWorker(section);
  } catch (err) {
    section.note(`FAILED: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
  section.print();
}
