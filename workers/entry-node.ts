import { dirname } from "node:path";
import { getConnInfo } from "@hono/node-server/conninfo";
import { createApp } from "./app.ts";
import { ConfigError, NodeConfigSchema, parseConfig } from "./config.ts";
import type { Deps } from "./context.ts";
import { seedDemo } from "./demo/index.ts";
import { JobQueue } from "./jobs/queue.ts";
import { sweep } from "./jobs/sweep.ts";
import { markInterruptedImports } from "./services/import-job.ts";
import { resealWebhookSecrets } from "./data/webhooks.ts";
import { createSecretBox, newSecretsKey } from "./lib/secrets.ts";
import { createLogger, describeError } from "./logger.ts";
import { consoleSender } from "./messages.ts";
import { loadCredentials, newOperatorKey, saveCredentials } from "./node/credentials.ts";
import { localPath, openDatabase } from "./node/database.ts";
import { systemResolver } from "./node/resolver.ts";
import { serveApp } from "./node/server.ts";
import { pinnedSender } from "./node/webhook-sender.ts";
import { startWebhookRunner } from "./webhooks/runner.ts";
import { webhookRuntime } from "./webhooks/runtime.ts";

/** `npm start`: Wutong on Node with an embedded libSQL file, migrations applied and the demo region loaded. */
async function main(): Promise<void> {
  let config;
  try {
    config = parseConfig(NodeConfigSchema, process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }

  const dbPath = localPath(config.DATABASE_URL);
  const credentialsDir = dbPath ? dirname(dbPath) : null;
  const { db, close, migrated } = await openDatabase(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
  const credentials = credentialsDir ? loadCredentials(credentialsDir) : {};
  // On a local file this process is the only writer, so an import still `running` died with the
  // previous process; on a shared server only those whose heartbeat stopped are.
  await markInterruptedImports(db, new Date(), { all: dbPath !== null });

  let operatorKey = config.WUTONG_OPERATOR_KEY;
  if (!operatorKey) {
    if (!credentialsDir) {
      console.error("Invalid configuration:\n  - WUTONG_OPERATOR_KEY is required when DATABASE_URL is not a local file");
      process.exit(1);
    }
    operatorKey = credentials.operator_key ?? newOperatorKey();
    credentials.operator_key = operatorKey;
  }

  let secretsKey = config.WUTONG_SECRETS_KEY;
  if (!secretsKey) {
    if (!credentialsDir) {
      console.error("Invalid configuration:\n  - WUTONG_SECRETS_KEY is required when DATABASE_URL is not a local file");
      process.exit(1);
    }
    secretsKey = credentials.secrets_key ?? newSecretsKey();
    credentials.secrets_key = secretsKey;
  }
  const secrets = createSecretBox(secretsKey, config.WUTONG_SECRETS_KEY_PREVIOUS);

  const logger = createLogger(config.LOG_LEVEL);
  const jobs = new JobQueue(logger);
  const deps: Deps = {
    db,
    config: { ...config, WUTONG_OPERATOR_KEY: operatorKey, WUTONG_SECRETS_KEY: secretsKey },
    clock: () => new Date(),
    logger,
    jobs,
    sender: consoleSender,
    secrets,
    resolveHost: systemResolver,
    sendWebhook: pinnedSender({ allowPrivate: config.WEBHOOK_ALLOW_PRIVATE_URLS === "true" }),
    clientAddress: (c) => getConnInfo(c).remote.address ?? null,
  };
  // Webhook secrets stored in clear (before encryption) or under the previous key are sealed again now.
  await resealWebhookSecrets(db, secrets);

  let demoKey: string | null = null;
  if (config.WUTONG_DEMO === "true") {
    const demo = await seedDemo(db, new Date());
    if (demo.adminSecret) credentials.demo_admin_key = demo.adminSecret;
    demoKey = credentials.demo_admin_key ?? demo.adminSecret;
  }
  if (credentialsDir) saveCredentials(credentialsDir, credentials);

  const app = createApp({ deps: () => deps });
  const server = serveApp(app.fetch, { port: config.PORT, hostname: config.HOST, logger }, (port) => {
    const url = `http://${config.HOST}:${port}`;
    // performance.now() counts from process start, so this includes module loading and migrations.
    const ms = Math.round(performance.now());
    const lines = [
      "",
      `梧桐 Wutong is listening on ${url}  (ready in ${ms} ms)`,
      `  database      ${config.DATABASE_URL}${migrated.length ? `  (applied ${migrated.join(", ")})` : ""}`,
      `  operator key  ${operatorKey}`,
      `  demo admin    ${demoKey ?? (config.WUTONG_DEMO === "true" ? "(shown when the demo tenant was created)" : "(demo disabled: WUTONG_DEMO=false)")}`,
      `  API reference ${url}/docs`,
      "",
      "Try:",
      `  curl -s ${url}/v1/me -H 'authorization: Bearer ${demoKey ?? operatorKey}'`,
      "",
    ];
    console.log(lines.join("\n"));
  });

  const sweeper = setInterval(() => {
    sweep(db, new Date()).catch((err: unknown) => logger.error("sweep failed", describeError(err)));
  }, 60 * 60 * 1000);
  sweeper.unref();

  // Webhooks: fan out the outbox and send due attempts, back to back while busy, else every 250 ms.
  const webhooks = startWebhookRunner(webhookRuntime(deps), 250);

  const shutdown = (): void => {
    clearInterval(sweeper);
    server.close(() => {
      // An attempt cut short here is claimed again after its claim expires: nothing is lost.
      const grace = new Promise((resolve) => setTimeout(resolve, 3000).unref());
      void Promise.race([Promise.all([webhooks.stop(), jobs.drain()]), grace]).finally(() => {
        close();
        process.exit(0);
      });
    });
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((err: unknown) => {
  console.error("Wutong failed to start:", err instanceof Error ? err.message : err);
  process.exit(1);
});
