import { and, eq, lt, sql } from "drizzle-orm";
import { rateLimits } from "../../schema/tables/rate-limits.ts";
import type { Db } from "../db.ts";

/**
 * Counts one hit in `bucket` for the window starting at `windowStart` (epoch seconds) and returns
 * the count so far. One UPSERT: a row from an older window restarts at 1, so no read-then-write
 * race can lose or double a count.
 */
export async function hitBucket(db: Db, bucket: string, windowStart: number): Promise<number> {
  const rows = await db
    .insert(rateLimits)
    .values({ bucket, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.bucket,
      set: {
        count: sql`CASE WHEN ${rateLimits.windowStart} = excluded.window_start THEN ${rateLimits.count} + 1 ELSE 1 END`,
        windowStart: sql`excluded.window_start`,
      },
    })
    .returning({ count: rateLimits.count });
  return Number(rows[0]?.count ?? 1);
}

/** The hits in `bucket` during the window starting at `windowStart`; 0 when none. */
export async function bucketCount(db: Db, bucket: string, windowStart: number): Promise<number> {
  const rows = await db
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(and(eq(rateLimits.bucket, bucket), eq(rateLimits.windowStart, windowStart)))
    .limit(1);
  return Number(rows[0]?.count ?? 0);
}

/** Drops counters of windows that ended before `before` (epoch seconds). */
export async function deleteStaleBuckets(db: Db, before: number): Promise<number> {
  const deleted = await db.delete(rateLimits).where(lt(rateLimits.windowStart, before)).returning({ bucket: rateLimits.bucket });
  return deleted.length;
}
