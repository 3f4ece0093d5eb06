import { and, desc, eq, lt } from "drizzle-orm";
import { organizations, type OrganizationKind } from "../../schema/index.ts";
import type { Db } from "../db.ts";
import { NotFoundError } from "../errors.ts";

export type OrganizationRow = typeof organizations.$inferSelect;

/** Fetch-or-404 within a tenant: another tenant's organization is indistinguishable from none. */
export async function getOrganizationInTenant(db: Db, tenantId: string, id: string): Promise<OrganizationRow> {
  const rows = await db
    .select()
    .from(organizations)
    .where(and(eq(organizations.tenantId, tenantId), eq(organizations.id, id)))
    .limit(1);
  const row = rows[0];
  if (!row) throw new NotFoundError("organization", id);
  return row;
}

export async function findOrganizationByName(db: Db, tenantId: string, name: string): Promise<OrganizationRow | null> {
  const rows = await db
    .select()
    .from(organizations)
    .where(and(eq(organizations.tenantId, tenantId), eq(organizations.name, name)))
    .limit(1);
  return rows[0] ?? null;
}

export async function listOrganizations(
  db: Db,
  tenantId: string,
  opts: { limit: number; after: string | null; kind?: OrganizationKind | undefined; onlyId?: string | undefined },
): Promise<OrganizationRow[]> {
  const conditions = [eq(organizations.tenantId, tenantId)];
  if (opts.kind) conditions.push(eq(organizations.kind, opts.kind));
  if (opts.onlyId) conditions.push(eq(organizations.id, opts.onlyId));
  if (opts.after) conditions.push(lt(organizations.id, opts.after));
  return db
    .select()
    .from(organizations)
    .where(and(...conditions))
    .orderBy(desc(organizations.id))
    .limit(opts.limit + 1);
}

export function insertOrganization(db: Db, row: OrganizationRow) {
  return db.insert(organizations).values(row);
}
