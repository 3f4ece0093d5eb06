import { and, desc, eq, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import { EDUCATION_LEVELS } from "../../matching/index.ts";
import { apiKeys, outboxEvents, talents } from "../../schema/index.ts";
import { contactChanges, talentInvitations } from "../../schema/tables/consent.ts";
import { suggestions } from "../../schema/tables/introductions.ts";
import type { Db, Statement } from "../db.ts";
import { jsonParam } from "./bulk.ts";
import { NotFoundError } from "../errors.ts";
import { forgetAnswersMentioningStatement } from "./idempotency.ts";
import { deleteKeysStatement, hasAllSearchTerms, replaceKeysStatements } from "./match-keys.ts";
import { type TalentRow, talentKeys } from "./profiles.ts";
import { bumpVersionStatement } from "./versions.ts";

export type { TalentRow };

export async function getTalentInTenant(db: Db, tenantId: string, id: string): Promise<TalentRow> {
  const rows = await db
    .select()
    .from(talents)
    .where(and(eq(talents.tenantId, tenantId), eq(talents.id, id)))
    .limit(1);
  const row = rows[0];
  if (!row) throw new NotFoundError("talent", id);
  return row;
}

export interface TalentFilters {
  industry?: string | undefined;
  occupation?: string | undefined;
  city?: string | undefined;
  education?: string | undefined;
  mode?: string | undefined;
  categoryLevel?: number | undefined;
  /** Search terms (matching/search-terms.ts) that must all occur in the name, skills, major or school. */
  terms?: readonly string[] | undefined;
}

function arrayHasPrefix(column: SQL, prefix: string): SQL {
  return sql`EXISTS (SELECT 1 FROM json_each(${column}) WHERE json_each.value LIKE ${`${prefix}%`})`;
}

/** A page of talents, newest first, narrowed by the list filters. */
export async function listTalents(db: Db, tenantId: string, filters: TalentFilters, opts: { limit: number; after: string | null }) {
  const conditions: SQL[] = [eq(talents.tenantId, tenantId)];
  if (filters.industry) conditions.push(arrayHasPrefix(sql`${talents.industries}`, filters.industry));
  if (filters.occupation) conditions.push(arrayHasPrefix(sql`${talents.occupations}`, filters.occupation));
  if (filters.mode) conditions.push(sql`EXISTS (SELECT 1 FROM json_each(${talents.modes}) WHERE json_each.value = ${filters.mode})`);
  if (filters.city) conditions.push(sql`${talents.city} LIKE ${`${filters.city}%`}`);
  if (filters.education) {
    // "education=master" means at least a master's degree.
    const from = EDUCATION_LEVELS.indexOf(filters.education as (typeof EDUCATION_LEVELS)[number]);
    conditions.push(inArray(talents.education, EDUCATION_LEVELS.slice(Math.max(0, from))));
  }
  if (filters.categoryLevel !== undefined) conditions.push(eq(talents.categoryLevel, filters.categoryLevel));
  if (filters.terms && filters.terms.length > 0) conditions.push(hasAllSearchTerms(sql`${talents.id}`, tenantId, "talent", filters.terms));
  if (opts.after) conditions.push(lt(talents.id, opts.after));
  return db
    .select()
    .from(talents)
    .where(and(...conditions))
    .orderBy(desc(talents.id))
    .limit(opts.limit + 1);
}

/** Insert a talent with its index keys. */
export function insertTalentStatements(db: Db, row: TalentRow): Statement[] {
  return [
    db.insert(talents).values(row),
    ...replaceKeysStatements(db, row.tenantId, "talent", row.id, talentKeys(row)),
    bumpVersionStatement(db, row.tenantId, "talents"),
  ];
}

/** Overwrite a talent (every column) and rewrite its index keys. */
export function updateTalentStatements(db: Db, row: TalentRow): Statement[] {
  return [
    db
      .update(talents)
      .set(row)
      .where(and(eq(talents.tenantId, row.tenantId), eq(talents.id, row.id))),
    ...replaceKeysStatements(db, row.tenantId, "talent", row.id, talentKeys(row)),
    bumpVersionStatement(db, row.tenantId, "talents"),
  ];
}

/** What an erased talent's id becomes in the events that named it. */
export const ERASED_ID = "erased";

/**
 * Real erasure: the profile, its contact details, its index rows, its keys, invitations and
 * pending contact changes, its suggestions (with their scores), the remembered idempotent answers
 * that mention it, and its id in outbox events (payloads and subjects, so `match.created` and
 * other webhooks sent after this carry no trace of it). All in the caller's one batch.
 */
export function eraseTalentStatements(db: Db, row: Pick<TalentRow, "tenantId" | "id" | "phone" | "email">): Statement[] {
  const { tenantId, id } = row;
  return [
    db.delete(talents).where(and(eq(talents.tenantId, tenantId), eq(talents.id, id))),
    deleteKeysStatement(db, tenantId, id),
    db.delete(apiKeys).where(and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.talentId, id))),
    db.delete(talentInvitations).where(and(eq(talentInvitations.tenantId, tenantId), eq(talentInvitations.talentId, id))),
    db.delete(contactChanges).where(and(eq(contactChanges.tenantId, tenantId), eq(contactChanges.talentId, id))),
    db.delete(suggestions).where(and(eq(suggestions.tenantId, tenantId), eq(suggestions.talentId, id))),
    db
      .update(outboxEvents)
      .set({
        payload: sql`replace(${outboxEvents.payload}, ${id}, ${ERASED_ID})`,
        subjectId: sql`CASE WHEN ${outboxEvents.subjectId} = ${id} THEN ${ERASED_ID} ELSE ${outboxEvents.subjectId} END`,
      })
      .where(and(eq(outboxEvents.tenantId, tenantId), or(eq(outboxEvents.subjectId, id), sql`instr(${outboxEvents.payload}, ${id}) > 0`))),
    forgetAnswersMentioningStatement(db, tenantId, [id, row.phone ?? "", row.email ?? ""]),
    bumpVersionStatement(db, tenantId, "talents"),
  ];
}

/** The tenant's talents with any of the given external ids or phones (what imports key on), in one statement. */
export async function findTalentsByKeys(db: Db, tenantId: string, externalIds: readonly string[], phones: readonly string[]): Promise<TalentRow[]> {
  if (externalIds.length === 0 && phones.length === 0) return [];
  const ext = jsonParam(externalIds);
  const tel = jsonParam(phones);
  return db
    .select()
    .from(talents)
    .where(
      and(
        eq(talents.tenantId, tenantId),
        sql`(${talents.externalId} IN (SELECT value FROM json_each(${ext})) OR ${talents.phone} IN (SELECT value FROM json_each(${tel})))`,
      ),
    );
}
