/**
 * `npm run bench`: every benchmark, one after another, each in its own Node process (so one's heap
 * and caches never flatter the next). Pick some with BENCH_ONLY=core,data,api,worker,webhooks,roadshows.
 * BENCH_TALENTS scales the matching core and match API sections down for a quick run.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { load, machine, ms } from "./lib/report.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
const SECTIONS: { name: string; file: string; what: string }[] = [
  { name: "core", file: "run.ts", what: "matching core: pair scores, top-K, allocation, scheduler (in memory)" },
  { name: "data", file: "data-plane.ts", what: "catalog import CSV/XLSX through HTTP, talent load (issue 4)" },
  { name: "api", file: "match-api.ts", what: "match API over HTTP on the embedded default (issue 5)" },
  { name: "worker", file: "worker-api.ts", what: "match API on wrangler dev --local with D1 (issue 5)" },
  { name: "webhooks", file: "webhooks.ts", what: "webhook delivery on the embedded default" },
  { name: "roadshows", file: "roadshows.ts", what: "roadshows" },
];

const only = (process.env.BENCH_ONLY ?? "")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);
const unknown = only.filter((o) => !SECTIONS.some((s) => s.name === o));
if (unknown.length > 0) {
  console.error(`BENCH_ONLY: unknown section(s) ${unknown.join(", ")}; known: ${SECTIONS.map((s) => s.name).join(", ")}`);
  process.exit(2);
}

function run(file: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(HERE, file)], { stdio: "inherit", env: process.env });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

console.log(`Wutong benchmarks — ${machine()}; load average ${load()} at start (other work on this machine skews wall-clock figures: each section prints its own)`);
const results: { name: string; status: string; ms: number }[] = [];
const t0 = performance.now();
for (const s of SECTIONS) {
  if (only.length > 0 && !only.includes(s.name)) continue;
  if (!existsSync(join(HERE, s.file))) {
    results.push({ name: s.name, status: `skipped (bench/${s.file} not found)`, ms: 0 });
    continue;
  }
  console.log(`\n################ ${s.name}: ${s.what} — node bench/${s.file} ################`);
  const start = performance.now();
  const code = await run(s.file);
  results.push({ name: s.name, status: code === 0 ? "ok" : `FAILED (exit ${code})`, ms: performance.now() - start });
}
console.log(`\nsummary (total ${ms(performance.now() - t0)}, load average at the end ${load()}):`);
for (const r of results) console.log(`  ${r.name.padEnd(10)} ${r.status.padEnd(40)} ${r.ms ? ms(r.ms) : ""}`);
if (results.some((r) => r.status.startsWith("FAILED"))) process.exitCode = 1;
