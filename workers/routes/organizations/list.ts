import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { listOrganizations } from "../../data/organizations.ts";
import { decodeCursor, page } from "../../lib/cursor.ts";
import { ORGANIZATION_KINDS } from "../../../schema/index.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, jsonContent, PaginationQuery } from "../shared.ts";
import { OrganizationListSchema, toOrganization } from "./schema.ts";

const route = createRoute({
  method: "get",
  path: "/v1/organizations",
  tags: ["Organizations"],
  summary: "List organizations",
  description: "Newest first. Admins and organizers see the tenant's organizations; an enterprise key sees its own.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise")] as const,
  request: {
    query: PaginationQuery.extend({
      kind: z
        .enum(ORGANIZATION_KINDS)
        .optional()
        .openapi({ param: { name: "kind", in: "query" } }),
    }),
  },
  responses: {
    200: jsonContent(OrganizationListSchema, "A page of organizations"),
    ...errorResponses(400, ...AUTHED_ERRORS),
  },
});

export function registerListOrganizations(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise");
    const query = c.req.valid("query");
    const rows = await listOrganizations(c.get("deps").db, caller.tenantId, {
      limit: query.limit,
      after: query.cursor ? decodeCursor(query.cursor) : null,
      kind: query.kind,
      onlyId: caller.role === "enterprise" ? (caller.organizationId ?? "") : undefined,
    });
    const { items, nextCursor } = page(rows, query.limit);
    return c.json({ data: items.map(toOrganization), next_cursor: nextCursor }, 200);
  });
}
