import { createRoute, z } from "@hono/zod-openapi";
import { EDUCATION_LEVELS, ENGAGEMENT_MODES } from "../../../matching/index.ts";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { contactVisibility } from "../../services/contact-access.ts";
import { listTalents } from "../../data/talents.ts";
import { decodeCursor, page } from "../../lib/cursor.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, jsonContent, PaginationQuery } from "../shared.ts";
import { TalentListSchema, toTalent } from "./schema.ts";

const q = (name: string, description: string) => ({ param: { name, in: "query" as const }, description });

const Query = PaginationQuery.extend({
  industry: z.string().regex(/^\d{2,4}$/, "must be a GB/T 4754 code prefix").optional().openapi(q("industry", "GB/T 4754 code or prefix.")),
  occupation: z
    .string()
    .regex(/^\d(-\d{2}){0,3}$/, "must be an occupation code or prefix like 2-02")
    .optional()
    .openapi(q("occupation", "职业分类大典 code or prefix.")),
  city: z.string().regex(/^\d{4}$/, "must be a 4-digit city code").optional().openapi(q("city", "Current city code.")),
  education: z.enum(EDUCATION_LEVELS).optional().openapi(q("education", "At least this education level.")),
  mode: z.enum(ENGAGEMENT_MODES).optional().openapi(q("mode", "Accepts this engagement mode.")),
  category_level: z.coerce.number().int().min(1).max(8).optional().openapi(q("category_level", "Exactly this talent category.")),
});

const route = createRoute({
  method: "get",
  path: "/v1/talents",
  tags: ["Talents"],
  summary: "List talent profiles",
  description: "Newest first. Enterprises and organizers see contact details masked.",
  security: BEARER,
  middleware: [authenticate()] as const,
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
      },
      { limit: query.limit, after: query.cursor ? decodeCursor(query.cursor) : null },
    );
    const { items, nextCursor } = page(rows, query.limit);
    const visible = await contactVisibility(c, caller, items.map((r) => r.id));
    return c.json({ data: items.map((r) => toTalent(r, visible.has(r.id))), next_cursor: nextCursor }, 200);
  });
}
