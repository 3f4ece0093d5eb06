import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireOperator } from "../../auth.ts";
import { listTenants } from "../../data/tenants.ts";
import { decodeCursor, page } from "../../lib/cursor.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, jsonContent, PaginationQuery } from "../shared.ts";
import { TenantListSchema, toTenant } from "./schema.ts";

const route = createRoute({
  method: "get",
  path: "/v1/tenants",
  tags: ["Tenants"],
  summary: "List tenants (operator)",
  security: BEARER,
  middleware: [authenticate("operator")] as const,
  request: { query: PaginationQuery },
  responses: {
    200: jsonContent(TenantListSchema, "A page of tenants, newest first"),
    ...errorResponses(400, ...AUTHED_ERRORS),
  },
});

export function registerListTenants(app: App): void {
  app.openapi(route, async (c) => {
    requireOperator(c);
    const query = c.req.valid("query");
    const rows = await listTenants(c.get("deps").db, { limit: query.limit, after: query.cursor ? decodeCursor(query.cursor) : null });
    const { items, nextCursor } = page(rows, query.limit);
    return c.json({ data: items.map(toTenant), next_cursor: nextCursor }, 200);
  });
}
