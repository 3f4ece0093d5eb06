import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { actorOf, auditStatement } from "../../data/audit.ts";
import { getSignupInTenant, rejectSignupStatement } from "../../data/roadshows-signups.ts";
import { commit } from "../../db.ts";
import { ConflictError } from "../../errors.ts";
import { newId } from "../../lib/ids.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, idParam, jsonContent } from "../shared.ts";
import { SignupSchema, toSignup } from "./schema.ts";

const route = createRoute({
  method: "post",
  path: "/v1/signups/{id}/reject",
  tags: ["Roadshows"],
  summary: "Reject a signup",
  description: "Organizers and admins, for signups that hold no seat (`pending` or `waitlisted`); a confirmed seat is cancelled instead.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer")] as const,
  request: { params: idParam("signup") },
  responses: { 200: jsonContent(SignupSchema, "The signup"), ...errorResponses(400, ...AUTHED_ERRORS, 404, 409) },
});

export function registerRejectSignup(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer");
    const { db, clock } = c.get("deps");
    const signup = await getSignupInTenant(db, caller.tenantId, c.req.valid("param").id);
    const message = `Only pending or waitlisted signups can be rejected; this one is ${signup.status}.`;
    if (signup.status !== "pending" && signup.status !== "waitlisted") throw new ConflictError(message, `只有待审核或候补中的报名可以拒绝；该报名状态为 ${signup.status}。`);
    const now = clock();
    const token = newId("signup", now);
    await commit(db, [
      rejectSignupStatement(db, signup.id, token, now.toISOString()),
      auditStatement(db, {
        tenantId: caller.tenantId,
        actor: actorOf(caller),
        action: "signup.rejected",
        subjectType: "signup",
        subjectId: signup.id,
        requestId: c.get("requestId"),
        at: now,
      }),
    ]);
    const after = await getSignupInTenant(db, caller.tenantId, signup.id);
    if (after.changeToken !== token) throw new ConflictError(
        `Only pending or waitlisted signups can be rejected; this one is ${after.status}.`,
        `只有待审核或候补中的报名可以拒绝；该报名状态为 ${after.status}。`,
      );
    return c.json(toSignup(after), 200);
  });
}
