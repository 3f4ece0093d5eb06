/**
 * Webhook delivery on the embedded default (Node, libSQL file): events delivered per second to a
 * local receiver, and latency from the event's commit to its receipt (p50/p95). The receiver is a
 * separate process, as an HR system would be; the runner is the one `npm start` runs.
 * Run: `node bench/webhooks.ts` (called by `npm run bench`).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { desc } from "drizzle-orm";
import { outboxEvents } from "../schema/outbox.ts";
import { createApp } from "../workers/app.ts";
import { parseConfig, WorkerConfigSchema } from "../workers/config.ts";
import { createSecretBox, newSecretsKey } from "../workers/lib/secrets.ts";
import { MemorySender } from "../workers/messages.ts";
import { eventStatement } from "../workers/data/outbox.ts";
import { commit } from "../workers/db.ts";
import { openDatabase } from "../workers/node/database.ts";
import { startWebhookRunner } from "../workers/webhooks/runner.ts";
import { webhookRuntime } from "../workers/webhooks/runtime.ts";

const THROUGHPUT_EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 2000);
const LATENCY_EVENTS = 200;
const POLL_MS = 250; // as in workers/entry-node.ts
const OPERATOR = "wtop_bench_operator_key_0123456789abcdef";

const RECEIVER = `
import { createServer } from "node:http";
const server = createServer((req, res) => {
  const at = performance.timeOrigin + performance.now();
  req.resume();
  req.on("end", () => {
    process.stdout.write(req.headers["webhook-id"] + " " + at + "\\n");
    res.writeHead(204).end();
  });
});
server.listen(0, "127.0.0.1", () => process.stdout.write("port " + server.address().port + "\\n"));
`;

function startReceiver(): Promise<{ port: number; received: Map<string, number>; stop: () => void }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", RECEIVER]);
    const received = new Map<string, number>();
    let buffer = "";
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        const [a, b] = line.split(" ");
        if (a === "port") resolve({ port: Number(b), received, stop: () => child.kill() });
        else if (a && !received.has(a)) received.set(a, Number(b));
      }
    });
  });
}

const now = () => performance.timeOrigin + performance.now();
const pct = (xs: number[], p: number) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
async function until(done: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!done() && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
}

const dir = mkdtempSync(join(tmpdir(), "wutong-bench-webhooks-"));
const { db, close } = await openDatabase(`file:${join(dir, "bench.db")}`);
const config = parseConfig(WorkerConfigSchema, { WUTONG_OPERATOR_KEY: OPERATOR, WUTONG_SECRETS_KEY: newSecretsKey(), WEBHOOK_ALLOW_PRIVATE_URLS: "true", LOG_LEVEL: "silent" });
const logger = { info: () => undefined, warn: () => undefined, error: (m: string) => console.error(m) };
const deps = { db, config, clock: () => new Date(), logger, sender: new MemorySender(), secrets: createSecretBox(config.WUTONG_SECRETS_KEY) };
const app = createApp({ deps: () => deps });
const post = async (key: string, path: string, body: unknown) =>
  (await (await app.request(path, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(body) })).json()) as unknown;

const receiver = await startReceiver();
const tenant = (await post(OPERATOR, "/v1/tenants", { name: "基准市", slug: "bench" })) as { tenant: { id: string }; admin_key: { key: string }; organization: { id: string } };
await post(tenant.admin_key.key, "/v1/webhook-endpoints", { url: `http://127.0.0.1:${receiver.port}/hook`, event_types: ["signup.confirmed"] });
const event = (at: Date) =>
  eventStatement(db, { tenantId: tenant.tenant.id, type: "signup.confirmed", audience: [tenant.organization.id], subjectType: "signup", subjectId: "sig_bench", payload: { signup_id: "sig_bench" }, at });

// 1. Throughput: a backlog of committed events, drained by the runner.
for (let i = 0; i < THROUGHPUT_EVENTS; i += 100) {
  await commit(db, Array.from({ length: Math.min(100, THROUGHPUT_EVENTS - i) }, () => event(new Date())));
}
let runner = startWebhookRunner(webhookRuntime(deps), POLL_MS);
const t0 = now();
await until(() => receiver.received.size >= THROUGHPUT_EVENTS, 120_000);
const drainMs = now() - t0;
const throughputDelivered = receiver.received.size;
await runner.stop();

// 2. Latency: events committed one at a time while the runner polls, as a live server does.
receiver.received.clear();
runner = startWebhookRunner(webhookRuntime(deps), POLL_MS);
const committed = new Map<string, number>();
for (let i = 0; i < LATENCY_EVENTS; i++) {
  const at = new Date();
  await commit(db, [event(at)]);
  const t = now();
  const [row] = await db.select({ id: outboxEvents.id }).from(outboxEvents).orderBy(desc(outboxEvents.createdAt)).limit(1);
  committed.set(row?.id ?? "", t);
  await new Promise((r) => setTimeout(r, 20));
}
await until(() => [...committed.keys()].every((id) => receiver.received.has(id)), 30_000);
await runner.stop();
const latencies = [...committed].flatMap(([id, t]) => {
  const got = receiver.received.get(id);
  return got === undefined ? [] : [got - t];
});

receiver.stop();
close();
rmSync(dir, { recursive: true, force: true });

const rows: [string, string][] = [
  ["events delivered per second (backlog of " + THROUGHPUT_EVENTS + ", 1 endpoint, signed, local receiver)", `${Math.round((throughputDelivered / drainMs) * 1000)} /s  (${throughputDelivered} in ${Math.round(drainMs)} ms)`],
  [`commit → receipt latency p50 (${latencies.length} events, runner polling every ${POLL_MS} ms)`, `${Math.round(pct(latencies, 50))} ms`],
  ["commit → receipt latency p95", `${Math.round(pct(latencies, 95))} ms`],
];
console.log(`\nwebhooks on the embedded default (node ${process.version}, ${availableParallelism()} cores, libSQL file in WAL mode)`);
console.log(`${"what".padEnd(100)} result`);
for (const [what, value] of rows) console.log(`${what.padEnd(100)} ${value}`);
