import { and, or, sql } from "drizzle-orm";
import { idempotencyKeys } from "../../schema/index.ts";
import type { Db } from "../db.ts";

/** The idempotency store's scope of a tenant key: answers are remembered per tenant and calling key. */
export function idempotencyScope(tenantScope: string, keyId: string): string {
  return `${tenantScope}:${keyId}`;
}

/**
 * Deletes every remembered answer of the tenant's callers that mentions one of `needles` (a talent's
 * id, phone, email): erasure leaves no replayable copy behind.
 */
export function forgetAnswersMentioningStatement(db: Db, tenantId: string, needles: readonly string[]) {
  const prefix = idempotencyScope(tenantId, "");
  const mentions = needles.filter((n) => n.length > 0).map((n) => sql`instr(${idempotencyKeys.responseBody}, ${n}) > 0`);
  return db
    .delete(idempotencyKeys)
    .where(and(sql`substr(${idempotencyKeys.scope}, 1, ${prefix.length}) = ${prefix}`, or(...mentions)));
}
