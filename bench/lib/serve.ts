/**
 * The server process the HTTP benches talk to: what `npm start` runs (workers/entry-node.ts) —
 * the app on an embedded libSQL file, the in-process job queue, the webhook runner — served by
 * @hono/node-server on a local port, plus a few `/__bench/…` routes to read the process's own
 * memory and wait for its job queue. Not part of the product.
 *
 * Env: BENCH_DB (file path, required), BENCH_OPERATOR_KEY. Prints `port N` when listening.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { serve } from "@hono/node-server";
import { sql } from "drizzle-orm";
import { Hono } from "hono";
import { createApp } from "../../workers/app.ts";
import { parseConfig, WorkerConfigSchema } from "../../workers/config.ts";
import type { Deps } from "../../workers/context.ts";
import { JobQueue } from "../../workers/jobs/queue.ts";
import { createSecretBox, newSecretsKey } from "../../workers/lib/secrets.ts";
import { createLogger } from "../../workers/logger.ts";
import { MemorySender } from "../../workers/messages.ts";
import { openDatabase } from "../../workers/node/database.ts";
import { startWebhookRunner } from "../../workers/webhooks/runner.ts";
import { webhookRuntime } from "../../workers/webhooks/runtime.ts";

const file = process.env.BENCH_DB;
if (!file) throw new Error("BENCH_DB is required");
const { db, close } = await openDatabase(`file:${file}`);
  // Benchmarks post thousands of writes with one key: the write limit is off.
  const config = parseConfig(WorkerConfigSchema, {
    WUTONG_OPERATOR_KEY: process.env.BENCH_OPERATOR_KEY ?? "wtop_bench_operator_key_0123456789abcdef",
    WUTONG_SECRETS_KEY: newSecretsKey(),
    LOG_LEVEL: "error",
    RATE_LIMIT_WRITES: "0",
});
const logger = createLogger("error");
const jobs = new JobQueue(logger);
const secrets = createSecretBox(config.WUTONG_SECRETS_KEY);
const deps: Deps = { db, config, clock: () => new Date(), logger, jobs, sender: new MemorySender(), secrets };
const app = createApp({ deps: () => deps });
const webhooks = startWebhookRunner(webhookRuntime(deps), 250);

/** VmRSS and VmHWM (peak RSS) of this process, in bytes (Linux); falls back to Node's figures. */
function memory(): { rss: number; peak: number } {
  try {
    const status = readFileSync("/proc/self/status", "utf8");
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? Number.NaN) * 1024;
    return { rss: kb("VmRSS"), peak: kb("VmHWM") };
  } catch {
    return { rss: process.memoryUsage.rss(), peak: process.resourceUsage().maxRSS * 1024 };
  }
}

const control = new Hono();
control.get("/__bench/memory", (c) => c.json(memory()));
control.post("/__bench/reset-peak", (c) => {
  // Writing 5 to clear_refs resets VmHWM to the current RSS (Linux ≥ 4.0).
  let reset = true;
  try {
    writeFileSync("/proc/self/clear_refs", "5");
  } catch {
    reset = false;
  }
  return c.json({ reset, ...memory() });
});
control.get("/__bench/jobs", (c) => c.json({ pending: jobs.size }));
control.post("/__bench/drain", async (c) => {
  const t0 = performance.now();
  const pending = jobs.size;
  await jobs.drain();
  return c.json({ pending, ms: performance.now() - t0 });
});
control.post("/__bench/checkpoint", async (c) => {
  await db.run(sql`PRAGMA wal_checkpoint(TRUNCATE)`);
  return c.json({ ok: true });
});

// The app's own requests go straight to it, as in workers/entry-node.ts.
const fetch = (req: Request): Response | Promise<Response> => (new URL(req.url).pathname.startsWith("/__bench/") ? control.fetch(req) : app.fetch(req));
const server = serve({ fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  process.stdout.write(`port ${info.port}\n`);
});

const shutdown = (): void => {
  server.close();
  void Promise.all([webhooks.stop(), jobs.drain()]).finally(() => {
    close();
    process.exit(0);
  });
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
