import type { Context } from "hono";
import type { AppEnv, TenantPrincipal } from "../../context.ts";
import { getIntroductionInTenant, type IntroductionRow } from "../../data/introductions.ts";
import { NotFoundError } from "../../errors.ts";

/**
 * An introduction the caller may see: the talent's own, the asking enterprise's own, or any for
 * organizers and admins. Anyone else's is as absent as another tenant's.
 */
export async function visibleIntroduction(c: Context<AppEnv>, caller: TenantPrincipal, id: string): Promise<IntroductionRow> {
  const row = await getIntroductionInTenant(c.get("deps").db, caller.tenantId, id);
  const mine =
    caller.role === "admin" ||
    caller.role === "organizer" ||
    (caller.role === "talent" && caller.talentId === row.talentId) ||
    (caller.role === "enterprise" && caller.organizationId === row.organizationId);
  if (!mine) throw new NotFoundError("introduction", id);
  return row;
}
