import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { actorOf, auditStatement } from "../../data/audit.ts";
import { eraseTalentStatements } from "../../data/talents.ts";
import { commit } from "../../db.ts";
import { forgetTalent } from "../../matching-service/features.ts";
import { redactImportReportsFor } from "../../services/import-privacy.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, idParam } from "../shared.ts";
import { readableTalent } from "./access.ts";

const route = createRoute({
  method: "delete",
  path: "/v1/talents/{id}",
  tags: ["Talents"],
  summary: "Erase a talent",
  description:
    "Deletes the profile, its contact details, its match-index rows, its keys and invitations, its suggestions and scores, and every remembered idempotent answer that mentions it, for real, in one batch; blanks the cells of talent-import reports that hold its phone or e-mail; outbox events (and the webhooks still to be sent from them) have its id replaced by `erased`. The audit log records that an erasure happened, and nothing of the data.",
  security: BEARER,
  middleware: [authenticate("admin", "talent")] as const,
  request: { params: idParam("talent") },
  responses: { 204: { description: "Erased" }, ...errorResponses(400, ...AUTHED_ERRORS, 404) },
});

export function registerDeleteTalent(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "talent");
    const row = await readableTalent(c, caller, c.req.valid("param").id);
    const { db, clock } = c.get("deps");
    await commit(db, [
      ...eraseTalentStatements(db, row),
      ...redactImportReportsFor(db, caller.tenantId, { phone: row.phone, email: row.email }),
      auditStatement(db, {
        tenantId: caller.tenantId,
        actor: actorOf(caller),
        action: "talent.erased",
        subjectType: "talent",
        subjectId: row.id,
        requestId: c.get("requestId"),
        at: clock(),
      }),
    ]);
    // The process's prepared features of the profile go too: erasure leaves nothing derived behind.
    forgetTalent(row.id);
    return c.body(null, 204);
  });
}
