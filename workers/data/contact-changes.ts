import { and, asc, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { contactChanges } from "../../schema/tables/consent.ts";
import type { Db, Statement } from "../db.ts";

export type ContactChangeRow = typeof contactChanges.$inferSelect;

export function insertContactChangeStatement(db: Db, row: ContactChangeRow): Statement {
  return db.insert(contactChanges).values(row);
}

/** The key's contact changes since `since`, oldest first (the rate limit's window). */
export async function contactChangesOfKeySince(db: Db, keyId: string, since: string): Promise<{ createdAt: string }[]> {
  return db
    .select({ createdAt: contactChanges.createdAt })
    .from(contactChanges)
    .where(and(eq(contactChanges.keyId, keyId), gt(contactChanges.createdAt, since)))
    .orderBy(asc(contactChanges.createdAt));
}

/** The talent's newest unconfirmed, unexpired change, if any. */
export async function pendingContactChange(db: Db, tenantId: string, talentId: string, now: string): Promise<ContactChangeRow | null> {
  const rows = await db
    .select()
    .from(contactChanges)
    .where(
      and(
        eq(contactChanges.tenantId, tenantId),
        eq(contactChanges.talentId, talentId),
        isNull(contactChanges.confirmedAt),
        gt(contactChanges.expiresAt, now),
      ),
    )
    .orderBy(desc(contactChanges.id))
    .limit(1);
  return rows[0] ?? null;
}

/** Counts a wrong code; the attempt limit is checked against the stored count. */
/**
 * Ends every change still waiting for a code for this talent: a new request supersedes them, so
 * only the newest code can confirm (ids of one millisecond do not always sort by request order).
 * The rows stay, so the per-key hourly count still sees them.
 */
export function supersedePendingStatement(db: Db, tenantId: string, talentId: string): Statement {
  return db
    .update(contactChanges)
    .set({ expiresAt: "1970-01-01T00:00:00.000Z" })
    .where(and(eq(contactChanges.tenantId, tenantId), eq(contactChanges.talentId, talentId), isNull(contactChanges.confirmedAt)));
}

export function countAttemptStatement(db: Db, id: string): Statement {
  return db
    .update(contactChanges)
    .set({ attempts: sql`${contactChanges.attempts} + 1` })
    .where(eq(contactChanges.id, id));
}

/** Marks a change confirmed, only once. */
export function confirmContactChangeStatement(db: Db, id: string, at: string): Statement {
  return db
    .update(contactChanges)
    .set({ confirmedAt: at })
    .where(and(eq(contactChanges.id, id), isNull(contactChanges.confirmedAt)));
}
