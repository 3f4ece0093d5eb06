import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import * as schema from "../../schema/index.ts";
import { applyMigrations } from "../../schema/migrate.ts";
import { createApp, type App } from "../../workers/app.ts";
import { parseConfig, WorkerConfigSchema } from "../../workers/config.ts";
import type { Deps } from "../../workers/context.ts";
import { JobQueue } from "../../workers/jobs/queue.ts";
import type { Db } from "../../workers/db.ts";
import { createSecretBox } from "../../workers/lib/secrets.ts";
import type { Logger } from "../../workers/logger.ts";
import { MemorySender } from "../../workers/messages.ts";
import { readMigrationsDir } from "../../workers/node/migrations-fs.ts";
import { MIGRATIONS_DIR } from "../../workers/node/database.ts";

export const OPERATOR_KEY = "wtop_test_operator_key_0123456789abcdef";
/** The AES-256 key (base64) sealing webhook secrets in test apps. */
export const SECRETS_KEY = "dGVzdC1zZWNyZXRzLWtleS0wMTIzNDU2Nzg5YWJjZGU=";

export interface LogLine {
  level: "info" | "warn" | "error";
  msg: string;
  fields: Record<string, unknown>;
}

export interface TestApp {
  app: App;
  db: Db;
  logs: LogLine[];
  /** The in-process job runner (suggestions and other deferred work): `await t.jobs.drain()`. */
  jobs: JobQueue;
  /** Every invitation and verification code the app sent, as the talent would receive it. */
  sender: MemorySender;
  /** Moves the clock the app sees. */
  setNow(date: Date): void;
  close(): void;
  /** Sends a request through `app.request()`; `key` becomes the bearer token, objects become JSON. */
  call(method: string, path: string, opts?: { key?: string | null; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
}

/** A fresh app on its own in-memory libSQL database with every migration applied. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const client = createClient({ url: ":memory:" });
  await client.execute("PRAGMA foreign_keys = ON");
  const db = drizzle(client, { schema });
  await applyMigrations(db, readMigrationsDir(MIGRATIONS_DIR));
  const logs: LogLine[] = [];
  const capture =
    (level: LogLine["level"]): Logger["info"] =>
    (msg, fields) =>
      logs.push({ level, msg, fields: fields ?? {} });
  const logger: Logger = { info: capture("info"), warn: capture("warn"), error: capture("error") };
  let now: Date | null = null;
  const config = parseConfig(WorkerConfigSchema, { WUTONG_OPERATOR_KEY: OPERATOR_KEY, WUTONG_SECRETS_KEY: SECRETS_KEY, ...env });
  const jobs = new JobQueue(logger);
  const sender = new MemorySender();
  const secrets = createSecretBox(config.WUTONG_SECRETS_KEY, config.WUTONG_SECRETS_KEY_PREVIOUS);
  const deps: Deps = { db, config, logger, jobs, sender, secrets, clock: () => now ?? new Date() };
  const app = createApp({ deps: () => deps });
  return {
    app,
    db,
    logs,
    jobs,
    sender,
    setNow: (d) => {
      now = d;
    },
    close: () => client.close(),
    call: (method, path, opts = {}) => {
      const headers: Record<string, string> = { ...opts.headers };
      if (opts.key) headers.authorization = `Bearer ${opts.key}`;
      let body: string | undefined;
      if (opts.body !== undefined) {
        body = typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
        headers["content-type"] ??= "application/json";
      }
      return Promise.resolve(app.request(path, { method, headers, body }));
    },
  };
}
