import { and, desc, eq, getTableColumns, isNull, lt } from "drizzle-orm";
import { apiKeys, type Role } from "../../schema/index.ts";
import { tenantSettings } from "../../schema/tables/introductions.ts";
import type { Db } from "../db.ts";
import { NotFoundError } from "../errors.ts";
import { newId } from "../lib/ids.ts";
import { DISPLAY_PREFIX_LENGTH, KEY_PREFIX, newSecret, sha256Hex } from "../lib/secrets.ts";

export type ApiKeyRow = typeof apiKeys.$inferSelect;

/** The active (not revoked) key whose secret hashes to `hash`, with its tenant's locale (read in the same query), or null. */
export async function findActiveKeyByHash(db: Db, hash: string): Promise<(ApiKeyRow & { locale: string | null }) | null> {
  const rows = await db
    .select({ ...getTableColumns(apiKeys), locale: tenantSettings.locale })
    .from(apiKeys)
    .leftJoin(tenantSettings, eq(tenantSettings.tenantId, apiKeys.tenantId))
    .where(and(eq(apiKeys.secretHash, hash), isNull(apiKeys.revokedAt)))
    .limit(1);
  return rows[0] ?? null;
}

/** A fresh key: the secret to show once, and the row (holding only its hash) to insert. */
export async function mintKey(input: {
  tenantId: string;
  organizationId: string | null;
  talentId?: string | null;
  role: Role;
  name?: string | null;
  createdBy: string;
  now: Date;
}): Promise<{ secret: string; row: ApiKeyRow }> {
  const secret = newSecret(KEY_PREFIX.tenant);
  const row: ApiKeyRow = {
    id: newId("apiKey", input.now),
    tenantId: input.tenantId,
    organizationId: input.organizationId,
    talentId: input.talentId ?? null,
    role: input.role,
    name: input.name ?? null,
    prefix: secret.slice(0, DISPLAY_PREFIX_LENGTH),
    secretHash: await sha256Hex(secret),
    createdAt: input.now.toISOString(),
    createdBy: input.createdBy,
    revokedAt: null,
  };
  return { secret, row };
}

export function insertKey(db: Db, row: ApiKeyRow) {
  return db.insert(apiKeys).values(row);
}

/** Keys of one organization, newest first, keyset-paginated by id. */
export async function listKeysOfOrganization(
  db: Db,
  tenantId: string,
  organizationId: string,
  opts: { limit: number; after: string | null },
): Promise<ApiKeyRow[]> {
  const conditions = [eq(apiKeys.tenantId, tenantId), eq(apiKeys.organizationId, organizationId)];
  if (opts.after) conditions.push(lt(apiKeys.id, opts.after));
  return db
    .select()
    .from(apiKeys)
    .where(and(...conditions))
    .orderBy(desc(apiKeys.id))
    .limit(opts.limit + 1);
}

export async function getKeyInTenant(db: Db, tenantId: string, id: string): Promise<ApiKeyRow> {
  const rows = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.id, id)))
    .limit(1);
  const row = rows[0];
  if (!row) throw new NotFoundError("API key", id);
  return row;
}

/** Revokes a key if it is still active; revoking twice keeps the first time. */
export function revokeKeyStatement(db: Db, tenantId: string, id: string, at: string) {
  return db
    .update(apiKeys)
    .set({ revokedAt: at })
    .where(and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)));
}
