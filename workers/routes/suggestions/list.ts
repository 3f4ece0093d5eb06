import { createRoute, z } from "@hono/zod-openapi";
import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { SUGGESTION_STATUSES, suggestions } from "../../../schema/tables/introductions.ts";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { decodeCursor, page } from "../../lib/cursor.ts";
import { idPattern } from "../../lib/ids.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, jsonContent, PaginationQuery } from "../shared.ts";
import { pairNames } from "../../data/names.ts";
import { SuggestionListSchema, toSuggestion } from "./schema.ts";

const route = createRoute({
  method: "get",
  path: "/v1/suggestions",
  tags: ["Matches"],
  summary: "List suggestions",
  description:
    "Matches the platform found by itself when a demand or a talent changed, above the tenant's threshold, newest first. Enterprises see those for their own demands; a talent key its own.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise", "talent")] as const,
  request: {
    query: PaginationQuery.extend({
      demand_id: z.string().regex(idPattern("demand"), "must be a demand id").optional().openapi({ param: { name: "demand_id", in: "query" } }),
      talent_id: z.string().regex(idPattern("talent"), "must be a talent id").optional().openapi({ param: { name: "talent_id", in: "query" } }),
      status: z.enum(SUGGESTION_STATUSES).optional().openapi({ param: { name: "status", in: "query" } }),
    }),
  },
  responses: { 200: jsonContent(SuggestionListSchema, "A page of suggestions"), ...errorResponses(400, ...AUTHED_ERRORS) },
});

export function registerListSuggestions(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise", "talent");
    const query = c.req.valid("query");
    const conditions: SQL[] = [eq(suggestions.tenantId, caller.tenantId)];
    if (query.demand_id) conditions.push(eq(suggestions.demandId, query.demand_id));
    if (query.status) conditions.push(eq(suggestions.status, query.status));
    const talentId = caller.role === "talent" ? (caller.talentId ?? "") : query.talent_id;
    if (talentId) conditions.push(eq(suggestions.talentId, talentId));
    if (caller.role === "enterprise") conditions.push(eq(suggestions.organizationId, caller.organizationId ?? ""));
    if (query.cursor) conditions.push(lt(suggestions.id, decodeCursor(query.cursor)));
    const rows = await c
      .get("deps")
      .db.select()
      .from(suggestions)
      .where(and(...conditions))
      .orderBy(desc(suggestions.id))
      .limit(query.limit + 1);
    const { items, nextCursor } = page(rows, query.limit);
    const names = await pairNames(c.get("deps").db, caller.tenantId, items);
    return c.json({ data: items.map((r) => toSuggestion(r, names)), next_cursor: nextCursor }, 200);
  });
}
