import type { ProjectStatus } from "../../../schema/tables/roadshows.ts";
import type { TenantPrincipal } from "../../context.ts";
import { getProjectInTenant, type ProjectRow } from "../../data/roadshows-projects.ts";
import type { Db } from "../../db.ts";
import { ForbiddenError, NotFoundError } from "../../errors.ts";

/** Projects enterprises (investors, hosts) may browse beyond their own: selected and on. */
export const PUBLIC_PROJECT_STATUSES: ProjectStatus[] = ["selected", "pitched", "negotiating", "signed"];

export function ownsProject(caller: TenantPrincipal, row: Pick<ProjectRow, "talentId" | "organizationId">): boolean {
  if (caller.role === "talent") return caller.talentId !== null && caller.talentId === row.talentId;
  if (caller.role === "enterprise") return caller.organizationId !== null && caller.organizationId === row.organizationId;
  return false;
}

/**
 * A project the caller may read: organizers and admins any; the owner its own; enterprises also
 * selected, pitched, negotiating and signed projects. Anything else is as absent as another tenant's.
 */
export async function readableProject(db: Db, caller: TenantPrincipal, id: string): Promise<ProjectRow> {
  const row = await getProjectInTenant(db, caller.tenantId, id);
  if (caller.role === "admin" || caller.role === "organizer" || ownsProject(caller, row)) return row;
  if (caller.role === "enterprise" && PUBLIC_PROJECT_STATUSES.includes(row.status)) return row;
  throw new NotFoundError("project", id);
}

/** Organizers, admins and the owner may edit; an enterprise that can merely see a project may not. */
export function assertMayEditProject(caller: TenantPrincipal, row: ProjectRow): void {
  if (caller.role === "admin" || caller.role === "organizer" || ownsProject(caller, row)) return;
  throw new ForbiddenError("Only the project's owner and organizers may change it.", "只有项目所有者和组织方可以修改该项目。");
}
