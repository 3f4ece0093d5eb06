import { drizzle } from "drizzle-orm/d1";
import * as schema from "../schema/index.ts";
import { createApp } from "./app.ts";
import { ConfigError, parseConfig, WorkerConfigSchema } from "./config.ts";
import type { Deps, WorkerBindings } from "./context.ts";
import { resealWebhookSecrets } from "./data/webhooks.ts";
import { ApiError } from "./errors.ts";
import { sweep } from "./jobs/sweep.ts";
import { createSecretBox } from "./lib/secrets.ts";
import { createLogger, describeError } from "./logger.ts";
import { consoleSender } from "./messages.ts";
import { drain } from "./webhooks/runner.ts";
import { webhookRuntime } from "./webhooks/runtime.ts";

const depsCache = new WeakMap<WorkerBindings, Deps>();

/** Builds the request's dependencies from the bindings; a bad configuration is a 503 naming the variable. */
function depsFrom(env: WorkerBindings): Deps {
  const cached = depsCache.get(env);
  if (cached) return cached;
  let config;
  try {
    config = parseConfig(WorkerConfigSchema, { ...env });
  } catch (err) {
    if (err instanceof ConfigError) throw new ApiError("service_unavailable", `The service is misconfigured: ${err.problems.join("; ")}.`);
    throw err;
  }
  const deps: Deps = {
    db: drizzle(env.DB, { schema }),
    config,
    clock: () => new Date(),
    logger: createLogger(config.LOG_LEVEL),
    sender: consoleSender,
    secrets: createSecretBox(config.WUTONG_SECRETS_KEY, config.WUTONG_SECRETS_KEY_PREVIOUS),
    // Cloudflare sets it on every request and overwrites a client's own.
    clientAddress: (c) => c.req.header("cf-connecting-ip") ?? null,
  };
  depsCache.set(env, deps);
  return deps;
}

const app = createApp({ deps: (c) => depsFrom(c.env) });

/** Webhook work per cron run: passes stop starting after this, so a run ends before the next one (each attempt ≤ 15 s). */
const WEBHOOK_BUDGET_MS = 40_000;

export default {
  fetch: app.fetch,
  async scheduled(_controller, env, ctx) {
    const deps = depsFrom(env);
    ctx.waitUntil(sweep(deps.db, new Date()).then(() => undefined));
    ctx.waitUntil(resealWebhookSecrets(deps.db, deps.secrets).then(() => undefined));
    ctx.waitUntil(
      drain(webhookRuntime(deps), WEBHOOK_BUDGET_MS).then(
        () => undefined,
        (err: unknown) => deps.logger.error("webhook run failed", describeError(err)),
      ),
    );
  },
} satisfies ExportedHandler<WorkerBindings>;
