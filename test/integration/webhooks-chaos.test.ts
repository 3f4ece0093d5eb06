import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { count, isNull, ne, sum } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, expect, it } from "vitest";
import { outboxEvents } from "../../schema/outbox.ts";
import { webhookDeliveries } from "../../schema/tables/webhooks.ts";
import { createApp } from "../../workers/app.ts";
import { parseConfig, WorkerConfigSchema } from "../../workers/config.ts";
import { createSecretBox } from "../../workers/lib/secrets.ts";
import { MemorySender } from "../../workers/messages.ts";
import { openDatabase } from "../../workers/node/database.ts";
import { OPERATOR_KEY, SECRETS_KEY } from "../helpers/app.ts";
import { emit, silent } from "./webhooks-fixtures.ts";
import { startReceiver } from "./webhooks-receiver.ts";

const RUNNER = resolve(import.meta.dirname, "webhooks-chaos-runner.ts");
const dir = mkdtempSync(join(tmpdir(), "wutong-chaos-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function startRunner(url: string): Promise<ChildProcess> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [RUNNER], { env: { ...process.env, DATABASE_URL: url } });
    child.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) done(child);
    });
    child.on("exit", (code, signal) => fail(new Error(`runner exited early: ${code ?? signal}`)));
  });
}

function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((done) => {
    child.removeAllListeners("exit");
    child.on("exit", () => done());
    child.kill(signal);
  });
}

/** A deterministic stream in [0, 1): the receiver's choices do not depend on the run. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1664525 + 1013904223) % 4294967296;
    return s / 4294967296;
  };
}

it("loses nothing and keeps one webhook-id per event and endpoint through receiver failures, timeouts, a receiver restart and a killed runner", async (ctx) => {
  const url = `file:${join(dir, "chaos.db")}`;
  const { db, close } = await openDatabase(url);
  const config = parseConfig(WorkerConfigSchema, { WUTONG_OPERATOR_KEY: OPERATOR_KEY, WUTONG_SECRETS_KEY: SECRETS_KEY, WEBHOOK_ALLOW_PRIVATE_URLS: "true" });
  const deps = { db, config, clock: () => new Date(), logger: silent, sender: new MemorySender(), secrets: createSecretBox(SECRETS_KEY) };
  const app = createApp({ deps: () => deps });
  const call = async (key: string, path: string, body: unknown) => {
    const res = await app.request(path, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(body) });
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };

  // The receiver fails 30 % of requests (500) and lets 10 % hang past the runner's timeout, but
  // never more than 4 times in a row for one event at one endpoint, so the 9-attempt schedule can
  // win even when the restart and the kill eat attempts too.
  const random = seeded(7);
  const streak = new Map<string, number>();
  const receiver = await startReceiver();
  receiver.setBehaviour(({ path, id }) => {
    const key = `${path} ${id}`;
    const n = streak.get(key) ?? 0;
    const r = random();
    const outcome: number | "hang" = n >= 4 ? 200 : r < 0.3 ? 500 : r < 0.4 ? "hang" : 200;
    streak.set(key, outcome === 200 ? 0 : n + 1);
    return outcome;
  });

  const tenant = (await call(OPERATOR_KEY, "/v1/tenants", { name: "混沌市", slug: "chaos" })) as { tenant: { id: string }; admin_key: { key: string } };
  const admin = tenant.admin_key.key;
  const orgA = String((await call(admin, "/v1/organizations", { name: "甲公司", kind: "enterprise" })).id);
  const orgB = String((await call(admin, "/v1/organizations", { name: "乙公司", kind: "enterprise" })).id);
  const endpoints: { org: string; path: string; secret: string }[] = [];
  for (const [org, path] of [
    [orgA, "/a1"],
    [orgA, "/a2"],
    [orgB, "/b1"],
  ] as const) {
    const e = await call(admin, "/v1/webhook-endpoints", { url: `${receiver.url}${path}`, event_types: ["signup.confirmed"], organization_id: org });
    endpoints.push({ org, path, secret: String(e.secret) });
  }

  // Two runners at once; events committed while they run; the receiver restarts once; one
  // runner is killed with SIGKILL mid-run and a new one started.
  let runners = [await startRunner(url), await startRunner(url)];
  const events: { id: string; audience: string[] }[] = [];
  for (let i = 0; i < 120; i++) {
    const audience = i % 3 === 0 ? [orgA, orgB] : i % 3 === 1 ? [orgA] : [orgB];
    events.push({ id: await emit(db, { tenantId: tenant.tenant.id, audience }), audience });
    if (i === 40) {
      await receiver.stop();
      await sleep(150);
      await receiver.start();
    }
    if (i === 70) {
      const [victim, survivor] = runners;
      if (victim) await kill(victim, "SIGKILL");
      runners = [survivor, await startRunner(url)].filter((r): r is ChildProcess => r !== undefined);
    }
    await sleep(10);
  }

  const deadline = Date.now() + 12_000;
  let open = Number.POSITIVE_INFINITY;
  while (Date.now() < deadline) {
    const [undispatched] = await db.select({ n: count() }).from(outboxEvents).where(isNull(outboxEvents.dispatchedAt));
    const [unfinished] = await db.select({ n: count() }).from(webhookDeliveries).where(ne(webhookDeliveries.status, "succeeded"));
    open = (undispatched?.n ?? 0) + (unfinished?.n ?? 0);
    if (open === 0) break;
    await sleep(100);
  }
  await Promise.all(runners.map((r) => kill(r, "SIGTERM")));
  const [made] = await db.select({ n: sum(webhookDeliveries.attempts) }).from(webhookDeliveries);
  await receiver.close();
  close();
  expect(open).toBe(0);

  // Every committed event reached each of its endpoints, and each pair was accepted under exactly
  // one webhook-id: the event's own.
  const accepted = receiver.received.filter((r) => r.status === 200);
  let pairs = 0;
  for (const e of endpoints) {
    const expected = events.filter((ev) => ev.audience.includes(e.org)).map((ev) => ev.id);
    pairs += expected.length;
    const got = accepted.filter((r) => r.path === e.path);
    expect(new Set(got.map((r) => r.headers["webhook-id"]))).toEqual(new Set(expected));
    for (const r of got) expect(new Webhook(e.secret).verify(r.body, r.headers)).toBeTruthy();
  }
  const ids = accepted.map((r) => `${r.path} ${r.headers["webhook-id"]}`);
  const summary = {
    events: events.length,
    pairs,
    requests: receiver.received.length,
    failed_500: receiver.received.filter((r) => r.status === 500).length,
    timed_out: receiver.received.filter((r) => r.status === null).length,
    accepted: accepted.length,
    accepted_twice: ids.length - new Set(ids).size,
    attempts_recorded: Number(made?.n ?? 0),
    lost: pairs - new Set(ids).size,
  };
  ctx.annotate(`chaos: ${JSON.stringify(summary)}`);
  expect(summary.lost).toBe(0);
}, 30_000);
