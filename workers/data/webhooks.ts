import { and, desc, eq, gte, lt, notLike, or, type SQL } from "drizzle-orm";
import { type DeliveryStatus, webhookDeliveries, webhookEndpoints } from "../../schema/tables/webhooks.ts";
import type { Db, Statement } from "../db.ts";
import type { SecretBox } from "../lib/secrets.ts";
import { NotFoundError } from "../errors.ts";

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;

/** Fetch-or-404 within a tenant. */
export async function getEndpointInTenant(db: Db, tenantId: string, id: string): Promise<WebhookEndpointRow> {
  const rows = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.id, id)))
    .limit(1);
  const row = rows[0];
  if (!row) throw new NotFoundError("webhook endpoint", id);
  return row;
}

/** Newest first; `organizationId` narrows to one organization. */
export async function listEndpoints(
  db: Db,
  tenantId: string,
  opts: { limit: number; after: string | null; organizationId?: string | undefined },
): Promise<WebhookEndpointRow[]> {
  const conditions = [eq(webhookEndpoints.tenantId, tenantId)];
  if (opts.organizationId) conditions.push(eq(webhookEndpoints.organizationId, opts.organizationId));
  if (opts.after) conditions.push(lt(webhookEndpoints.id, opts.after));
  return db
    .select()
    .from(webhookEndpoints)
    .where(and(...conditions))
    .orderBy(desc(webhookEndpoints.id))
    .limit(opts.limit + 1);
}

export function insertEndpoint(db: Db, row: WebhookEndpointRow): Statement {
  return db.insert(webhookEndpoints).values(row);
}

export function updateEndpoint(db: Db, tenantId: string, id: string, changes: Partial<WebhookEndpointRow>): Statement {
  return db
    .update(webhookEndpoints)
    .set(changes)
    .where(and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.id, id)));
}

/** Deleting an endpoint deletes its delivery log with it (foreign key cascade). */
export function deleteEndpoint(db: Db, tenantId: string, id: string): Statement {
  return db.delete(webhookEndpoints).where(and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.id, id)));
}

/** Fetch-or-404 within a tenant. */
export async function getDeliveryInTenant(db: Db, tenantId: string, id: string): Promise<WebhookDeliveryRow> {
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.id, id)))
    .limit(1);
  const row = rows[0];
  if (!row) throw new NotFoundError("webhook delivery", id);
  return row;
}

/** An endpoint's delivery log, newest first. */
export async function listDeliveries(
  db: Db,
  endpointId: string,
  opts: { limit: number; after: string | null; status?: DeliveryStatus | undefined },
): Promise<WebhookDeliveryRow[]> {
  const conditions = [eq(webhookDeliveries.endpointId, endpointId)];
  if (opts.status) conditions.push(eq(webhookDeliveries.status, opts.status));
  if (opts.after) conditions.push(lt(webhookDeliveries.id, opts.after));
  return db
    .select()
    .from(webhookDeliveries)
    .where(and(...conditions))
    .orderBy(desc(webhookDeliveries.id))
    .limit(opts.limit + 1);
}

/** Queues deliveries again from the start of the retry schedule; the `webhook-id` stays the same. */
export async function requeueDeliveries(db: Db, where: SQL | undefined, now: Date): Promise<string[]> {
  const at = now.toISOString();
  const rows = await db
    .update(webhookDeliveries)
    .set({ status: "pending", scheduleStep: 0, nextAttemptAt: at, claimedUntil: null, updatedAt: at })
    .where(where)
    .returning({ id: webhookDeliveries.id });
  return rows.map((r) => r.id);
}

/** Condition for one delivery of a tenant. */
export function oneDelivery(tenantId: string, id: string): SQL | undefined {
  return and(eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.id, id));
}

/** Condition for an endpoint's failed deliveries created since a time. */
export function failedSince(endpointId: string, since: Date): SQL | undefined {
  return and(
    eq(webhookDeliveries.endpointId, endpointId),
    eq(webhookDeliveries.status, "failed"),
    gte(webhookDeliveries.createdAt, since.toISOString()),
  );
}


/**
 * Seals again every endpoint secret stored in clear (rows from before encryption at rest) or under
 * a key other than the current one (after a rotation of WUTONG_SECRETS_KEY). Run at start (Node)
 * and on every cron run (Worker); once it finds nothing, WUTONG_SECRETS_KEY_PREVIOUS can go.
 */
export async function resealWebhookSecrets(db: Db, box: SecretBox): Promise<number> {
  const prefix = await box.currentPrefix();
  const stale = (v: string | null): v is string => v !== null && !v.startsWith(prefix);
  const rows = await db
    .select({ id: webhookEndpoints.id, secret: webhookEndpoints.secret, previousSecret: webhookEndpoints.previousSecret })
    .from(webhookEndpoints)
    .where(or(notLike(webhookEndpoints.secret, `${prefix}%`), notLike(webhookEndpoints.previousSecret, `${prefix}%`)));
  for (const row of rows) {
    const secret = stale(row.secret) ? await box.seal(await box.open(row.secret)) : row.secret;
    const previousSecret = stale(row.previousSecret) ? await box.seal(await box.open(row.previousSecret)) : row.previousSecret;
    // Conditional on the value read, so a rotation that landed meanwhile is not overwritten.
    await db
      .update(webhookEndpoints)
      .set({ secret, previousSecret })
      .where(and(eq(webhookEndpoints.id, row.id), eq(webhookEndpoints.secret, row.secret)));
  }
  return rows.length;
}
