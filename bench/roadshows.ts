/**
 * Roadshow paths through the whole app on the embedded default (a libSQL file in WAL mode, as
 * `npm start` opens it): signups from 64 concurrent clients settling seats (signups/s, latency
 * p50/p95), cancellations promoting the waitlist, a meeting plan for 400 participants, project
 * matches, and the report of an event with 5,000 signups. Standalone: `node bench/roadshows.ts`
 * prints its own table with the load average (the machine is shared).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createApp } from "../workers/app.ts";
import { parseConfig, WorkerConfigSchema } from "../workers/config.ts";
import { createSecretBox, newSecretsKey } from "../workers/lib/secrets.ts";
import { MemorySender } from "../workers/messages.ts";
import { openDatabase } from "../workers/node/database.ts";
import { fmt, median } from "./measure.ts";
import { prng } from "./synthetic.ts";

const OPERATOR = "wtop_bench_operator_key_0123456789abcdef";
const CLIENTS = 64;
const SKILLS = ["电解水制氢", "储氢", "氢燃料电池", "煤气化", "Aspen Plus", "PLC编程", "光伏组件", "储能系统", "锂电池", "稀土永磁", "会计", "Java开发"];
const CHAINS = ["新能源", "新材料", "煤化工", "现代装备制造", null];
const slotsOf = (n: number) => Array.from({ length: n }, (_, i) => ({ starts_at: new Date(Date.UTC(2026, 6, 18, 2, i * 20)).toISOString(), ends_at: new Date(Date.UTC(2026, 6, 18, 2, i * 20 + 20)).toISOString() }));

const dir = mkdtempSync(join(tmpdir(), "wutong-bench-roadshows-"));
const { db, close } = await openDatabase(`file:${join(dir, "bench.db")}`);
const quiet = () => undefined;
const now = new Date("2026-07-01T00:00:00Z");
// Throughput, not throttling, is measured here: the write limit is off.
const config = parseConfig(WorkerConfigSchema, { WUTONG_OPERATOR_KEY: OPERATOR, WUTONG_SECRETS_KEY: newSecretsKey(), RATE_LIMIT_WRITES: "0" });
const deps = { db, config, logger: { info: quiet, warn: quiet, error: quiet }, clock: () => now, sender: new MemorySender(), secrets: createSecretBox(config.WUTONG_SECRETS_KEY) };
const app = createApp({ deps: () => deps });

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

/** Runs `jobs` with `clients` concurrent clients, each taking the next job when its last one answered. */
async function pool<T>(jobs: readonly (() => Promise<T>)[], clients = CLIENTS): Promise<{ results: T[]; wall: number }> {
  const results: T[] = new Array<T>(jobs.length);
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(clients, jobs.length) }, async () => {
      for (let i = next++; i < jobs.length; i = next++) {
        const job = jobs[i];
        if (job) results[i] = await job();
      }
    }),
  );
  return { results, wall: performance.now() - t0 };
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? 0;
const rows: [string, string][] = [];

const tenant = must(await call<{ admin_key: { key: string } }>("POST", "/v1/tenants", OPERATOR, { name: "基准市", slug: "bench" }), 201, "tenant");
const key = tenant.admin_key.key;
const r = prng(11);
const pick = () => SKILLS[Math.floor(r() * SKILLS.length)] ?? "储氢";

const TALENTS = 5000;
const t0 = performance.now();
const made = await pool(
  Array.from({ length: TALENTS }, (_, i) => () => call<{ id: string }>("POST", "/v1/talents", key, { name: `人才${i}`, skills: [pick(), pick(), pick()], industries: ["4415"], desired_cities: ["1506"] })),
);
const talents = made.results.map((x) => must(x, 201, "talent").id);
rows.push([`setup: ${TALENTS} talents through POST /v1/talents (${CLIENTS} clients)`, fmt(performance.now() - t0)]);

async function event(capacity: Record<string, number>, extra: Record<string, unknown> = {}): Promise<string> {
  const body = { name: "基准路演", status: "open", starts_at: "2026-07-18T01:00:00Z", ends_at: "2026-07-18T12:00:00Z", capacity, ...extra };
  return must(await call<{ id: string }>("POST", "/v1/events", key, body), 201, "event").id;
}

interface Seat {
  id: string;
  status: string;
  check_in_code: string | null;
}

/** `n` signups from the 64-client pool: throughput and latency, and the seats they got. */
async function signups(eventId: string, ids: readonly string[], seats: number, label: string): Promise<Seat[]> {
  const { results, wall } = await pool(ids.map((tid) => () => call<Seat>("POST", `/v1/events/${eventId}/signups`, key, { talent_id: tid })));
  const confirmed = results.filter((x) => x.body.status === "confirmed").length;
  const ms = results.map((x) => x.ms);
  rows.push([
    `${label}: ${ids.length} signups for ${seats} seats, ${CLIENTS} concurrent clients`,
    `${Math.round((ids.length / wall) * 1000)} signups/s, latency p50 ${fmt(median(ms))} p95 ${fmt(p95(ms))}; confirmed ${confirmed}/${seats}`,
  ]);
  return results.map((x) => must(x, 201, "signup"));
}

await signups(await event({ talent: 500 }), talents.slice(0, 2000), 500, "burst");

// Cancellation with promotion, one at a time: the write that runs most on the day of an event.
const busy = await event({ talent: 100 });
const queued = [];
for (const tid of talents.slice(0, 300)) queued.push(must(await call<Seat>("POST", `/v1/events/${busy}/signups`, key, { talent_id: tid }), 201, "signup"));
const promoting: number[] = [];
for (const x of queued.filter((y) => y.status === "confirmed").slice(0, 50)) {
  const res = await call("POST", `/v1/signups/${x.id}/cancel`, key);
  must(res, 200, "cancel");
  promoting.push(res.ms);
}
rows.push([`cancel a confirmed seat and promote the head of a 200-long waitlist (one batch), sequential`, `median ${fmt(median(promoting))}, p95 ${fmt(p95(promoting))} (n=${promoting.length})`]);

// A meeting plan for 400 participants: 320 talents and 80 organizations, 2,400 requests, 12 slots × 40 tables.
const ORGS = 80;
const fair = await event({ talent: 320, enterprise: ORGS }, { meeting_slots: slotsOf(12), tables: Array.from({ length: 40 }, (_, i) => `T${i + 1}`) });
const orgs: string[] = [];
for (let i = 0; i < ORGS; i++) {
  const org = must(await call<{ id: string }>("POST", "/v1/organizations", key, { name: `企业${i}`, kind: "enterprise" }), 201, "org").id;
  orgs.push(org);
  must(await call("POST", "/v1/demands", key, { organization_id: org, title: `${pick()}工程师`, required_skills: [pick(), pick()], industry_code: "4415" }), 201, "demand");
  must(await call("POST", `/v1/events/${fair}/signups`, key, { organization_id: org }), 201, "org signup");
}
await pool(talents.slice(0, 320).map((tid) => () => call("POST", `/v1/events/${fair}/signups`, key, { talent_id: tid })));
await pool(
  Array.from({ length: 2400 }, () => {
    const tid = talents[Math.floor(r() * 320)] ?? "";
    const org = orgs[Math.floor(r() * ORGS)] ?? "";
    const [from, to] = r() < 0.5 ? [{ kind: "talent", id: tid }, { kind: "organization", id: org }] : [{ kind: "organization", id: org }, { kind: "talent", id: tid }];
    return () => call("POST", `/v1/events/${fair}/meeting-requests`, key, { from, to, priority: 1 + Math.floor(r() * 5) });
  }),
);
interface Plan {
  meetings: unknown[];
  left_out: unknown[];
  total_priority: number;
  upper_bound: number;
}
const planMs: number[] = [];
let plan: Plan | null = null;
for (let i = 0; i < 3; i++) {
  const res = await call<Plan>("POST", `/v1/events/${fair}/meeting-plans`, key);
  planMs.push(res.ms);
  plan = must(res, 201, "plan");
}
rows.push([
  "meeting plan: 400 participants (320 talents, 80 organizations), 2,400 requests, 12 slots × 40 tables (score, schedule, replace, emit)",
  `median ${fmt(median(planMs))}; ${plan?.meetings.length ?? 0} meetings, ${plan?.left_out.length ?? 0} left out, ${(((plan?.total_priority ?? 0) / (plan?.upper_bound ?? 1)) * 100).toFixed(1)}% of the upper bound`,
]);

const project = must(
  await call<{ id: string }>("POST", `/v1/events/${fair}/projects`, key, { organization_id: orgs[0], title: "绿氢制备与储运示范", skills_sought: ["电解水制氢", "储氢"], industry_codes: ["4415"], city: "1506" }),
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

// The report of an event with 5,000 signups: 4,000 seats, 3,000 check-ins, 200 projects over the chains.
const big = await event({ talent: 4000 });
const seated = await signups(big, talents, 4000, "report event");
await pool(
  seated
    .filter((s) => s.status === "confirmed")
    .slice(0, 3000)
    .map((s) => () => call("POST", `/v1/events/${big}/check-ins`, key, { code: s.check_in_code })),
);
const moves = ["selected", "pitched", "negotiating"];
for (let i = 0; i < 200; i++) {
  const chain = CHAINS[i % CHAINS.length];
  const p = must(await call<{ id: string }>("POST", `/v1/events/${big}/projects`, key, { title: `项目${i}`, organization_id: orgs[i % ORGS], ...(chain ? { industry_chain: chain } : {}) }), 201, "project");
  for (const status of moves.slice(0, i % 4)) must(await call("PATCH", `/v1/projects/${p.id}`, key, { status }), 200, "move");
  if (i % 4 === 3 && i % 8 === 3) {
    const body = { signing_organization_id: orgs[i % ORGS], intended_investment: 1_000_000 * (i + 1), talents_introduced: [talents[i]], teams_introduced: [] };
    must(await call("POST", `/v1/projects/${p.id}/sign`, key, body), 200, "sign");
  }
}
for (const status of ["closed", "held"]) must(await call("PATCH", `/v1/events/${big}`, key, { status }), 200, "event move");
const reportMs: number[] = [];
const csvMs: number[] = [];
const quarterMs: number[] = [];
for (let i = 0; i < 5; i++) {
  const res = await call("GET", `/v1/events/${big}/report`, key);
  must(res, 200, "report");
  reportMs.push(res.ms);
  csvMs.push((await call("GET", `/v1/events/${big}/report?format=csv`, key)).ms);
  quarterMs.push((await call("GET", "/v1/reports?quarter=2026Q3&format=csv", key)).ms);
}
rows.push(["GET /v1/events/{id}/report: 5,000 signups, 3,000 check-ins, 200 projects, by chain (JSON / CSV)", `median ${fmt(median(reportMs))} / ${fmt(median(csvMs))}`]);
rows.push(["GET /v1/reports?quarter=2026Q3&format=csv (4 events, ≈7,700 signups)", `median ${fmt(median(quarterMs))}`]);

console.log(`roadshows on a libSQL file — node ${process.version}, ${availableParallelism()} cores, load ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
for (const [what, value] of rows) console.log(`${what.padEnd(110)} ${value}`);
close();
rmSync(dir, { recursive: true, force: true });
