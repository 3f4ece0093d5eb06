import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { outboxEvents } from "../../schema/outbox.ts";
import { webhookDeliveries, webhookEndpoints } from "../../schema/tables/webhooks.ts";
import type { WebhookDeliveryRow, WebhookEndpointRow } from "../data/webhooks.ts";
import { describeError } from "../logger.ts";
import { recordOutcome } from "./outcome.ts";
import { type EventRecord, webhookBody } from "./payload.ts";
import type { WebhookRuntime } from "./runtime.ts";
import type { SendOutcome } from "./sender.ts";
import { signedHeaders } from "./signing.ts";
import { addressProblem, hostToResolve, urlProblem } from "./url-policy.ts";

/**
 * Claims due attempts and sends them. The claim is one conditional UPDATE: a row is taken only if
 * no live claim holds it, so two runners never send the same attempt; `attempts` goes up in the
 * same statement and is the token the result must match when it is recorded.
 */
export async function deliverDue(rt: WebhookRuntime, onlyIds?: string[]): Promise<number> {
  const claimed = await claimDue(rt, onlyIds);
  if (claimed.length === 0) return 0;
  const endpointIds = [...new Set(claimed.map((d) => d.endpointId))];
  const eventIds = [...new Set(claimed.map((d) => d.eventId))];
  const endpoints = new Map((await rt.db.select().from(webhookEndpoints).where(inArray(webhookEndpoints.id, endpointIds))).map((e) => [e.id, e]));
  const events = new Map((await rt.db.select().from(outboxEvents).where(inArray(outboxEvents.id, eventIds))).map((e) => [e.id, e]));
  await Promise.all(
    claimed.map(async (delivery) => {
      const endpoint = endpoints.get(delivery.endpointId);
      const event = events.get(delivery.eventId);
      // Both are foreign keys with cascades: a row missing here was deleted mid-pass; nothing to send.
      if (!endpoint || !event) return;
      try {
        await attempt(rt, delivery, endpoint, event);
      } catch (err) {
        // The claim expires and the attempt is taken again; log so a persistent fault is seen.
        rt.logger.error("webhook attempt failed to record", { delivery_id: delivery.id, ...describeError(err) });
      }
    }),
  );
  return claimed.length;
}

async function claimDue(rt: WebhookRuntime, onlyIds?: string[]): Promise<WebhookDeliveryRow[]> {
  const now = rt.clock();
  const at = now.toISOString();
  const d = webhookDeliveries;
  const claimable = and(eq(d.status, "pending"), lte(d.nextAttemptAt, at), or(isNull(d.claimedUntil), lt(d.claimedUntil, at)));
  // Read first, so an idle runner never takes the write lock; the UPDATE re-checks the condition.
  const due = await rt.db
    .select({ id: d.id })
    .from(d)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, d.endpointId))
    .where(and(claimable, eq(webhookEndpoints.enabled, true), onlyIds ? inArray(d.id, onlyIds) : undefined))
    .orderBy(asc(d.nextAttemptAt))
    .limit(rt.batchSize);
  if (due.length === 0) return [];
  return rt.db
    .update(d)
    .set({ claimedUntil: new Date(now.getTime() + rt.claimMs).toISOString(), attempts: sql`${d.attempts} + 1`, updatedAt: at })
    .where(and(inArray(d.id, due.map((r) => r.id)), claimable))
    .returning();
}

/** One signed POST for a claimed delivery, then its outcome recorded. */
export async function attempt(rt: WebhookRuntime, delivery: WebhookDeliveryRow, endpoint: WebhookEndpointRow, event: EventRecord): Promise<void> {
  const sentAt = rt.clock();
  const body = webhookBody(event);
  const secrets = [await rt.secrets.open(endpoint.secret)];
  if (endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > sentAt.toISOString()) {
    secrets.push(await rt.secrets.open(endpoint.previousSecret));
  }
  const headers = {
    "content-type": "application/json",
    "user-agent": "Wutong-Webhooks/1.0",
    ...(await signedHeaders(secrets, event.id, sentAt, body)),
  };
  const refused = await sendTimeRefusal(rt, endpoint.url);
  const outcome: SendOutcome = refused
    ? { kind: "error", error: refused, latencyMs: 0 }
    : await rt.send({ url: endpoint.url, headers, body, timeoutMs: rt.timeoutMs });
  await recordOutcome(rt, delivery, endpoint, outcome);
}

/**
 * The URL policy again at send time (the setting may have changed since the URL was accepted),
 * and, where a resolver exists, on every address the host resolves to: a public name that points
 * at a private or metadata address is refused like the literal would be.
 */
async function sendTimeRefusal(rt: WebhookRuntime, url: string): Promise<string | null> {
  const literal = urlProblem(url, rt.allowPrivateUrls);
  if (literal) return `url refused: ${literal}`;
  const host = rt.resolve ? hostToResolve(url) : null;
  if (!rt.resolve || !host) return null;
  let addresses: string[];
  try {
    addresses = await rt.resolve(host);
  } catch {
    return `connection failed: ${host} does not resolve`;
  }
  if (addresses.length === 0) return `connection failed: ${host} does not resolve`;
  for (const address of addresses) {
    const problem = addressProblem(address, rt.allowPrivateUrls);
    if (problem) return `url refused: ${host} resolves to ${address}; ${problem}`;
  }
  return null;
}
