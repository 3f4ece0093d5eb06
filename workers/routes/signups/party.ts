import type { SignupRole } from "../../../schema/tables/roadshows.ts";
import type { TenantPrincipal } from "../../context.ts";
import { getOrganizationInTenant } from "../../data/organizations.ts";
import { getTalentInTenant } from "../../data/talents.ts";
import type { Db } from "../../db.ts";
import { ForbiddenError, ValidationError } from "../../errors.ts";

export interface Party {
  role: SignupRole;
  talentId: string | null;
  organizationId: string | null;
}

const PERSON_ROLES: readonly SignupRole[] = ["talent", "team"];

/**
 * Who a signup is for. A talent key signs itself up, an enterprise key its own organization; the
 * signup desk (organizers, admins) names exactly one talent or organization. The role must fit.
 */
export async function resolveParty(
  db: Db,
  caller: TenantPrincipal,
  body: { role?: SignupRole | undefined; talent_id?: string | undefined; organization_id?: string | undefined },
): Promise<Party> {
  let talentId = body.talent_id ?? null;
  let organizationId = body.organization_id ?? null;
  if (caller.role === "talent") {
    if (organizationId !== null || (talentId !== null && talentId !== caller.talentId)) throw new ForbiddenError("A talent key signs up only its own profile.", "人才密钥只能为本人报名。");
    talentId = caller.talentId;
  } else if (caller.role === "enterprise") {
    if (talentId !== null || (organizationId !== null && organizationId !== caller.organizationId)) {
      throw new ForbiddenError("An enterprise key signs up only its own organization.", "企业密钥只能为本机构报名。");
    }
    organizationId = caller.organizationId;
  }
  if ((talentId === null) === (organizationId === null)) {
    throw new ValidationError([{ path: "talent_id", message: "give exactly one of talent_id and organization_id" }]);
  }
  if (talentId !== null) {
    const talent = await getTalentInTenant(db, caller.tenantId, talentId);
    const role = body.role ?? (talent.teamName ? "team" : "talent");
    if (!PERSON_ROLES.includes(role)) throw new ValidationError([{ path: "role", message: "a talent signs up as talent or team" }]);
    return { role, talentId, organizationId: null };
  }
  const org = await getOrganizationInTenant(db, caller.tenantId, organizationId ?? "");
  const role = body.role ?? "enterprise";
  if (PERSON_ROLES.includes(role)) throw new ValidationError([{ path: "role", message: "an organization signs up as enterprise or investor" }]);
  return { role, talentId: null, organizationId: org.id };
}
