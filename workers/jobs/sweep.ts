import { lt } from "drizzle-orm";
import { idempotencyKeys } from "../../schema/index.ts";
import type { Db } from "../db.ts";

/** Periodic housekeeping, run by the Cron Trigger on Workers and by a timer on Node. */
export async function sweep(db: Db, now: Date): Promise<{ idempotencyKeysDeleted: number }> {
  const deleted = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.expiresAt, now.toISOString()))
    .returning({ key: idempotencyKeys.key });
  return { idempotencyKeysDeleted: deleted.length };
}
