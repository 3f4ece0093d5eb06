import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { actorOf, auditStatement } from "../../data/audit.ts";
import { approveSignupStatements, getSignupInTenant } from "../../data/roadshows-signups.ts";
import { getEventInTenant } from "../../data/roadshows.ts";
import { commit } from "../../db.ts";
import { ConflictError } from "../../errors.ts";
import { newId } from "../../lib/ids.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, idParam, jsonContent } from "../shared.ts";
import { SignupSchema, toSignup } from "./schema.ts";

const route = createRoute({
  method: "post",
  path: "/v1/signups/{id}/approve",
  tags: ["Roadshows"],
  summary: "Approve a pending signup",
  description: "Organizers and admins. Takes a free seat (`confirmed`) or, when the role is full, a place on the waitlist. Only `pending` signups; otherwise 409.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer")] as const,
  request: { params: idParam("signup") },
  responses: { 200: jsonContent(SignupSchema, "The signup"), ...errorResponses(400, ...AUTHED_ERRORS, 404, 409) },
});

export function registerApproveSignup(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer");
    const { db, clock } = c.get("deps");
    const signup = await getSignupInTenant(db, caller.tenantId, c.req.valid("param").id);
    if (signup.status !== "pending") throw new ConflictError(`Only pending signups can be approved; this one is ${signup.status}.`, `只有待审核的报名可以批准；该报名状态为 ${signup.status}。`);
    const event = await getEventInTenant(db, caller.tenantId, signup.eventId);
    const now = clock();
    const token = newId("signup", now);
    await commit(db, [
      ...approveSignupStatements(db, signup.id, token, {
        tenantId: caller.tenantId,
        eventId: event.id,
        role: signup.role,
        organizerId: event.organizerId,
        at: now.toISOString(),
      }),
      auditStatement(db, {
        tenantId: caller.tenantId,
        actor: actorOf(caller),
        action: "signup.approved",
        subjectType: "signup",
        subjectId: signup.id,
        requestId: c.get("requestId"),
        at: now,
      }),
    ]);
    const after = await getSignupInTenant(db, caller.tenantId, signup.id);
    if (after.changeToken !== token) throw new ConflictError(`Only pending signups can be approved; this one is ${after.status}.`, `只有待审核的报名可以批准；该报名状态为 ${after.status}。`);
    return c.json(toSignup(after), 200);
  });
}
