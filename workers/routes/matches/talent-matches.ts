import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { matchSettings } from "../../data/settings.ts";
import { pageRanking } from "../../matching-service/cursor.ts";
import { inOrder } from "../../matching-service/features.ts";
import { explainProject, rankProjectsForTalent } from "../../matching-service/projects.ts";
import { explain, rankDemandsForTalent } from "../../matching-service/rank.ts";
import { demandRows } from "../../matching-service/retrieve.ts";
import { toProject } from "../projects/schema.ts";
import { toDemand } from "../demands/schema.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, idParam, jsonContent, PaginationQuery } from "../shared.ts";
import { readableTalent } from "../talents/access.ts";
import { DemandMatchListSchema, ProjectMatchListSchema, toExplanation } from "./schema.ts";

const route = createRoute({
  method: "get",
  path: "/v1/talents/{id}/matches",
  tags: ["Matches"],
  summary: "Demands (or roadshow projects) ranked for a talent",
  description:
    "What a talent (with their own key) or an organizer sees: open demands — or, with `kind=project`, roadshow projects still looking for talent — ranked and explained from the talent's side as well as the enterprise's.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "talent")] as const,
  request: {
    params: idParam("talent"),
    query: PaginationQuery.extend({
      kind: z.enum(["demand", "project"]).default("demand").openapi({ param: { name: "kind", in: "query" }, description: "demand (default) or project." }),
      min_score: z.coerce.number().min(0).max(100).optional().openapi({ param: { name: "min_score", in: "query" } }),
    }),
  },
  responses: {
    200: jsonContent(z.union([DemandMatchListSchema, ProjectMatchListSchema]), "A page of ranked, explained demands (or projects)"),
    ...errorResponses(400, ...AUTHED_ERRORS, 404),
  },
});

export function registerTalentMatches(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "talent");
    const query = c.req.valid("query");
    const talent = await readableTalent(c, caller, c.req.valid("param").id);
    const now = c.get("deps").clock();
    const { weights } = await matchSettings(c.get("deps").db, caller.tenantId);
    if (query.kind === "project") {
      const ranked = await rankProjectsForTalent(c.get("deps").db, talent, { now, weights, minScore: query.min_score });
      const { items, nextCursor } = pageRanking(ranked, query.limit, query.cursor);
      const data = items.map((i) => ({ project: toProject(i.row), ...toExplanation(explainProject(talent, i.row, weights, now)) }));
      return c.json({ data, next_cursor: nextCursor }, 200);
    }
    const ranked = await rankDemandsForTalent(c.get("deps").db, talent, { now, weights, minScore: query.min_score });
    const { items, nextCursor } = pageRanking(ranked, query.limit, query.cursor);
    const rows = await inOrder(items.map((i) => i.id), (ids) => demandRows(c.get("deps").db, caller.tenantId, ids));
    const data = rows.map((row) => ({ demand: toDemand(row), ...toExplanation(explain(talent, row, weights, now)) }));
    return c.json({ data, next_cursor: nextCursor }, 200);
  });
}
