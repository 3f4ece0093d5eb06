import { type IdKind, idPattern, newId } from "../lib/ids.ts";

/** Webhook objects' id kinds, named as the webhook code uses them. */
const KINDS = { endpoint: "webhookEndpoint", delivery: "webhookDelivery" } as const satisfies Record<string, IdKind>;
export type WebhookIdKind = keyof typeof KINDS;

/** A time-ordered id in the project's format (`whe_…`, `whd_…`). */
export function newWebhookId(kind: WebhookIdKind, now: Date): string {
  return newId(KINDS[kind], now);
}

/** Matches ids of a webhook kind, for path parameters. */
export function webhookIdPattern(kind: WebhookIdKind): RegExp {
  return idPattern(KINDS[kind]);
}
