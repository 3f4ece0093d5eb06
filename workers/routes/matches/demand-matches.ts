import { createRoute, z } from "@hono/zod-openapi";
import { ENGAGEMENT_MODES } from "../../../matching/index.ts";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { getDemandInTenant } from "../../data/demands.ts";
import { demandLabels } from "../../data/names.ts";
import { matchSettings } from "../../data/settings.ts";
import { ForbiddenError } from "../../errors.ts";
import { EXPORT_CONTENT, exportFile, exportFormat, ExportFormatQuery } from "../../exports/index.ts";
import { pageRanking } from "../../matching-service/cursor.ts";
import { inOrder } from "../../matching-service/features.ts";
import { explain, rankTalentsForDemand } from "../../matching-service/rank.ts";
import { talentRows } from "../../matching-service/retrieve.ts";
import { contactVisibility } from "../../services/contact-access.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, idParam, PaginationQuery } from "../shared.ts";
import { toTalent } from "../talents/schema.ts";
import { matchesTable } from "./export.ts";
import { TalentMatchListSchema, toExplanation } from "./schema.ts";

const q = (name: string, description: string) => ({ param: { name, in: "query" as const }, description });

const route = createRoute({
  method: "get",
  path: "/v1/demands/{id}/matches",
  tags: ["Matches"],
  summary: "Talents ranked for a demand",
  description:
    "`?format=csv|xlsx` (or `Accept: text/csv` or the XLSX media type) downloads the same page with Chinese headers; the next page's cursor is in `x-next-cursor`. Candidates come from the match index; each is scored by the matching core with both sides' fit, the hard filters passed, a one-line reason and the gaps. Vetoed talents are left out. Contact details are masked unless the talent consented. Pages are stable while the data does not change.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise")] as const,
  request: {
    params: idParam("demand"),
    query: PaginationQuery.extend({
      min_score: z.coerce.number().min(0).max(100).optional().openapi(q("min_score", "Only matches scoring at least this.")),
      city: z
        .string()
        .regex(/^\d{2}(?:\d{2}){0,2}$/, "must be a GB/T 2260 code (2, 4 or 6 digits)")
        .optional()
        .openapi(q("city", "Only talents currently in this place or inside it (1506 takes those in 东胜区 150602).")),
      mode: z.enum(ENGAGEMENT_MODES).optional().openapi(q("mode", "Only talents accepting this engagement mode.")),
      format: ExportFormatQuery,
    }),
  },
  responses: {
    200: {
      description: "A page of ranked, explained talents; as CSV or XLSX the same page, one row per talent",
      content: { "application/json": { schema: TalentMatchListSchema }, ...EXPORT_CONTENT },
    },
    ...errorResponses(400, ...AUTHED_ERRORS, 404),
  },
});

export function registerDemandMatches(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise");
    const query = c.req.valid("query");
    const { db, clock } = c.get("deps");
    const demand = await getDemandInTenant(db, caller.tenantId, c.req.valid("param").id);
    if (caller.role === "enterprise" && caller.organizationId !== demand.organizationId) {
      throw new ForbiddenError("Enterprises see matches for their own demands only.", "企业只能查看本企业需求的匹配结果。");
    }
    const now = clock();
    const { weights } = await matchSettings(db, caller.tenantId);
    const ranked = await rankTalentsForDemand(db, demand, { now, weights, minScore: query.min_score, city: query.city, mode: query.mode });
    const { items, nextCursor } = pageRanking(ranked, query.limit, query.cursor);
    const rows = await inOrder(items.map((i) => i.id), (ids) => talentRows(db, caller.tenantId, ids));
    const visible = await contactVisibility(c, caller, rows.map((r) => r.id));
    const data = rows.map((row) => ({ talent: toTalent(row, visible.has(row.id)), ...toExplanation(explain(row, demand, weights, now)) }));
    const format = exportFormat(query.format, c.req.header("accept"));
    if (format === "json") return c.json({ data, next_cursor: nextCursor }, 200);
    const label = (await demandLabels(db, caller.tenantId, [demand.id])).get(demand.id);
    const file = exportFile(matchesTable(label?.employerName ?? "", demand.title, data), format, `匹配人才-${demand.title}`);
    if (nextCursor) file.headers["x-next-cursor"] = nextCursor;
    return c.body(file.body, 200, file.headers);
  });
}
