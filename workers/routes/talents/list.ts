import { createRoute, z } from "@hono/zod-openapi";
import { EDUCATION_LEVELS } from "../../../matching/index.ts";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { contactVisibility } from "../../services/contact-access.ts";
import { listTalents } from "../../data/talents.ts";
import { decodeCursor, page } from "../../lib/cursor.ts";
import { profileFilters, queryParam, searchQuery, searchTermsOf } from "../filters.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, jsonContent, PaginationQuery } from "../shared.ts";
import { TalentListSchema, toTalent } from "./schema.ts";

const Query = PaginationQuery.extend({
  ...searchQuery("the name, skills, major or school"),
  ...profileFilters,
  education: z.enum(EDUCATION_LEVELS).optional().openapi(queryParam("education", "At least this education level.")),
});

const route = createRoute({
  method: "get",
  path: "/v1/talents",
  tags: ["Talents"],
  summary: "List talent profiles",
  description: "Newest first; `q=` searches names, skills, majors and schools, combinable with every filter. Enterprises and organizers see contact details masked.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise")] as const,
  request: { query: Query },
  responses: { 200: jsonContent(TalentListSchema, "A page of profiles"), ...errorResponses(400, ...AUTHED_ERRORS) },
});

export function registerListTalents(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise");
    const query = c.req.valid("query");
    const rows = await listTalents(
      c.get("deps").db,
      caller.tenantId,
      {
        industry: query.industry,
        occupation: query.occupation,
        city: query.city,
        education: query.education,
        mode: query.mode,
        categoryLevel: query.category_level,
        terms: searchTermsOf(query.q),
      },
      { limit: query.limit, after: query.cursor ? decodeCursor(query.cursor) : null },
    );
    const { items, nextCursor } = page(rows, query.limit);
    const visible = await contactVisibility(c, caller, items.map((r) => r.id));
    return c.json({ data: items.map((r) => toTalent(r, visible.has(r.id))), next_cursor: nextCursor }, 200);
  });
}
