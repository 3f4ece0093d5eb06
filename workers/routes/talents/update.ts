import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { seesContact } from "../../contact.ts";
import { actorOf, auditStatement } from "../../data/audit.ts";
import { updateTalentStatements } from "../../data/talents.ts";
import { commit } from "../../db.ts";
import { defer } from "../../jobs/defer.ts";
import { suggestForTalent } from "../../matching-service/suggest.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { BEARER, errorResponses, idParam, jsonContent, WRITE_ERRORS } from "../shared.ts";
import { readableTalent } from "./access.ts";
import { talentConflict } from "./create.ts";
import { codeContext } from "../codes.ts";
import { applyTalentInput, resolveTalentCodes, TalentSchema, toTalent, UpdateTalentBody } from "./schema.ts";

const route = createRoute({
  method: "patch",
  path: "/v1/talents/{id}",
  tags: ["Talents"],
  summary: "Update a talent profile",
  description: "Fields present are replaced (null clears one); absent fields are kept. A talent key edits only its own profile.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "talent"), jsonBody()] as const,
  request: { params: idParam("talent"), body: { required: true, content: { "application/json": { schema: UpdateTalentBody } } } },
  responses: { 200: jsonContent(TalentSchema, "The updated profile"), ...errorResponses(...WRITE_ERRORS, 404, 409) },
});

export function registerUpdateTalent(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "talent");
    const current = await readableTalent(c, caller, c.req.valid("param").id);
    const { db, clock } = c.get("deps");
    const body = resolveTalentCodes(await codeContext(db, caller.tenantId), c.req.valid("json"), current);
    const now = clock();
    const next = { ...applyTalentInput(current, body), updatedAt: now.toISOString() };
    try {
      await commit(db, [
        ...updateTalentStatements(db, next),
        auditStatement(db, {
          tenantId: caller.tenantId,
          actor: actorOf(caller),
          action: "talent.updated",
          subjectType: "talent",
          subjectId: next.id,
          requestId: c.get("requestId"),
          detail: { fields: Object.keys(body).sort() },
          at: now,
        }),
      ]);
    } catch (err) {
      throw talentConflict(err);
    }
    defer(c, "suggestions", () => suggestForTalent(db, caller.tenantId, next.id, clock()).then(() => undefined));
    return c.json(toTalent(next, seesContact(caller, next.id)), 200);
  });
}
