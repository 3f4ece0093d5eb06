import type { TenantPrincipal } from "../../context.ts";
import type { WebhookEndpointRow } from "../../data/webhooks.ts";
import { ForbiddenError, NotFoundError, ValidationError } from "../../errors.ts";
import { urlProblem } from "../../webhooks/url-policy.ts";

/** The roles that manage webhook endpoints; talent keys may not. */
export const WEBHOOK_ROLES = ["admin", "organizer", "enterprise"] as const;

/**
 * Which organization a new endpoint belongs to: admins may name any organization of the tenant,
 * organizers and enterprises only their own.
 */
export function ownerFor(caller: TenantPrincipal, requested: string | undefined): string {
  const own = caller.organizationId;
  if (caller.role === "admin" && requested) return requested;
  if (requested && requested !== own) throw new ForbiddenError("Only admins may manage another organization's webhook endpoints.");
  if (!own) throw new ForbiddenError("This key belongs to no organization.");
  return own;
}

/** Another organization's endpoint is as absent as another tenant's (admins see the whole tenant). */
export function assertMayManage(caller: TenantPrincipal, endpoint: WebhookEndpointRow): void {
  if (caller.role === "admin") return;
  if (endpoint.organizationId !== caller.organizationId) throw new NotFoundError("webhook endpoint", endpoint.id);
}

/** The SSRF policy applied to a URL field; a refusal is a 422 naming `url`. */
export function assertUrlAllowed(url: string, allowPrivate: boolean): void {
  const problem = urlProblem(url, allowPrivate);
  if (problem) throw new ValidationError([{ path: "url", message: problem }], "The endpoint URL is not allowed.");
}
