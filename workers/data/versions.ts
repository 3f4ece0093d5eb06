import { and, eq, sql } from "drizzle-orm";
import { dataVersions } from "../../schema/tables/versions.ts";
import type { Db, Statement } from "../db.ts";

export type VersionedKind = (typeof dataVersions.$inferSelect)["kind"];

/** Bumps a tenant's version of a kind of data; put it in the batch of the write. */
export function bumpVersionStatement(db: Db, tenantId: string, kind: VersionedKind): Statement {
  return db
    .insert(dataVersions)
    .values({ tenantId, kind, version: 1 })
    .onConflictDoUpdate({ target: [dataVersions.tenantId, dataVersions.kind], set: { version: sql`${dataVersions.version} + 1` } });
}

/** The current versions of a tenant's data, as one string (a cache key component). */
export async function versionsOf(db: Db, tenantId: string, kinds: readonly VersionedKind[]): Promise<string> {
  const rows = await db.select().from(dataVersions).where(and(eq(dataVersions.tenantId, tenantId)));
  const byKind = new Map(rows.map((r) => [r.kind, r.version]));
  return kinds.map((k) => `${k}:${byKind.get(k) ?? 0}`).join(",");
}
