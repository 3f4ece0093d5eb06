import { pairNames } from "../../data/names.ts";
import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { actorOf, auditIfChangedStatement } from "../../data/audit.ts";
import { getIntroductionInTenant, transitionStatement } from "../../data/introductions.ts";
import { eventIfChangedStatement } from "../../data/outbox.ts";
import { ApiError } from "../../errors.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { assertMayManageDemand } from "../demands/access.ts";
import { BEARER, errorResponses, idParam, jsonContent, WRITE_ERRORS } from "../shared.ts";
import { visibleIntroduction } from "./access.ts";
import { IntroductionSchema, OutcomeBody, toIntroduction } from "./schema.ts";

const route = createRoute({
  method: "post",
  path: "/v1/introductions/{id}/outcome",
  tags: ["Introductions"],
  summary: "Record the outcome of an accepted introduction",
  description: "interviewed, hired, signed or not_pursued, by the enterprise (or an organizer). Can be updated as things progress.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise"), jsonBody()] as const,
  request: { params: idParam("introduction"), body: { required: true, content: { "application/json": { schema: OutcomeBody } } } },
  responses: { 200: jsonContent(IntroductionSchema, "The introduction"), ...errorResponses(...WRITE_ERRORS, 404, 409) },
});

export function registerIntroductionOutcome(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise");
    const body = c.req.valid("json");
    const row = await visibleIntroduction(c, caller, c.req.valid("param").id);
    assertMayManageDemand(caller, row);
    const { db, clock } = c.get("deps");
    const now = clock();
    const at = now.toISOString();
    const [changed] = (await db.batch([
      transitionStatement(db, row.id, "accepted", { outcome: body.status, outcomeNote: body.note ?? null, updatedAt: at }),
      eventIfChangedStatement(db, {
        tenantId: caller.tenantId,
        type: "introduction.outcome",
        audience: [row.organizationId],
        subjectType: "introduction",
        subjectId: row.id,
        payload: { introduction_id: row.id, demand_id: row.demandId, talent_id: row.talentId, organization_id: row.organizationId, outcome: body.status },
        at: now,
      }),
      auditIfChangedStatement(db, {
        tenantId: caller.tenantId,
        actor: actorOf(caller),
        action: "introduction.outcome",
        subjectType: "introduction",
        subjectId: row.id,
        requestId: c.get("requestId"),
        detail: { outcome: body.status },
        at: now,
      }),
    ])) as [{ id: string }[], unknown, unknown];
    if (!changed || changed.length === 0) throw new ApiError("conflict", "Only an accepted introduction can have an outcome.", { detailZh: "只有已接受的引荐才能记录结果。" });
    const updated = await getIntroductionInTenant(db, caller.tenantId, row.id);
    return c.json(toIntroduction(updated, await pairNames(db, caller.tenantId, [updated])), 200);
  });
}
