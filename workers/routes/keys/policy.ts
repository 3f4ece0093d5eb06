import type { Role } from "../../../schema/index.ts";
import type { TenantPrincipal } from "../../context.ts";
import type { OrganizationRow } from "../../data/organizations.ts";
import { ForbiddenError, NotFoundError, ValidationError } from "../../errors.ts";

/**
 * Whether the caller may see and manage the keys of `org`. An enterprise asking about another
 * organization gets a 404, exactly as if it did not exist.
 */
export function assertMayManageKeysOf(caller: TenantPrincipal, org: OrganizationRow): void {
  if (caller.role === "admin") return;
  if (caller.role === "organizer" && (org.kind === "enterprise" || org.id === caller.organizationId)) return;
  if (caller.role === "enterprise" && org.id === caller.organizationId) return;
  if (caller.role === "enterprise") throw new NotFoundError("organization", org.id);
  throw new ForbiddenError(`A key with role '${caller.role}' may not manage this organization's keys.`);
}

/** Which roles a key of `org` may carry, and which of those the caller may hand out. */
export function assertMayMint(caller: TenantPrincipal, org: OrganizationRow, role: Role): void {
  const fits = org.kind === "enterprise" ? role === "enterprise" : role === "admin" || role === "organizer";
  if (!fits) {
    throw new ValidationError(
      [
        {
          path: "role",
          message:
            org.kind === "enterprise"
              ? "keys of an enterprise organization have role 'enterprise'"
              : "keys of an organizer organization have role 'admin' or 'organizer'",
        },
      ],
      `Role '${role}' does not fit a${org.kind === "enterprise" ? "n enterprise" : "n organizer"} organization.`,
    );
  }
  if (role === "admin" && caller.role !== "admin") throw new ForbiddenError("Only admins may create admin keys.", "只有管理员可以创建管理员密钥。");
}
