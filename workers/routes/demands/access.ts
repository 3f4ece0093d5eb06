import type { TenantPrincipal } from "../../context.ts";
import type { DemandRow } from "../../data/demands.ts";
import { ForbiddenError } from "../../errors.ts";

/** Enterprises manage their own organization's demands; organizers and admins manage the tenant's. */
export function assertMayManageDemand(caller: TenantPrincipal, demand: Pick<DemandRow, "organizationId">): void {
  if (caller.role === "admin" || caller.role === "organizer") return;
  if (caller.role === "enterprise" && caller.organizationId === demand.organizationId) return;
  throw new ForbiddenError("Enterprises manage their own organization's demands only.", "企业只能管理本机构的需求。");
}
