import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { apiKeys } from "../../schema/index.ts";
import { talentInvitations } from "../../schema/tables/consent.ts";
import type { Db, Statement } from "../db.ts";
import type { ApiKeyRow } from "./api-keys.ts";
import { rawStatement } from "./raw.ts";

export type TalentInvitationRow = typeof talentInvitations.$inferSelect;

export function insertInvitationStatement(db: Db, row: TalentInvitationRow): Statement {
  return db.insert(talentInvitations).values(row);
}

/** The invitation with this token hash, in any tenant (redemption carries no API key). */
export async function findInvitationByHash(db: Db, tokenHash: string): Promise<TalentInvitationRow | null> {
  const rows = await db.select().from(talentInvitations).where(eq(talentInvitations.tokenHash, tokenHash)).limit(1);
  return rows[0] ?? null;
}

/**
 * Redemption as two statements of one batch: the invitation is marked used only if it is still
 * unused and unexpired, and the key is inserted only if that update changed the row. Of two
 * concurrent redemptions exactly one creates a key.
 */
export function redeemStatements(db: Db, invitation: TalentInvitationRow, key: ApiKeyRow, at: string): Statement[] {
  return [
    db
      .update(talentInvitations)
      .set({ redeemedAt: at, keyId: key.id })
      .where(and(eq(talentInvitations.id, invitation.id), isNull(talentInvitations.redeemedAt), gt(talentInvitations.expiresAt, at))),
    rawStatement(
      db,
      sql`INSERT INTO ${apiKeys} (id, tenant_id, organization_id, talent_id, role, name, prefix, secret_hash, created_at, created_by, revoked_at)
        SELECT ${key.id}, ${key.tenantId}, NULL, ${key.talentId}, ${key.role}, ${key.name}, ${key.prefix}, ${key.secretHash}, ${key.createdAt}, ${key.createdBy}, NULL
        WHERE changes() > 0`,
    ),
  ];
}
