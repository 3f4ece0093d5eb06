import { lt } from "drizzle-orm";
import { idempotencyKeys } from "../../schema/index.ts";
import { deleteStaleBuckets } from "../data/rate-limits.ts";
import type { Db } from "../db.ts";
import { markInterruptedImports } from "../services/import-job.ts";
import { redactOldTalentImportReports } from "../services/import-privacy.ts";

/** Periodic housekeeping, run by the Cron Trigger on Workers and by a timer on Node. */
export async function sweep(db: Db, now: Date): Promise<{ idempotencyKeysDeleted: number; importsInterrupted: number; importReportsRedacted: number; rateLimitBucketsDeleted: number }> {
  const deleted = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.expiresAt, now.toISOString()))
    .returning({ key: idempotencyKeys.key });
  // An import whose heartbeat stopped belongs to a process that died.
  const importsInterrupted = await markInterruptedImports(db, now, { all: false });
  const importReportsRedacted = await redactOldTalentImportReports(db, now);
  // Throttling windows last at most a day; older counters are dead weight.
  const rateLimitBucketsDeleted = await deleteStaleBuckets(db, Math.floor(now.getTime() / 1000) - 86_400);
  return { idempotencyKeysDeleted: deleted.length, importsInterrupted, importReportsRedacted, rateLimitBucketsDeleted };
}
