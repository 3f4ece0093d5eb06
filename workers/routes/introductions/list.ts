import { pairNames } from "../../data/names.ts";
import { createRoute, z } from "@hono/zod-openapi";
import { INTRODUCTION_STATUSES } from "../../../schema/tables/introductions.ts";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { listIntroductions } from "../../data/introductions.ts";
import { decodeCursor, page } from "../../lib/cursor.ts";
import { idPattern } from "../../lib/ids.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, jsonContent, PaginationQuery } from "../shared.ts";
import { IntroductionListSchema, toIntroduction } from "./schema.ts";

const route = createRoute({
  method: "get",
  path: "/v1/introductions",
  tags: ["Introductions"],
  summary: "List introductions",
  description: "A talent key sees its own; an enterprise key its organization's; organizers and admins the tenant's.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise", "talent")] as const,
  request: {
    query: PaginationQuery.extend({
      status: z.enum(INTRODUCTION_STATUSES).optional().openapi({ param: { name: "status", in: "query" } }),
      demand_id: z.string().regex(idPattern("demand"), "must be a demand id").optional().openapi({ param: { name: "demand_id", in: "query" } }),
      talent_id: z.string().regex(idPattern("talent"), "must be a talent id").optional().openapi({ param: { name: "talent_id", in: "query" } }),
    }),
  },
  responses: { 200: jsonContent(IntroductionListSchema, "A page of introductions"), ...errorResponses(400, ...AUTHED_ERRORS) },
});

export function registerListIntroductions(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise", "talent");
    const query = c.req.valid("query");
    const rows = await listIntroductions(
      c.get("deps").db,
      caller.tenantId,
      {
        status: query.status,
        demandId: query.demand_id,
        talentId: caller.role === "talent" ? (caller.talentId ?? "") : query.talent_id,
        organizationId: caller.role === "enterprise" ? (caller.organizationId ?? "") : undefined,
      },
      { limit: query.limit, after: query.cursor ? decodeCursor(query.cursor) : null },
    );
    const { items, nextCursor } = page(rows, query.limit);
    const names = await pairNames(c.get("deps").db, caller.tenantId, items);
    return c.json({ data: items.map((r) => toIntroduction(r, names)), next_cursor: nextCursor }, 200);
  });
}
