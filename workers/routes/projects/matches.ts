import { createRoute, z } from "@hono/zod-openapi";
import { DEFAULT_WEIGHTS, prepareProject, scoreProject } from "../../../matching/index.ts";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { projectKeys, projectProfile } from "../../data/roadshows-projects.ts";
import { ForbiddenError } from "../../errors.ts";
import { contactVisibility } from "../../services/contact-access.ts";
import { lexicon } from "../../lexicon.ts";
import { talentFeatures } from "../../matching-service/features.ts";
import { candidates, talentRows } from "../../matching-service/retrieve.ts";
import { toExplanation, TalentMatchListSchema } from "../matches/schema.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, idParam, jsonContent } from "../shared.ts";
import { toTalent } from "../talents/schema.ts";
import { ownsProject, readableProject } from "./access.ts";

/** Talents read from the index and scored in full; the best `limit` of them are returned. */
const POOL = 300;

const Query = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ param: { name: "limit", in: "query" }, description: "How many, 1–100." }),
});

const route = createRoute({
  method: "get",
  path: "/v1/projects/{id}/matches",
  tags: ["Roadshows"],
  summary: "Talents for a project",
  description:
    `The project's best talents, explained: candidates sharing the most index keys with the project (up to ${POOL}) are scored with the matching core and the best returned, ` +
    "vetoed ones left out. Contact details are masked unless the caller may see them (the talent, admins, an enterprise the talent accepted an introduction from). Organizers, admins and the project's owner.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise", "talent")] as const,
  request: { params: idParam("project"), query: Query },
  responses: { 200: jsonContent(TalentMatchListSchema, "Ranked talents; one page (`next_cursor` is null)"), ...errorResponses(400, ...AUTHED_ERRORS, 404) },
});

export function registerProjectMatches(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise", "talent");
    const { db, clock } = c.get("deps");
    const project = await readableProject(db, caller, c.req.valid("param").id);
    if (caller.role === "enterprise" && !ownsProject(caller, project)) throw new ForbiddenError("Only the project's owner and organizers see its matches.", "只有项目所有者和组织方可以查看其匹配结果。");
    const { limit } = c.req.valid("query");
    const ids = await candidates(db, caller.tenantId, "talent", projectKeys(project), POOL);
    const rows = await talentRows(db, caller.tenantId, ids);
    const offer = prepareProject(projectProfile(project), lexicon());
    const now = clock().getTime();
    const ranked = rows
      .filter((r) => r.id !== project.talentId)
      .map((row) => ({ row, match: scoreProject(talentFeatures(row), offer, DEFAULT_WEIGHTS, now) }))
      .filter((x) => !x.match.vetoed)
      .sort((a, b) => b.match.score - a.match.score || (a.row.id < b.row.id ? -1 : 1))
      .slice(0, limit);
    const visible = await contactVisibility(c, caller, ranked.map(({ row }) => row.id));
    return c.json({ data: ranked.map(({ row, match }) => ({ talent: toTalent(row, visible.has(row.id)), ...toExplanation(match) })), next_cursor: null }, 200);
  });
}
