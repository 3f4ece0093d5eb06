import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { getOrganizationInTenant } from "../../data/organizations.ts";
import { NotFoundError } from "../../errors.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, idParam, jsonContent } from "../shared.ts";
import { OrganizationSchema, toOrganization } from "./schema.ts";

const route = createRoute({
  method: "get",
  path: "/v1/organizations/{id}",
  tags: ["Organizations"],
  summary: "Get an organization",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise")] as const,
  request: { params: idParam("organization") },
  responses: {
    200: jsonContent(OrganizationSchema, "The organization"),
    ...errorResponses(400, ...AUTHED_ERRORS, 404),
  },
});

export function registerGetOrganization(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise");
    const { id } = c.req.valid("param");
    // An enterprise sees only itself; any other id is as absent as another tenant's.
    if (caller.role === "enterprise" && caller.organizationId !== id) throw new NotFoundError("organization", id);
    const row = await getOrganizationInTenant(c.get("deps").db, caller.tenantId, id);
    return c.json(toOrganization(row), 200);
  });
}
