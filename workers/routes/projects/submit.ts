import type { TenantPrincipal } from "../../context.ts";
import { getOrganizationInTenant } from "../../data/organizations.ts";
import { inferIndustryChain, type ProjectRow, talentTeams } from "../../data/roadshows-projects.ts";
import type { EventRow } from "../../data/roadshows.ts";
import { getTalentInTenant } from "../../data/talents.ts";
import type { Db } from "../../db.ts";
import { ConflictError, type FieldError, ForbiddenError, ValidationError } from "../../errors.ts";
import { newId } from "../../lib/ids.ts";
import { runsEvents } from "../events/access.ts";
import { codeContext } from "../codes.ts";
import { resolveProjectCodes, type SubmitProjectInput } from "./schema.ts";

/** Talents and enterprises submit to an open event; organizers also to a draft or closed one (late entries), never after it was held. */
export function assertTakesProjects(caller: TenantPrincipal, event: EventRow): void {
  const statuses = runsEvents(caller) ? ["draft", "open", "closed"] : ["open"];
  if (!statuses.includes(event.status)) throw new ConflictError(`The event is ${event.status}; it takes projects while it is ${statuses.join(" or ")}.`);
}

/**
 * What is wrong with a team: every member must be a talent of the tenant, and the lead a member
 * or the owning talent. Paths name the body fields.
 */
export async function teamProblems(db: Db, tenantId: string, team: readonly string[], lead: string | null, ownerTalentId: string | null): Promise<FieldError[]> {
  const known = await talentTeams(db, tenantId, lead === null ? team : [...team, lead]);
  const out: FieldError[] = [];
  team.forEach((id, i) => {
    if (!known.has(id)) out.push({ path: `team.${i}`, message: "is not a talent of this tenant" });
  });
  if (lead !== null && !known.has(lead)) out.push({ path: "lead_talent_id", message: "is not a talent of this tenant" });
  else if (lead !== null && !team.includes(lead) && lead !== ownerTalentId) out.push({ path: "lead_talent_id", message: "must be a member of team or the project's owner" });
  return out;
}

/** Who owns a new project: a talent key itself, an enterprise key its organization, organizers whom they name (or the lead). */
function ownerOf(caller: TenantPrincipal, body: SubmitProjectInput): { talentId: string | null; organizationId: string | null } {
  const talentId = body.talent_id ?? null;
  const organizationId = body.organization_id ?? null;
  if (caller.role === "talent") {
    if (organizationId !== null || (talentId !== null && talentId !== caller.talentId)) throw new ForbiddenError("A talent key submits only its own projects.", "人才密钥只能提交本人的项目。");
    return { talentId: caller.talentId, organizationId: null };
  }
  if (caller.role === "enterprise") {
    if (talentId !== null || (organizationId !== null && organizationId !== caller.organizationId)) throw new ForbiddenError("An enterprise key submits only its own projects.", "企业密钥只能提交本企业的项目。");
    return { talentId: null, organizationId: caller.organizationId };
  }
  if (talentId !== null && organizationId !== null) throw new ValidationError([{ path: "talent_id", message: "give at most one of talent_id and organization_id" }]);
  if (talentId === null && organizationId === null) {
    const lead = body.lead_talent_id ?? null;
    if (lead === null) throw new ValidationError([{ path: "talent_id", message: "give talent_id, organization_id or lead_talent_id" }]);
    return { talentId: lead, organizationId: null };
  }
  return { talentId, organizationId };
}

/** A checked, not yet written project, submitted to `event` (or to none). */
export async function newProject(db: Db, caller: TenantPrincipal, input: SubmitProjectInput, event: EventRow | null, now: Date): Promise<ProjectRow> {
  const body = resolveProjectCodes(await codeContext(db, caller.tenantId), input);
  const owner = ownerOf(caller, body);
  if (owner.talentId && caller.role !== "talent") await getTalentInTenant(db, caller.tenantId, owner.talentId);
  if (owner.organizationId && caller.role !== "enterprise") await getOrganizationInTenant(db, caller.tenantId, owner.organizationId);
  if (event) assertTakesProjects(caller, event);
  const team = body.team ?? [];
  const lead = body.lead_talent_id === undefined ? owner.talentId : body.lead_talent_id;
  const problems = await teamProblems(db, caller.tenantId, team, lead, owner.talentId);
  if (problems.length > 0) throw new ValidationError(problems);
  const industryCodes = body.industry_codes ?? [];
  return {
    id: newId("project", now),
    tenantId: caller.tenantId,
    eventId: event?.id ?? null,
    talentId: owner.talentId,
    organizationId: owner.organizationId,
    title: body.title,
    summary: body.summary ?? null,
    industryCodes,
    industryChain: body.industry_chain === undefined ? await inferIndustryChain(db, caller.tenantId, industryCodes) : body.industry_chain,
    skillsSought: body.skills_sought ?? [],
    team,
    leadTalentId: lead,
    city: body.city ?? null,
    stage: body.stage ?? null,
    modes: body.modes ?? [],
    fundingSought: body.funding_sought ?? null,
    status: "submitted",
    signedAt: null,
    intendedInvestment: null,
    signedWith: null,
    talentsIntroduced: [],
    teamsIntroduced: [],
    history: [],
    changeToken: null,
    createdBy: caller.keyId,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}
