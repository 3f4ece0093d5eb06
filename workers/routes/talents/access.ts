import type { Context } from "hono";
import type { AppEnv, TenantPrincipal } from "../../context.ts";
import { getTalentInTenant, type TalentRow } from "../../data/talents.ts";
import { NotFoundError } from "../../errors.ts";

/**
 * The talent a caller may read: any in the tenant for admins, organizers and enterprises; only
 * their own for a talent key (another profile is as absent as another tenant's).
 */
export async function readableTalent(c: Context<AppEnv>, caller: TenantPrincipal, id: string): Promise<TalentRow> {
  if (caller.role === "talent" && caller.talentId !== id) throw new NotFoundError("talent", id);
  return getTalentInTenant(c.get("deps").db, caller.tenantId, id);
}
