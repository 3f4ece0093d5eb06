/**
 * Data plane (issue 4) on the embedded default: catalog import through the real HTTP route
 * (`POST /v1/catalogs/{id}/imports`, CSV and XLSX, 10,000 lines) against a server process like
 * `npm start`, its re-import, the naive one-`POST /v1/demands`-per-line baseline, and loading
 * 200,000 talents through `POST /v1/talents/imports` in files of 20,000 rows.
 *
 * Run: `npx node bench/data-plane.ts`. Env: BENCH_CATALOG_ROWS (10000), BENCH_BASELINE_POSTS
 * (1000), BENCH_IMPORT_TALENTS (40000), BENCH_IMPORT_FILE_ROWS (20000), BENCH_CPU_PROF=<dir>
 * (servers run with --cpu-prof).
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { catalogGrid, csvBytes, demandBody, talentGrid, xlsxBytes } from "./lib/files.ts";
import { int, mb, ms, Section } from "./lib/report.ts";
import { api, type BenchServer, OPERATOR_KEY, startServer } from "./lib/server.ts";

const ROWS = Number(process.env.BENCH_CATALOG_ROWS ?? 10_000);
const POSTS = Number(process.env.BENCH_BASELINE_POSTS ?? 1000);
// 200,000 through the route takes ≈6 min on the shared 2-core machine: the default loads two files
// and reports the rate; BENCH_IMPORT_TALENTS=200000 measures the whole load (docs/benchmarks.md).
const TALENTS = Number(process.env.BENCH_IMPORT_TALENTS ?? 40_000);
const PROFILE = process.env.BENCH_CPU_PROF ? { cpuProfDir: process.env.BENCH_CPU_PROF } : {};
const FILE_ROWS = Number(process.env.BENCH_IMPORT_FILE_ROWS ?? 20_000);
const CSV = "text/csv";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

interface Report {
  rows_total: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejections: { row: number; column: string; value: string; reason: string }[];
}

interface Tenant {
  key: string;
  catalogId: string;
  orgId: string;
}

async function setUp(server: BenchServer, slug: string): Promise<Tenant> {
  const t = await api<{ admin_key: { key: string } }>(server.url, OPERATOR_KEY, "POST", "/v1/tenants", { name: `基准${slug}`, slug, region_code: "1506" });
  const key = t.admin_key.key;
  const catalog = await api<{ id: string }>(server.url, key, "POST", "/v1/catalogs", { name: "2026年重点产业人才需求目录（基准）", year: 2026 });
  const org = await api<{ id: string }>(server.url, key, "POST", "/v1/organizations", { name: "基准逐条录入企业有限公司", kind: "enterprise" });
  return { key, catalogId: catalog.id, orgId: org.id };
}

/** One upload through the route: wall time and the server's peak RSS above its RSS just before. */
async function upload(server: BenchServer, key: string, path: string, bytes: Uint8Array, type: string): Promise<{ ms: number; peakDelta: number; rss: number; report: Report }> {
  const before = await server.resetPeak();
  const t0 = performance.now();
  const report = await api<Report>(server.url, key, "POST", path, bytes, { "content-type": type });
  const elapsed = performance.now() - t0;
  const after = await server.memory();
  return { ms: elapsed, peakDelta: after.peak - before.rss, rss: after.rss, report };
}

const fileSize = (f: string): number => {
  try {
    return statSync(f).size;
  } catch {
    return 0;
  }
};

export async function benchCatalogImport(section: Section): Promise<void> {
  const grid = catalogGrid(ROWS);
  const csv = csvBytes(grid);
  const xlsx = xlsxBytes(grid);
  section.note(`catalog file: ${int(ROWS)} lines, 22 Chinese columns (demo chains' positions, 400 employers, 5 cities); CSV ${mb(csv.byteLength)} (${int(csv.byteLength)} B), XLSX ${int(xlsx.byteLength)} B`);
  for (const [format, bytes, type] of [["CSV", csv, CSV], ["XLSX", xlsx, XLSX]] as const) {
    const dir = mkdtempSync(join(tmpdir(), "wutong-bench-import-"));
    const server = await startServer(join(dir, "bench.db"), PROFILE);
    try {
      const t = await setUp(server, `imp-${format.toLowerCase()}`);
      const path = `/v1/catalogs/${t.catalogId}/imports`;
      const first = await upload(server, t.key, path, bytes, type);
      const rep = first.report;
      section.add({
        what: `import ${int(ROWS)}-line catalog, ${format}, HTTP route, fresh file DB`,
        result: `${ms(first.ms)} = ${int((ROWS / first.ms) * 1000)} rows/s; peak RSS +${mb(first.peakDelta)}; created ${int(rep.created)}, rejected ${int(rep.rejected)}`,
        target: "≥ 5,000 rows/s",
      });
      if (rep.rejected > 0) section.note(`${format}: first rejection: ${JSON.stringify(rep.rejections[0])}`);
      const again = await upload(server, t.key, path, bytes, type);
      section.add({
        what: `re-import of the same ${format} file`,
        result: `${ms(again.ms)} = ${int((ROWS / again.ms) * 1000)} rows/s; peak RSS +${mb(again.peakDelta)}; unchanged ${int(again.report.unchanged)}, created ${again.report.created}, updated ${again.report.updated}`,
        target: "all unchanged",
      });
      if (format === "CSV") {
        // The naive baseline: the same lines, one POST /v1/demands each, sequentially, as a script
        // over the public API would. Each also queues its suggestion job (no talents here: cheap).
        const t0 = performance.now();
        for (let i = 0; i < POSTS; i++) await api(server.url, t.key, "POST", "/v1/demands", demandBody(i, t.orgId, t.catalogId));
        const postMs = performance.now() - t0;
        const drained = await server.drain();
        const perRow = postMs / POSTS;
        section.add({
          what: `baseline: ${int(POSTS)} lines by POST /v1/demands, one at a time`,
          result: `${ms(postMs)} = ${int(1000 / perRow)} rows/s (${perRow.toFixed(2)} ms/line); extrapolated to ${int(ROWS)}: ${ms(perRow * ROWS)}; suggestion jobs drained ${ms(drained.ms)} after`,
          baseline: `import is ${(((perRow * ROWS) / first.ms) || 0).toFixed(1)}× faster`,
        });
      }
      await server.checkpoint();
      section.note(`${format} DB after import, re-import${format === "CSV" ? " and the baseline" : ""}: ${mb(fileSize(join(dir, "bench.db")))} (WAL ${mb(fileSize(join(dir, "bench.db-wal")))} after checkpoint)`);
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

export async function benchTalentLoad(section: Section): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "wutong-bench-talents-"));
  const file = join(dir, "bench.db");
  const server = await startServer(file, PROFILE);
  try {
    const t = await setUp(server, "talents");
    const perFile: number[] = [];
    let created = 0;
    let rejected = 0;
    let peak = 0;
    let buildMs = 0;
    const start = await server.memory();
    const t0 = performance.now();
    for (let from = 0; from < TALENTS; from += FILE_ROWS) {
      const n = Math.min(FILE_ROWS, TALENTS - from);
      const b0 = performance.now();
      const bytes = csvBytes(talentGrid(from, n));
      buildMs += performance.now() - b0;
      const res = await upload(server, t.key, "/v1/talents/imports", bytes, CSV);
      perFile.push((n / res.ms) * 1000);
      created += res.report.created;
      rejected += res.report.rejected;
      peak = Math.max(peak, res.peakDelta);
      if (res.report.rejected > 0 && rejected === res.report.rejected) section.note(`talent import: first rejection: ${JSON.stringify(res.report.rejections[0])}`);
      console.log(`    file ${from / FILE_ROWS + 1}: ${int(n)} rows in ${ms(res.ms)} (${int(perFile.at(-1) ?? 0)} rows/s), RSS ${mb(res.rss)}`);
    }
    const totalMs = performance.now() - t0 - buildMs;
    await server.checkpoint();
    const end = await server.memory();
    section.add({
      what: `load ${int(TALENTS)} talents via POST /v1/talents/imports, CSV files of ${int(FILE_ROWS)}`,
      result: `${ms(totalMs)} = ${int((TALENTS / totalMs) * 1000)} rows/s; created ${int(created)}, rejected ${int(rejected)}`,
      baseline: "bulk statements directly: see the match API section's data-set build",
    });
    section.add({
      what: "  rows/s per file, first → last",
      result: `${perFile.map((x) => int(x)).join(" → ")}`,
    });
    section.add({
      what: "  DB file after checkpoint (main + WAL)",
      result: `${mb(fileSize(file))} + ${mb(fileSize(`${file}-wal`))} = ${(fileSize(file) / Math.max(1, TALENTS)).toFixed(0)} B per talent (incl. its match_keys)`,
    });
    section.add({ what: "  server RSS", result: `${mb(start.rss)} before, ${mb(end.rss)} after; largest per-file peak +${mb(peak)}` });
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const a1 = new Section("A1. Catalog import through the HTTP route (embedded libSQL file)");
  await benchCatalogImport(a1);
  a1.print();
  const a2 = new Section(`A2. Loading ${int(TALENTS)} talents through the import route`);
  await benchTalentLoad(a2);
  a2.print();
}
