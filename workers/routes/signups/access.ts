import type { TenantPrincipal } from "../../context.ts";
import { getSignupInTenant, type SignupView } from "../../data/roadshows-signups.ts";
import type { Db } from "../../db.ts";
import { NotFoundError } from "../../errors.ts";

/** Whose signups a caller sees: all for organizers and admins, its own for a talent, its organization's for an enterprise. */
export function signupScope(caller: TenantPrincipal): { talentId?: string; organizationId?: string } {
  if (caller.role === "talent") return { talentId: caller.talentId ?? "-" };
  if (caller.role === "enterprise") return { organizationId: caller.organizationId ?? "-" };
  return {};
}

/** The signup a caller may read; someone else's is as absent as another tenant's. */
export async function readableSignup(db: Db, caller: TenantPrincipal, id: string): Promise<SignupView> {
  const row = await getSignupInTenant(db, caller.tenantId, id);
  const scope = signupScope(caller);
  if (scope.talentId !== undefined && row.talentId !== scope.talentId) throw new NotFoundError("signup", id);
  if (scope.organizationId !== undefined && row.organizationId !== scope.organizationId) throw new NotFoundError("signup", id);
  return row;
}
