import { eq } from "drizzle-orm";
import { outboxEvents } from "../../schema/outbox.ts";
import { eventStatement, type EventType } from "../../workers/data/outbox.ts";
import { commit } from "../../workers/db.ts";
import { createSecretBox } from "../../workers/lib/secrets.ts";
import { SECRETS_KEY } from "../helpers/app.ts";
import type { Logger } from "../../workers/logger.ts";
import type { WebhookRuntime } from "../../workers/webhooks/runtime.ts";
import { RETRY_DELAYS_MS } from "../../workers/webhooks/schedule.ts";
import { fetchSender } from "../../workers/webhooks/sender.ts";
import type { Db } from "../../workers/db.ts";

export const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A runner with a short timeout, no jitter, and a clock the test moves. */
export function testRuntime(db: Db, overrides: Partial<WebhookRuntime> = {}): WebhookRuntime & { now: Date } {
  const rt: WebhookRuntime & { now: Date } = {
    now: new Date(),
    db,
    clock: () => rt.now,
    logger: silent,
    send: fetchSender,
    secrets: createSecretBox(SECRETS_KEY),
    allowPrivateUrls: true,
    timeoutMs: 200,
    claimMs: 60_000,
    random: () => 0.5,
    retryDelaysMs: RETRY_DELAYS_MS,
    batchSize: 50,
    ...overrides,
  };
  return rt;
}

let subjects = 0;

/** Commits an outbox event the way every capability does, and returns its id. */
export async function emit(
  db: Db,
  e: { tenantId: string; audience: string[]; type?: EventType; at?: Date; payload?: Record<string, unknown> },
): Promise<string> {
  subjects += 1;
  const subjectId = `sig_${String(subjects).padStart(26, "0")}`;
  await commit(db, [
    eventStatement(db, {
      tenantId: e.tenantId,
      type: e.type ?? "signup.confirmed",
      audience: e.audience,
      subjectType: "signup",
      subjectId,
      payload: e.payload ?? { signup_id: subjectId },
      at: e.at ?? new Date(),
    }),
  ]);
  const rows = await db.select({ id: outboxEvents.id }).from(outboxEvents).where(eq(outboxEvents.subjectId, subjectId));
  return rows[0]?.id ?? "";
}
