import { newId } from "../lib/ids.ts";

/** Id prefixes of webhook objects, kept here so the shared id table need not change for them. */
export const WEBHOOK_ID_PREFIXES = { endpoint: "whe", delivery: "whd" } as const;
export type WebhookIdKind = keyof typeof WEBHOOK_ID_PREFIXES;

/** A time-ordered id in the project's format (`whe_…`, `whd_…`). */
export function newWebhookId(kind: WebhookIdKind, now: Date): string {
  return `${WEBHOOK_ID_PREFIXES[kind]}${newId("message", now).slice(3)}`;
}

/** Matches ids of a webhook kind, for path parameters. */
export function webhookIdPattern(kind: WebhookIdKind): RegExp {
  return new RegExp(`^${WEBHOOK_ID_PREFIXES[kind]}_[0-9A-HJKMNP-TV-Z]{26}$`);
}
