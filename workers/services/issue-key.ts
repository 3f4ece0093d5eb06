import type { Role } from "../../schema/index.ts";
import type { TenantPrincipal } from "../context.ts";
import { type ApiKeyRow, insertKey, mintKey } from "../data/api-keys.ts";
import { actorOf, auditStatement } from "../data/audit.ts";
import { commit, type Db } from "../db.ts";

/** Mints a key for an organization or a talent and stores its hash with the audit row, in one batch. Returns the secret, once. */
export async function issueKey(
  db: Db,
  caller: TenantPrincipal,
  target: { organizationId: string | null; talentId?: string | null; role: Role; name?: string | null },
  ctx: { now: Date; requestId: string },
): Promise<{ secret: string; row: ApiKeyRow }> {
  const { secret, row } = await mintKey({
    tenantId: caller.tenantId,
    organizationId: target.organizationId,
    talentId: target.talentId ?? null,
    role: target.role,
    name: target.name ?? null,
    createdBy: caller.keyId,
    now: ctx.now,
  });
  await commit(db, [
    insertKey(db, row),
    auditStatement(db, {
      tenantId: caller.tenantId,
      actor: actorOf(caller),
      action: "api_key.created",
      subjectType: "api_key",
      subjectId: row.id,
      requestId: ctx.requestId,
      detail: { organization_id: row.organizationId, talent_id: row.talentId, role: row.role },
      at: ctx.now,
    }),
  ]);
  return { secret, row };
}
