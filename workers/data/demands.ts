import { and, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import { demands, organizations } from "../../schema/index.ts";
import type { Db, Statement } from "../db.ts";
import { jsonParam } from "./bulk.ts";
import { NotFoundError } from "../errors.ts";
import { fingerprint64 } from "../lib/hash.ts";
import { deleteKeysStatement, hasSearchTerm, replaceKeysStatements } from "./match-keys.ts";
import { type DemandRow, demandKeys } from "./profiles.ts";
import { bumpVersionStatement } from "./versions.ts";

export type { DemandRow };

export async function getDemandInTenant(db: Db, tenantId: string, id: string): Promise<DemandRow> {
  const rows = await db
    .select()
    .from(demands)
    .where(and(eq(demands.tenantId, tenantId), eq(demands.id, id)))
    .limit(1);
  const row = rows[0];
  if (!row) throw new NotFoundError("demand", id);
  return row;
}

export interface DemandFilters {
  industry?: string | undefined;
  occupation?: string | undefined;
  city?: string | undefined;
  education?: string | undefined;
  mode?: string | undefined;
  categoryLevel?: number | undefined;
  status?: string | undefined;
  minUrgency?: number | undefined;
  industryChain?: string | undefined;
  organizationId?: string | undefined;
  catalogId?: string | undefined;
  /** Search terms that must each occur in the title or skills, or in the employer's name. */
  terms?: readonly string[] | undefined;
}

/** A page of demands, newest first. */
export async function listDemands(db: Db, tenantId: string, f: DemandFilters, opts: { limit: number; after: string | null }) {
  const conditions: SQL[] = [eq(demands.tenantId, tenantId)];
  if (f.industry) conditions.push(sql`${demands.industryCode} LIKE ${`${f.industry}%`}`);
  if (f.occupation) conditions.push(sql`${demands.occupationCode} LIKE ${`${f.occupation}%`}`);
  if (f.city) conditions.push(sql`${demands.city} LIKE ${`${f.city}%`}`);
  if (f.education) conditions.push(eq(demands.minEducation, f.education));
  if (f.mode) conditions.push(sql`EXISTS (SELECT 1 FROM json_each(${demands.modes}) WHERE json_each.value = ${f.mode})`);
  if (f.categoryLevel !== undefined) conditions.push(eq(demands.categoryLevel, f.categoryLevel));
  if (f.status) conditions.push(eq(demands.status, f.status as DemandRow["status"]));
  if (f.minUrgency !== undefined) conditions.push(gte(demands.urgency, f.minUrgency));
  if (f.industryChain) conditions.push(eq(demands.industryChain, f.industryChain));
  if (f.organizationId) conditions.push(eq(demands.organizationId, f.organizationId));
  if (f.catalogId) conditions.push(eq(demands.catalogId, f.catalogId));
  for (const term of new Set(f.terms ?? [])) {
    // The employer is matched by its organization's current name, so a renamed enterprise is found by its new name.
    const employer = sql`${demands.organizationId} IN (SELECT ${organizations.id} FROM ${organizations} WHERE ${organizations.tenantId} = ${tenantId} AND instr(lower(${organizations.name}), ${term}) > 0)`;
    conditions.push(sql`(${hasSearchTerm(sql`${demands.id}`, tenantId, "demand", term)} OR ${employer})`);
  }
  if (opts.after) conditions.push(lt(demands.id, opts.after));
  return db
    .select()
    .from(demands)
    .where(and(...conditions))
    .orderBy(desc(demands.id))
    .limit(opts.limit + 1);
}

/** What a demand says (not who wrote it or when): equal hashes mean a re-import changes nothing. */
export async function demandContentHash(row: DemandRow): Promise<string> {
  const { id: _id, tenantId: _t, contentHash: _h, createdBy: _c, createdAt: _ca, updatedAt: _u, filled: _f, unresolvedNames, ...content } = row;
  // Left out when empty, so lines hashed before the field existed still read as unchanged.
  return fingerprint64(JSON.stringify(unresolvedNames ? { ...content, unresolvedNames } : content));
}

export function insertDemandStatements(db: Db, row: DemandRow): Statement[] {
  return [
    db.insert(demands).values(row),
    ...replaceKeysStatements(db, row.tenantId, "demand", row.id, demandKeys(row)),
    bumpVersionStatement(db, row.tenantId, "demands"),
  ];
}

export function updateDemandStatements(db: Db, row: DemandRow): Statement[] {
  return [
    db
      .update(demands)
      .set(row)
      .where(and(eq(demands.tenantId, row.tenantId), eq(demands.id, row.id))),
    ...replaceKeysStatements(db, row.tenantId, "demand", row.id, demandKeys(row)),
    bumpVersionStatement(db, row.tenantId, "demands"),
  ];
}

export function deleteDemandStatements(db: Db, tenantId: string, id: string): Statement[] {
  return [
    db.delete(demands).where(and(eq(demands.tenantId, tenantId), eq(demands.id, id))),
    deleteKeysStatement(db, tenantId, id),
    bumpVersionStatement(db, tenantId, "demands"),
  ];
}

/** The catalog's demands with any of the given import keys, in one statement (the keys travel as one JSON parameter). */
export async function findDemandsByImportKeys(db: Db, catalogId: string, keys: readonly string[]): Promise<DemandRow[]> {
  if (keys.length === 0) return [];
  return db
    .select()
    .from(demands)
    .where(and(eq(demands.catalogId, catalogId), sql`${demands.importKey} IN (SELECT value FROM json_each(${jsonParam(keys)}))`));
}
