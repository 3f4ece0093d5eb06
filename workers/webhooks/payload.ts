/** The stored event a delivery carries (an outbox row, or a ping). */
export interface EventRecord {
  id: string;
  tenantId: string;
  type: string;
  subjectType: string;
  subjectId: string;
  payload: Record<string, unknown>;
  createdAt: string;
}

/** What an endpoint receives: the same bytes on every attempt and replay of an event. */
export interface WebhookBody {
  type: string;
  timestamp: string;
  data: Record<string, unknown> & { tenant_id: string; subject: { type: string; id: string } };
}

/**
 * The body of an event's deliveries. Payloads hold ids and non-personal fields only; the receiver
 * fetches the rest through the API, where consent rules apply.
 */
export function webhookBody(event: EventRecord): string {
  const body: WebhookBody = {
    type: event.type,
    timestamp: event.createdAt,
    data: { ...event.payload, tenant_id: event.tenantId, subject: { type: event.subjectType, id: event.subjectId } },
  };
  return JSON.stringify(body);
}
