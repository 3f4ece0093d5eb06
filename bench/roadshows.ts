/**
 * Roadshow write paths through the whole app on the embedded default (a libSQL file in WAL mode,
 * as `npm start` opens it): simultaneous signups settling seats, cancellations promoting the
 * waitlist, a meeting plan, project matches and the quarter report. Standalone:
 * `node bench/roadshows.ts` prints its own table.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createApp } from "../workers/app.ts";
import { parseConfig, WorkerConfigSchema } from "../workers/config.ts";
import { openDatabase } from "../workers/node/database.ts";
import { fmt, median } from "./measure.ts";
import { prng } from "./synthetic.ts";

const OPERATOR = "wtop_bench_operator_key_0123456789abcdef";
const SKILLS = ["电解水制氢", "储氢", "氢燃料电池", "煤气化", "Aspen Plus", "PLC编程", "光伏组件", "储能系统", "锂电池", "稀土永磁", "会计", "Java开发"];
const SLOTS = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2026, 6, 18, 6, i * 20)).toISOString());
const TABLES = Array.from({ length: 20 }, (_, i) => `T${i + 1}`);

const dir = mkdtempSync(join(tmpdir(), "wutong-bench-roadshows-"));
const { db, close } = await openDatabase(`file:${join(dir, "bench.db")}`);
const quiet = () => undefined;
const now = new Date("2026-07-01T00:00:00Z");
const app = createApp({
  deps: () => ({ db, config: parseConfig(WorkerConfigSchema, { WUTONG_OPERATOR_KEY: OPERATOR }), logger: { info: quiet, warn: quiet, error: quiet }, clock: () => now }),
});

async function call<T>(method: string, path: string, key: string, body?: unknown): Promise<{ status: number; body: T; ms: number }> {
  const t0 = performance.now();
  const res = await app.request(path, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const ms = performance.now() - t0;
  return { status: res.status, body: (res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text) as T, ms };
}

function must<T>(r: { status: number; body: T }, status: number, what: string): T {
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? 0;
const rows: [string, string][] = [];

const tenant = must(await call<{ admin_key: { key: string } }>("POST", "/v1/tenants", OPERATOR, { name: "基准市", slug: "bench" }), 201, "tenant");
const key = tenant.admin_key.key;
const r = prng(11);
const pick = () => SKILLS[Math.floor(r() * SKILLS.length)] ?? "储氢";

const TALENTS = 2000;
let t0 = performance.now();
const talents: string[] = [];
for (let i = 0; i < TALENTS; i += 100) {
  const batch = await Promise.all(
    Array.from({ length: Math.min(100, TALENTS - i) }, (_, j) =>
      call<{ id: string }>("POST", "/v1/talents", key, { name: `人才${i + j}`, skills: [pick(), pick(), pick()], industries: ["4415"], desired_cities: ["1506"] }),
    ),
  );
  talents.push(...batch.map((b) => must(b, 201, "talent").id));
}
rows.push([`setup: ${TALENTS} talents through POST /v1/talents`, fmt(performance.now() - t0)]);

async function event(capacity: Record<string, number>): Promise<string> {
  const body = { title: "基准路演", starts_at: "2026-07-18T01:00:00Z", ends_at: "2026-07-18T09:00:00Z", meeting_slots: SLOTS, tables: TABLES, capacity };
  return must(await call<{ id: string }>("POST", "/v1/events", key, body), 201, "event").id;
}

for (const [n, seats] of [
  [500, 100],
  [2000, 500],
] as const) {
  const id = await event({ talent: seats });
  t0 = performance.now();
  const res = await Promise.all(talents.slice(0, n).map((tid) => call<{ status: string }>("POST", `/v1/events/${id}/signups`, key, { talent_id: tid })));
  const wall = performance.now() - t0;
  const confirmed = res.filter((x) => x.body.status === "confirmed").length;
  const ms = res.map((x) => x.ms);
  rows.push([
    `${n} simultaneous signups for ${seats} seats (Promise.all through the app)`,
    `${fmt(wall)} wall, ${Math.round((n / wall) * 1000)} signups/s, latency p50 ${fmt(median(ms))} p95 ${fmt(p95(ms))}; confirmed ${confirmed}/${seats}`,
  ]);
}

// Cancellation with promotion, one at a time: the write that runs most on the day of an event.
const busy = await event({ talent: 100 });
const signups = [];
for (const tid of talents.slice(0, 300)) signups.push(must(await call<{ id: string; status: string }>("POST", `/v1/events/${busy}/signups`, key, { talent_id: tid }), 201, "signup"));
const promoting: number[] = [];
for (const x of signups.filter((y) => y.status === "confirmed").slice(0, 50)) {
  const res = await call("POST", `/v1/signups/${x.id}/cancel`, key);
  must(res, 200, "cancel");
  promoting.push(res.ms);
}
const cancels: number[] = [];
for (const x of signups.filter((y) => y.status === "waitlisted").slice(-50)) cancels.push((await call("POST", `/v1/signups/${x.id}/cancel`, key)).ms);
rows.push([`cancel a confirmed seat and promote the head of a 200-long waitlist (one batch), sequential`, `median ${fmt(median(promoting))}, p95 ${fmt(p95(promoting))} (n=${promoting.length})`]);
rows.push([`cancel a waitlisted signup, sequential`, `median ${fmt(median(cancels))} (n=${cancels.length})`]);

// A meeting plan: 200 talents and 40 organizations seated, 1,200 requests, 12 slots × 20 tables.
const fair = await event({ talent: 200, enterprise: 40 });
const orgs: string[] = [];
for (let i = 0; i < 40; i++) {
  const org = must(await call<{ id: string }>("POST", "/v1/organizations", key, { name: `企业${i}`, kind: "enterprise" }), 201, "org").id;
  orgs.push(org);
  must(await call("POST", "/v1/demands", key, { organization_id: org, title: `${pick()}工程师`, required_skills: [pick(), pick()], industry_code: "4415" }), 201, "demand");
  must(await call("POST", `/v1/events/${fair}/signups`, key, { organization_id: org }), 201, "org signup");
}
for (const tid of talents.slice(0, 200)) must(await call("POST", `/v1/events/${fair}/signups`, key, { talent_id: tid }), 201, "signup");
for (let i = 0; i < 1200; i++) {
  const tid = talents[Math.floor(r() * 200)] ?? "";
  const org = orgs[Math.floor(r() * orgs.length)] ?? "";
  const [from, to] = r() < 0.5 ? [{ kind: "talent", id: tid }, { kind: "organization", id: org }] : [{ kind: "organization", id: org }, { kind: "talent", id: tid }];
  await call("POST", `/v1/events/${fair}/meeting-requests`, key, { from, to, priority: 1 + Math.floor(r() * 5) });
}
const planMs: number[] = [];
interface Plan {
  meetings: unknown[];
  left_out: unknown[];
  total_priority: number;
  upper_bound: number;
}
let plan: Plan | null = null;
for (let i = 0; i < 3; i++) {
  const res = await call<Plan>("POST", `/v1/events/${fair}/meeting-plans`, key);
  planMs.push(res.ms);
  plan = must(res, 201, "plan");
}
rows.push([
  "meeting plan: 240 participants, ≈1,100 distinct pairs, 12 slots × 20 tables (score, schedule, replace, emit)",
  `median ${fmt(median(planMs))}; ${plan?.meetings.length ?? 0} meetings, ${plan?.left_out.length ?? 0} left out, ${(((plan?.total_priority ?? 0) / (plan?.upper_bound ?? 1)) * 100).toFixed(1)}% of the upper bound`,
]);

const project = must(
  await call<{ id: string }>("POST", "/v1/projects", key, { organization_id: orgs[0], title: "绿氢制备与储运示范", skills_sought: ["电解水制氢", "储氢"], industry_codes: ["4415"], city: "1506" }),
  201,
  "project",
).id;
const matchMs: number[] = [];
for (let i = 0; i < 5; i++) {
  const res = await call("GET", `/v1/projects/${project}/matches?limit=20`, key);
  must(res, 200, "matches");
  matchMs.push(res.ms);
}
rows.push([`GET /v1/projects/{id}/matches over ${TALENTS} talents (index candidates ≤300, scored, top 20)`, `median ${fmt(median(matchMs))}`]);

const reportMs: number[] = [];
for (let i = 0; i < 5; i++) reportMs.push((await call("GET", "/v1/reports/roadshows?quarter=2026Q3&format=csv", key)).ms);
rows.push(["GET /v1/reports/roadshows?format=csv (4 events, ≈3,000 signups)", `median ${fmt(median(reportMs))}`]);

console.log(`roadshows on a libSQL file — node ${process.version}, ${availableParallelism()} cores, load ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
for (const [what, value] of rows) console.log(`${what.padEnd(100)} ${value}`);
close();
rmSync(dir, { recursive: true, force: true });
