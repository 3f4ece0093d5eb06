import { and, desc, eq, lt, sql } from "drizzle-orm";
import { catalogs, demands } from "../../schema/index.ts";
import type { Db } from "../db.ts";
import { NotFoundError } from "../errors.ts";

export type CatalogRow = typeof catalogs.$inferSelect;

export async function getCatalogInTenant(db: Db, tenantId: string, id: string): Promise<CatalogRow> {
  const rows = await db
    .select()
    .from(catalogs)
    .where(and(eq(catalogs.tenantId, tenantId), eq(catalogs.id, id)))
    .limit(1);
  const row = rows[0];
  if (!row) throw new NotFoundError("catalog", id);
  return row;
}

export async function listCatalogs(db: Db, tenantId: string, opts: { limit: number; after: string | null; year?: number | undefined }) {
  const conditions = [eq(catalogs.tenantId, tenantId)];
  if (opts.year !== undefined) conditions.push(eq(catalogs.year, opts.year));
  if (opts.after) conditions.push(lt(catalogs.id, opts.after));
  return db
    .select()
    .from(catalogs)
    .where(and(...conditions))
    .orderBy(desc(catalogs.id))
    .limit(opts.limit + 1);
}

export interface CatalogCounts {
  demands: number;
  open: number;
  headcount: number;
  byChain: { chain: string | null; demands: number; headcount: number }[];
}

/** Lines, open lines and seats, overall and per industry chain. */
export async function catalogCounts(db: Db, catalogId: string): Promise<CatalogCounts> {
  const rows = await db
    .select({
      chain: demands.industryChain,
      demands: sql<number>`count(*)`,
      open: sql<number>`sum(case when ${demands.status} = 'open' then 1 else 0 end)`,
      headcount: sql<number>`coalesce(sum(${demands.headcount}), 0)`,
    })
    .from(demands)
    .where(eq(demands.catalogId, catalogId))
    .groupBy(demands.industryChain)
    .orderBy(demands.industryChain);
  return {
    demands: rows.reduce((n, r) => n + Number(r.demands), 0),
    open: rows.reduce((n, r) => n + Number(r.open), 0),
    headcount: rows.reduce((n, r) => n + Number(r.headcount), 0),
    byChain: rows.map((r) => ({ chain: r.chain, demands: Number(r.demands), headcount: Number(r.headcount) })),
  };
}

export function insertCatalog(db: Db, row: CatalogRow) {
  return db.insert(catalogs).values(row);
}
