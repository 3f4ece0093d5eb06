/**
 * Match API (issue 5) on the embedded default, 200,000 talents and 20,000 demands in one tenant
 * (bench/lib/dataset.ts: seeded, bulk-loaded, cached under /tmp). The server is its own process,
 * as `npm start` runs it (bench/lib/serve.ts); the load generator is a closed loop on fetch.
 *
 * B1 GET /v1/demands/{id}/matches at 1 and 32 clients; B2 recall@20 of the index-based ranking
 * against exact scoring of every talent, and that exact scan's time (the naive baseline);
 * B3 GET /v1/talents/{id}/matches; B4 suggestions when 1,000 demands arrive at once;
 * B5 allocation of a 2,000-line catalog end to end.
 *
 * Run: `npx node bench/match-api.ts`. Env: BENCH_TALENTS (200000), BENCH_DEMANDS (20000),
 * BENCH_RECALL_DEMANDS (50), BENCH_ARRIVALS (1000), BENCH_ALLOCATION=0 to skip B5,
 * BENCH_CPU_PROF=<dir> to run the server with --cpu-prof.
 */
import { count, eq } from "drizzle-orm";
import { DEFAULT_WEIGHTS, queryKeys, topTalents, type TalentFeatures } from "../matching/index.ts";
import { demands, talents } from "../schema/index.ts";
import { suggestions } from "../schema/tables/introductions.ts";
import { lexicon } from "../workers/lexicon.ts";
import { demandFeatures, talentFeatures } from "../workers/matching-service/features.ts";
import { CANDIDATE_POOL, rankTalentsForDemand } from "../workers/matching-service/rank.ts";
import { candidates, talentRows } from "../workers/matching-service/retrieve.ts";
import { CATALOG_LINES, dataset, type DatasetMeta } from "./lib/dataset.ts";
import { closedLoop, type LoadResult } from "./lib/load.ts";
import { int, mb, mean, median, ms, pct, Section } from "./lib/report.ts";
import { api, type BenchServer, startServer } from "./lib/server.ts";
import { makeDemand, prng } from "./synthetic.ts";

const TALENTS = Number(process.env.BENCH_TALENTS ?? 200_000);
const DEMANDS = Number(process.env.BENCH_DEMANDS ?? Math.max(CATALOG_LINES, Math.round(TALENTS / 10)));
const RECALL_DEMANDS = Number(process.env.BENCH_RECALL_DEMANDS ?? 50);
const ARRIVALS = Number(process.env.BENCH_ARRIVALS ?? 1000);
const ALLOCATION = process.env.BENCH_ALLOCATION !== "0";

const loadLine = (r: LoadResult): string =>
  `p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, p99 ${ms(r.p99)}, max ${ms(r.max)}; ${r.rps.toFixed(1)} req/s (${r.requests} requests${r.errors ? `, ${r.errors} ERRORS: ${r.firstError ?? ""}` : ""})`;

async function latency(section: Section, server: BenchServer, meta: DatasetMeta, kind: "demand" | "talent"): Promise<void> {
  const ids = kind === "demand" ? meta.sampleDemandIds : meta.sampleTalentIds.filter((_, i) => i % 5 === 0);
  const path = (i: number) => `/v1/${kind}s/${ids[i % ids.length] ?? ""}/matches?limit=20`;
  const base = { url: server.url, key: meta.adminKey, path };
  const route = `GET /v1/${kind}s/{id}/matches?limit=20`;
  // Cold: the first request for each of these subjects since the server started; the features of
  // its candidates may still have to be prepared (the process caches them per row version).
  const cold = await closedLoop({ ...base, concurrency: 1, requests: Math.min(50, ids.length), warmup: 0 });
  section.add({ what: `${route}, 1 client, first request per ${kind} (cold caches)`, result: loadLine(cold) });
  await closedLoop({ ...base, concurrency: 8, requests: 0, warmup: ids.length });
  const one = await closedLoop({ ...base, concurrency: 1, requests: 200, warmup: 20 });
  section.add({ what: `${route}, 1 client, warm (${ids.length} ${kind}s round robin)`, result: loadLine(one), ...(kind === "demand" ? { target: "—" } : {}) });
  const many = await closedLoop({ ...base, concurrency: 32, requests: 640, warmup: 64 });
  section.add({ what: `${route}, 32 clients, warm`, result: loadLine(many), target: kind === "demand" ? "p95 ≤ 100 ms" : "—" });
  section.add({ what: `  response size; server RSS`, result: `${int(many.bodyBytes)} B per page of 20; ${mb((await server.memory()).rss)}` });
}

/** The id of a ranking entry, whether it carries the row (`{ row, score }`) or only the id (`{ id, score }`). */
function rankedId(r: object): string {
  if ("id" in r && typeof r.id === "string") return r.id;
  if ("row" in r && typeof r.row === "object" && r.row !== null && "id" in r.row && typeof r.row.id === "string") return r.row.id;
  return "";
}

/** B2, in this process on the same database file: the API's ranking vs exact scoring of everyone. */
async function recall(section: Section, file: string, meta: DatasetMeta): Promise<void> {
  const { openFile } = await import("./lib/dataset.ts");
  const { db, close } = await openFile(file);
  try {
    const now = new Date();
    let t0 = performance.now();
    const rows = await db.select().from(talents).where(eq(talents.tenantId, meta.tenantId));
    const readMs = performance.now() - t0;
    t0 = performance.now();
    const all: TalentFeatures[] = rows.map((r) => talentFeatures(r));
    const prepMs = performance.now() - t0;
    section.note(`exact scan set-up: read ${int(rows.length)} talent rows in ${ms(readMs)}, prepared their features in ${ms(prepMs)} (${((prepMs * 1000) / rows.length).toFixed(0)} µs each)`);
    const step = Math.max(1, Math.floor(meta.sampleDemandIds.length / RECALL_DEMANDS));
    const ids = meta.sampleDemandIds.filter((_, i) => i % step === 0).slice(0, RECALL_DEMANDS);
    const strict: number[] = [];
    const tieAware: number[] = [];
    const exactMs: number[] = [];
    const indexMs: number[] = [];
    const phase = { candidates: [] as number[], rows: [] as number[], pool: [] as number[] };
    // Where the exact top 20 sit in retrieval's order (most shared keys first): recall at any pool size.
    const POOLS = [1000, 2000, 5000, 10_000, Number.POSITIVE_INFINITY];
    const atPool = POOLS.map(() => [] as number[]);
    const unionSizes: number[] = [];
    for (const id of ids) {
      const [demand] = await db.select().from(demands).where(eq(demands.id, id));
      if (!demand) continue;
      const offer = demandFeatures(demand);
      let t = performance.now();
      const exact = topTalents(offer, all, 20, DEFAULT_WEIGHTS, now.getTime()).filter((r) => r.score >= 0);
      exactMs.push(performance.now() - t);
      t = performance.now();
      const ranked = (await rankTalentsForDemand(db, demand, { now, weights: DEFAULT_WEIGHTS })).slice(0, 20);
      indexMs.push(performance.now() - t);
      // Where the index path's time goes (features already cached, as in a warm server).
      t = performance.now();
      const cand = await candidates(db, demand.tenantId, "talent", queryKeys(offer, lexicon()), CANDIDATE_POOL);
      phase.candidates.push(performance.now() - t);
      phase.pool.push(cand.length);
      t = performance.now();
      await talentRows(db, demand.tenantId, cand);
      phase.rows.push(performance.now() - t);
      const want = exact.length;
      if (want === 0) continue;
      const order = await candidates(db, demand.tenantId, "talent", queryKeys(offer, lexicon()), 10_000_000);
      unionSizes.push(order.length);
      const position = new Map(order.map((cid, k) => [cid, k]));
      for (const [k, pool] of POOLS.entries()) atPool[k]?.push(exact.filter((e) => (position.get(e.id) ?? Number.POSITIVE_INFINITY) < pool).length / want);
      const got = new Set(ranked.map(rankedId));
      strict.push(exact.filter((e) => got.has(e.id)).length / want);
      const floor = exact[want - 1]?.score ?? 0;
      tieAware.push(Math.min(want, ranked.filter((r) => r.score >= floor).length) / want);
    }
    const misses = strict.filter((x) => x < 0.95).length;
    section.add({
      what: `recall@20, index ranking (pool ${CANDIDATE_POOL}) vs exact scoring of all ${int(rows.length)}, ${strict.length} demands`,
      result: `mean ${mean(strict).toFixed(3)} (min ${Math.min(...strict).toFixed(2)}; ${misses} demands below 0.95); counting ties at the 20th score: ${mean(tieAware).toFixed(3)}`,
      target: "≥ 0.95",
    });
    section.add({
      what: `  recall@20 if retrieval kept the first N by shared keys (union of postings: median ${int(median(unionSizes))}, max ${int(Math.max(...unionSizes))} talents)`,
      result: POOLS.map((p, k) => `${p === Number.POSITIVE_INFINITY ? "whole union" : int(p)}: ${mean(atPool[k] ?? []).toFixed(3)}`).join("; "),
    });
    section.add({
      what: `top-20 by the index path in-process (rankTalentsForDemand, features cached)`,
      result: `median ${ms(median(indexMs))}, p95 ${ms(pct(indexMs, 95))}; of which the candidates SQL ${ms(median(phase.candidates))} (pool ${int(median(phase.pool))}); for scale, reading those ${int(median(phase.pool))} whole talent rows takes ${ms(median(phase.rows))}`,
      baseline: `exact scan of all ${int(rows.length)} (topTalents, prepared features): median ${ms(median(exactMs))}, p95 ${ms(pct(exactMs, 95))} per demand`,
    });
  } finally {
    close();
  }
}

/** B4: `ARRIVALS` demands posted at once (32 clients); each queues its suggestion job on the server's JobQueue. */
async function arrivals(section: Section, server: BenchServer, file: string, meta: DatasetMeta): Promise<void> {
  const r = prng(777);
  const bodies = Array.from({ length: ARRIVALS }, (_, i) => {
    const d = makeDemand(r, 1_000_000 + i, Date.now());
    return {
      title: d.title,
      organization_id: meta.organizationIds[i % meta.organizationIds.length],
      description: d.description,
      industry_code: d.industryCode,
      occupation_code: d.occupationCode,
      city: d.city,
      headcount: d.headcount,
      min_education: d.minEducation,
      min_title_level: d.minTitle,
      min_experience_years: d.minYearsExperience,
      required_skills: d.requiredSkills,
      preferred_skills: d.preferredSkills,
      modes: d.modes,
      salary_min: d.salaryMin,
      salary_max: d.salaryMax,
      urgency: d.urgency,
      valid_until: "2030-12-31",
    };
  });
  let next = 0;
  const posted: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      for (;;) {
        const i = next++;
        if (i >= bodies.length) return;
        const s = performance.now();
        await api(server.url, meta.adminKey, "POST", "/v1/demands", bodies[i]);
        posted.push(performance.now() - s);
      }
    }),
  );
  const postMs = performance.now() - t0;
  const pending = await server.pendingJobs();
  await server.drain();
  const totalMs = performance.now() - t0;
  const { openFile } = await import("./lib/dataset.ts");
  const { db, close } = await openFile(file);
  const [row] = await db.select({ n: count() }).from(suggestions).where(eq(suggestions.tenantId, meta.tenantId));
  close();
  section.add({
    what: `${int(ARRIVALS)} demands POSTed at once (32 clients)`,
    result: `all accepted in ${ms(postMs)} (POST p50 ${ms(median(posted))}, p95 ${ms(pct(posted, 95))}); ${int(pending)} suggestion jobs still queued then`,
  });
  section.add({
    what: `  until the job queue drained`,
    result: `${ms(totalMs)} after the first POST = ${(ARRIVALS / (totalMs / 1000)).toFixed(1)} demands' suggestions computed per second, ${ms(totalMs / ARRIVALS)} per demand (${int(row?.n ?? 0)} suggestions stored)`,
    baseline: `exact scan per demand: see B2`,
  });
}

/** B5: POST /v1/catalogs/{id}/allocations, then GET /v1/allocations/{id} until done. */
async function allocation(section: Section, server: BenchServer, meta: DatasetMeta): Promise<void> {
  const lines = Math.min(CATALOG_LINES, DEMANDS);
  const t0 = performance.now();
  const created = await api<{ id: string }>(server.url, meta.adminKey, "POST", `/v1/catalogs/${meta.catalogId}/allocations`, { list_length: 50 });
  let status = "running";
  let body: { status: string; counts: { demands: number; talents: number; seats: number; assigned: number } | null } = { status, counts: null };
  const deadline = Date.now() + Number(process.env.BENCH_ALLOCATION_TIMEOUT_S ?? 600) * 1000;
  while (status === "running" && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    body = await api(server.url, meta.adminKey, "GET", `/v1/allocations/${created.id}`);
    status = body.status;
  }
  const elapsed = performance.now() - t0;
  const c = body.counts;
  section.add({
    what: `allocation of the ${int(lines)}-line catalog (list length 50), POST → GET says done`,
    result:
      status === "done" && c
        ? `${ms(elapsed)}; ${int(c.assigned)} assignments for ${int(c.seats)} seats over ${int(c.demands)} lines, ${int(c.talents)} talents considered (${ms(elapsed / c.demands)} per line)`
        : `${status} after ${ms(elapsed)}`,
    target: "—",
    baseline: "core bench (in memory, all features prepared): see bench/run.ts",
  });
  await server.drain();
}

export async function benchMatchApi(): Promise<void> {
  const prep = new Section(`Match API data set: ${int(TALENTS)} talents, ${int(DEMANDS)} demands, one tenant`);
  const ds = await dataset(TALENTS, DEMANDS);
  const b = ds.meta.build;
  prep.add({
    what: `data set ${ds.cached ? "CACHED (built earlier)" : "built now"}: bulk statements directly (json_each, 200 rows + match_keys per commit)`,
    result: `${ms(b.ms)} total; talents ${ms(b.talentsMs)} = ${int((TALENTS / b.talentsMs) * 1000)} rows/s; demands ${ms(b.demandsMs)} = ${int((DEMANDS / b.demandsMs) * 1000)} rows/s`,
  });
  prep.add({ what: "  DB file after checkpoint (main + WAL)", result: `${mb(b.mainBytes)} + ${mb(b.walBytes)} (${(b.mainBytes / TALENTS).toFixed(0)} B per talent incl. its match_keys); working copy made in ${ms(ds.copyMs)}` });
  prep.print();
  const server = await startServer(ds.file, process.env.BENCH_CPU_PROF ? { cpuProfDir: process.env.BENCH_CPU_PROF } : {});
  try {
    const b1 = new Section("B1. GET /v1/demands/{id}/matches over HTTP (@hono/node-server, server in its own process)");
    await latency(b1, server, ds.meta, "demand");
    b1.print();
    const b2 = new Section("B2. Recall of the index-based ranking; the exact scan as the naive baseline");
    await recall(b2, ds.file, ds.meta);
    b2.print();
    const b3 = new Section("B3. GET /v1/talents/{id}/matches over HTTP");
    await latency(b3, server, ds.meta, "talent");
    b3.print();
    const b4 = new Section(`B4. Suggestions when ${int(ARRIVALS)} demands arrive at once (Node entry's JobQueue)`);
    await arrivals(b4, server, ds.file, ds.meta);
    b4.print();
    if (ALLOCATION) {
      const b5 = new Section("B5. Catalog allocation end to end");
      await allocation(b5, server, ds.meta);
      b5.print();
    }
  } finally {
    await server.stop();
    ds.remove();
  }
}

if (import.meta.main) await benchMatchApi();
