/**
 * The chaos test's "server": a separate process running the webhook runner against a database
 * file, so the test can SIGKILL it mid-run and start another. Short timeout, short claims and a
 * compressed retry schedule keep the run to seconds; everything else is the production code path.
 */
import { openDatabase } from "../../workers/node/database.ts";
import { startWebhookRunner } from "../../workers/webhooks/runner.ts";
import { fetchSender } from "../../workers/webhooks/sender.ts";
import { createSecretBox } from "../../workers/lib/secrets.ts";
import { SECRETS_KEY } from "../helpers/app.ts";

const url = process.env.DATABASE_URL ?? "";
const { db } = await openDatabase(url);
const runner = startWebhookRunner(
  {
    db,
    clock: () => new Date(),
    logger: { info: () => undefined, warn: () => undefined, error: (msg, f) => process.stderr.write(`${msg} ${JSON.stringify(f)}\n`) },
    send: fetchSender,
    secrets: createSecretBox(SECRETS_KEY),
    allowPrivateUrls: true,
    timeoutMs: 200,
    claimMs: 1000,
    random: Math.random,
    retryDelaysMs: [0, 50, 100, 200, 300, 400, 500, 600],
    batchSize: 20,
  },
  20,
);
process.stdout.write("ready\n");
process.on("SIGTERM", () => {
  void runner.stop().then(() => process.exit(0));
});
