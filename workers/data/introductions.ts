import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { type IntroductionStatus, introductions, suggestions } from "../../schema/tables/introductions.ts";
import type { Db, Statement } from "../db.ts";
import { NotFoundError } from "../errors.ts";

export type IntroductionRow = typeof introductions.$inferSelect;

export async function getIntroductionInTenant(db: Db, tenantId: string, id: string): Promise<IntroductionRow> {
  const rows = await db
    .select()
    .from(introductions)
    .where(and(eq(introductions.tenantId, tenantId), eq(introductions.id, id)))
    .limit(1);
  const row = rows[0];
  if (!row) throw new NotFoundError("introduction", id);
  return row;
}

export interface IntroductionFilters {
  talentId?: string | undefined;
  organizationId?: string | undefined;
  demandId?: string | undefined;
  status?: IntroductionStatus | undefined;
}

export async function listIntroductions(db: Db, tenantId: string, f: IntroductionFilters, opts: { limit: number; after: string | null }) {
  const conditions: SQL[] = [eq(introductions.tenantId, tenantId)];
  if (f.talentId) conditions.push(eq(introductions.talentId, f.talentId));
  if (f.organizationId) conditions.push(eq(introductions.organizationId, f.organizationId));
  if (f.demandId) conditions.push(eq(introductions.demandId, f.demandId));
  if (f.status) conditions.push(eq(introductions.status, f.status));
  if (opts.after) conditions.push(lt(introductions.id, opts.after));
  return db
    .select()
    .from(introductions)
    .where(and(...conditions))
    .orderBy(desc(introductions.id))
    .limit(opts.limit + 1);
}

/**
 * Moves an introduction from one status to another only if it is still in `from`: a race between
 * two responses settles in the database, and the loser sees zero rows changed.
 */
export function transitionStatement(db: Db, id: string, from: IntroductionStatus, set: Partial<IntroductionRow>) {
  return db
    .update(introductions)
    .set(set)
    .where(and(eq(introductions.id, id), eq(introductions.status, from)))
    .returning({ id: introductions.id });
}

/** A suggestion for the pair, if any, becomes `introduced`. */
export function markSuggestionIntroduced(db: Db, demandId: string, talentId: string, at: string): Statement {
  return db
    .update(suggestions)
    .set({ status: "introduced", updatedAt: at })
    .where(and(eq(suggestions.demandId, demandId), eq(suggestions.talentId, talentId)));
}
