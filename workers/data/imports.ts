import { and, desc, eq, lt } from "drizzle-orm";
import { imports } from "../../schema/index.ts";
import type { Db } from "../db.ts";
import { NotFoundError } from "../errors.ts";

export type ImportRow = typeof imports.$inferSelect;

/** An import job of the tenant, or a 404. */
export async function getImportInTenant(db: Db, tenantId: string, id: string): Promise<ImportRow> {
  const [row] = await db
    .select()
    .from(imports)
    .where(and(eq(imports.tenantId, tenantId), eq(imports.id, id)))
    .limit(1);
  if (!row) throw new NotFoundError("import", id);
  return row;
}

/** The tenant's imports, newest first, `limit + 1` rows for `page()`. */
export async function listImports(db: Db, tenantId: string, opts: { limit: number; after: string | null; kind?: ImportRow["kind"] | undefined; status?: ImportRow["status"] | undefined }) {
  const conditions = [eq(imports.tenantId, tenantId)];
  if (opts.kind) conditions.push(eq(imports.kind, opts.kind));
  if (opts.status) conditions.push(eq(imports.status, opts.status));
  if (opts.after) conditions.push(lt(imports.id, opts.after));
  return db
    .select()
    .from(imports)
    .where(and(...conditions))
    .orderBy(desc(imports.id))
    .limit(opts.limit + 1);
}
