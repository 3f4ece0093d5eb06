import { createRoute, z } from "@hono/zod-openapi";
import { EDUCATION_LEVELS } from "../../../matching/index.ts";
import { DEMAND_STATUSES } from "../../../schema/index.ts";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { listDemands } from "../../data/demands.ts";
import { decodeCursor, page } from "../../lib/cursor.ts";
import { idPattern } from "../../lib/ids.ts";
import { profileFilters, queryParam, searchQuery, searchTermsOf } from "../filters.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, jsonContent, PaginationQuery } from "../shared.ts";
import { DemandListSchema, toDemand } from "./schema.ts";

const Query = PaginationQuery.extend({
  ...searchQuery("the position, its skills or the employer's name"),
  ...profileFilters,
  education: z.enum(EDUCATION_LEVELS).optional().openapi(queryParam("education", "Minimum education required, exactly.")),
  status: z.enum(DEMAND_STATUSES).optional().openapi(queryParam("status", "open or closed.")),
  urgency: z.coerce.number().int().min(1).max(5).optional().openapi(queryParam("urgency", "At least this many stars.")),
  industry_chain: z.string().trim().min(1).max(50).optional().openapi(queryParam("industry_chain", "e.g. 煤化工.")),
  organization_id: z.string().regex(idPattern("organization"), "must be an organization id").optional().openapi(queryParam("organization_id", "Employer.")),
  catalog_id: z.string().regex(idPattern("catalog"), "must be a catalog id").optional().openapi(queryParam("catalog_id", "Catalog.")),
});

const route = createRoute({
  method: "get",
  path: "/v1/demands",
  tags: ["Demands"],
  summary: "List demands",
  description: "Newest first, narrowed by the filters; `q=` searches positions, skills and employer names, combinable with every filter.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise", "talent")] as const,
  request: { query: Query },
  responses: { 200: jsonContent(DemandListSchema, "A page of demands"), ...errorResponses(400, ...AUTHED_ERRORS) },
});

export function registerListDemands(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise", "talent");
    const query = c.req.valid("query");
    const rows = await listDemands(
      c.get("deps").db,
      caller.tenantId,
      {
        industry: query.industry,
        occupation: query.occupation,
        city: query.city,
        education: query.education,
        mode: query.mode,
        categoryLevel: query.category_level,
        status: query.status,
        minUrgency: query.urgency,
        industryChain: query.industry_chain,
        organizationId: query.organization_id,
        catalogId: query.catalog_id,
        terms: searchTermsOf(query.q),
      },
      { limit: query.limit, after: query.cursor ? decodeCursor(query.cursor) : null },
    );
    const { items, nextCursor } = page(rows, query.limit);
    return c.json({ data: items.map(toDemand), next_cursor: nextCursor }, 200);
  });
}
