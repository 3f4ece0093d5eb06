import { and, asc, desc, eq, lt } from "drizzle-orm";
import { industryChains } from "../../schema/tables/industry-chains.ts";
import type { Db } from "../db.ts";
import { NotFoundError } from "../errors.ts";

export type IndustryChainRow = typeof industryChains.$inferSelect;

/** Every chain of the tenant, by name (a tenant has tens, not thousands). */
export async function listIndustryChains(db: Db, tenantId: string): Promise<IndustryChainRow[]> {
  return db.select().from(industryChains).where(eq(industryChains.tenantId, tenantId)).orderBy(asc(industryChains.name));
}

/** One page of the tenant's chains, newest first, like every other list (`limit + 1` rows for `page()`). */
export async function listIndustryChainsPage(db: Db, tenantId: string, opts: { limit: number; after: string | null }): Promise<IndustryChainRow[]> {
  const conditions = [eq(industryChains.tenantId, tenantId)];
  if (opts.after) conditions.push(lt(industryChains.id, opts.after));
  return db
    .select()
    .from(industryChains)
    .where(and(...conditions))
    .orderBy(desc(industryChains.id))
    .limit(opts.limit + 1);
}

export async function getIndustryChainInTenant(db: Db, tenantId: string, id: string): Promise<IndustryChainRow> {
  const rows = await db
    .select()
    .from(industryChains)
    .where(and(eq(industryChains.tenantId, tenantId), eq(industryChains.id, id)))
    .limit(1);
  const row = rows[0];
  if (!row) throw new NotFoundError("industry chain", id);
  return row;
}

export function insertIndustryChainStatement(db: Db, row: IndustryChainRow) {
  return db.insert(industryChains).values(row);
}

export function updateIndustryChainStatement(db: Db, row: IndustryChainRow) {
  return db
    .update(industryChains)
    .set({ name: row.name, industryCodes: row.industryCodes, updatedAt: row.updatedAt })
    .where(and(eq(industryChains.tenantId, row.tenantId), eq(industryChains.id, row.id)));
}
