import type { Clock, Deps } from "../context.ts";
import type { Db } from "../db.ts";
import type { SecretBox } from "../lib/secrets.ts";
import type { Logger } from "../logger.ts";
import { CLAIM_MS, RETRY_DELAYS_MS } from "./schedule.ts";
import { fetchSender, type HttpSender } from "./sender.ts";
import type { HostResolver } from "./url-policy.ts";

/** Per-attempt timeout in production; tests inject a shorter one. */
export const ATTEMPT_TIMEOUT_MS = 15_000;

/** Everything the dispatcher and the sender need; side effects (HTTP, time, randomness) come in here. */
export interface WebhookRuntime {
  db: Db;
  clock: Clock;
  logger: Logger;
  send: HttpSender;
  /** Opens the endpoints' sealed signing secrets. */
  secrets: SecretBox;
  allowPrivateUrls: boolean;
  /** Resolves endpoint hosts so each address is checked at send time; absent where no lookup exists (Workers). */
  resolve?: HostResolver | undefined;
  timeoutMs: number;
  /** How long a claimed attempt is reserved for its runner. */
  claimMs: number;
  /** Jitter source, in [0, 1). */
  random: () => number;
  /** Waits after each consecutive failure; its length bounds the attempts. Chaos tests compress it. */
  retryDelaysMs: readonly number[];
  /** Events fanned out, and attempts claimed, per pass. */
  batchSize: number;
}

/** The runtime for an app's dependencies, with production defaults. */
export function webhookRuntime(deps: Deps, overrides: Partial<WebhookRuntime> = {}): WebhookRuntime {
  return {
    db: deps.db,
    clock: deps.clock,
    logger: deps.logger,
    send: deps.sendWebhook ?? fetchSender,
    secrets: deps.secrets,
    allowPrivateUrls: deps.config.WEBHOOK_ALLOW_PRIVATE_URLS === "true",
    resolve: deps.resolveHost,
    timeoutMs: ATTEMPT_TIMEOUT_MS,
    claimMs: CLAIM_MS,
    random: Math.random,
    retryDelaysMs: RETRY_DELAYS_MS,
    batchSize: 50,
    ...overrides,
  };
}
