import { lt } from "drizzle-orm";
import { idempotencyKeys } from "../../schema/index.ts";
import { deleteStaleBuckets } from "../data/rate-limits.ts";
import type { Db } from "../db.ts";

/** Periodic housekeeping, run by the Cron Trigger on Workers and by a timer on Node. */
export async function sweep(db: Db, now: Date): Promise<{ idempotencyKeysDeleted: number; rateLimitBucketsDeleted: number }> {
  const deleted = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.expiresAt, now.toISOString()))
    .returning({ key: idempotencyKeys.key });
  // Throttling windows last at most a day; older counters are dead weight.
  const rateLimitBucketsDeleted = await deleteStaleBuckets(db, Math.floor(now.getTime() / 1000) - 86_400);
  return { idempotencyKeysDeleted: deleted.length, rateLimitBucketsDeleted };
}
