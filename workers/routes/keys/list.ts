import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { listKeysOfOrganization } from "../../data/api-keys.ts";
import { getOrganizationInTenant } from "../../data/organizations.ts";
import { decodeCursor, page } from "../../lib/cursor.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, idParam, jsonContent, PaginationQuery } from "../shared.ts";
import { assertMayManageKeysOf } from "./policy.ts";
import { ApiKeyListSchema, toApiKey } from "./schema.ts";

const route = createRoute({
  method: "get",
  path: "/v1/organizations/{id}/keys",
  tags: ["API keys"],
  summary: "List an organization's API keys",
  description: "Prefixes and metadata only; secrets are never shown again. Revoked keys are listed with `revoked_at`.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise")] as const,
  request: { params: idParam("organization"), query: PaginationQuery },
  responses: {
    200: jsonContent(ApiKeyListSchema, "A page of keys"),
    ...errorResponses(400, ...AUTHED_ERRORS, 404),
  },
});

export function registerListKeys(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise");
    const { id } = c.req.valid("param");
    const query = c.req.valid("query");
    const { db } = c.get("deps");
    const org = await getOrganizationInTenant(db, caller.tenantId, id);
    assertMayManageKeysOf(caller, org);
    const rows = await listKeysOfOrganization(db, caller.tenantId, org.id, {
      limit: query.limit,
      after: query.cursor ? decodeCursor(query.cursor) : null,
    });
    const { items, nextCursor } = page(rows, query.limit);
    return c.json({ data: items.map(toApiKey), next_cursor: nextCursor }, 200);
  });
}
