import { and, desc, eq, lt } from "drizzle-orm";
import { tenants } from "../../schema/index.ts";
import type { Db } from "../db.ts";
import { NotFoundError } from "../errors.ts";

export type TenantRow = typeof tenants.$inferSelect;

export async function getTenant(db: Db, id: string): Promise<TenantRow> {
  const rows = await db.select().from(tenants).where(eq(tenants.id, id)).limit(1);
  const row = rows[0];
  if (!row) throw new NotFoundError("tenant", id);
  return row;
}

export async function findTenantBySlug(db: Db, slug: string): Promise<TenantRow | null> {
  const rows = await db.select().from(tenants).where(eq(tenants.slug, slug)).limit(1);
  return rows[0] ?? null;
}

export async function listTenants(db: Db, opts: { limit: number; after: string | null }): Promise<TenantRow[]> {
  return db
    .select()
    .from(tenants)
    .where(opts.after ? and(lt(tenants.id, opts.after)) : undefined)
    .orderBy(desc(tenants.id))
    .limit(opts.limit + 1);
}

export function insertTenant(db: Db, row: TenantRow) {
  return db.insert(tenants).values(row);
}
