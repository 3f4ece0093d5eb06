import { createRoute, z } from "@hono/zod-openapi";
import { EDUCATION_LEVELS, ENGAGEMENT_MODES } from "../../../matching/index.ts";
import { DEMAND_STATUSES } from "../../../schema/index.ts";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { listDemands } from "../../data/demands.ts";
import { decodeCursor, page } from "../../lib/cursor.ts";
import { idPattern } from "../../lib/ids.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, jsonContent, PaginationQuery } from "../shared.ts";
import { DemandListSchema, toDemand } from "./schema.ts";

const q = (name: string, description: string) => ({ param: { name, in: "query" as const }, description });

const Query = PaginationQuery.extend({
  industry: z.string().regex(/^\d{2,4}$/, "must be a GB/T 4754 code prefix").optional().openapi(q("industry", "GB/T 4754 code or prefix.")),
  occupation: z.string().regex(/^\d(-\d{2}){0,3}$/, "must be an occupation code or prefix like 2-02").optional().openapi(q("occupation", "Occupation code or prefix.")),
  city: z.string().regex(/^\d{4}$/, "must be a 4-digit city code").optional().openapi(q("city", "City code.")),
  education: z.enum(EDUCATION_LEVELS).optional().openapi(q("education", "Minimum education required, exactly.")),
  mode: z.enum(ENGAGEMENT_MODES).optional().openapi(q("mode", "Offers this engagement mode.")),
  category_level: z.coerce.number().int().min(1).max(8).optional().openapi(q("category_level", "Talent category sought.")),
  status: z.enum(DEMAND_STATUSES).optional().openapi(q("status", "open or closed.")),
  urgency: z.coerce.number().int().min(1).max(5).optional().openapi(q("urgency", "At least this many stars.")),
  industry_chain: z.string().trim().min(1).max(50).optional().openapi(q("industry_chain", "e.g. 煤化工.")),
  organization_id: z.string().regex(idPattern("organization"), "must be an organization id").optional().openapi(q("organization_id", "Employer.")),
  catalog_id: z.string().regex(idPattern("catalog"), "must be a catalog id").optional().openapi(q("catalog_id", "Catalog.")),
});

const route = createRoute({
  method: "get",
  path: "/v1/demands",
  tags: ["Demands"],
  summary: "List demands",
  description: "Newest first, narrowed by the filters.",
  security: BEARER,
  middleware: [authenticate()] as const,
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
      },
      { limit: query.limit, after: query.cursor ? decodeCursor(query.cursor) : null },
    );
    const { items, nextCursor } = page(rows, query.limit);
    return c.json({ data: items.map(toDemand), next_cursor: nextCursor }, 200);
  });
}
