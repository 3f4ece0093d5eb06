import { and, desc, eq, inArray, lt, type SQL, sql } from "drizzle-orm";
import { EDUCATION_LEVELS } from "../../matching/index.ts";
import { apiKeys, talents } from "../../schema/index.ts";
import type { Db, Statement } from "../db.ts";
import { jsonParam } from "./bulk.ts";
import { NotFoundError } from "../errors.ts";
import { deleteKeysStatement, replaceKeysStatements } from "./match-keys.ts";
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

/** Real erasure: the profile, its contact details, its index rows and its keys. */
export function eraseTalentStatements(db: Db, tenantId: string, id: string): Statement[] {
  return [
    db.delete(talents).where(and(eq(talents.tenantId, tenantId), eq(talents.id, id))),
    deleteKeysStatement(db, tenantId, id),
    db.delete(apiKeys).where(and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.talentId, id))),
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
