import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { actorOf, auditStatement } from "../../data/audit.ts";
import { cancelSignupStatements, getSignupInTenant } from "../../data/roadshows-signups.ts";
import { getEventInTenant } from "../../data/roadshows.ts";
import { commit } from "../../db.ts";
import { ConflictError } from "../../errors.ts";
import { newId } from "../../lib/ids.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, idParam, jsonContent } from "../shared.ts";
import { readableSignup } from "./access.ts";
import { SignupSchema, toSignup } from "./schema.ts";

const route = createRoute({
  method: "post",
  path: "/v1/signups/{id}/cancel",
  tags: ["Roadshows"],
  summary: "Cancel a signup",
  description:
    "By the signed-up talent or organization, or an organizer. A confirmed seat goes to the head of the role's waitlist in the same atomic write " +
    "(`signup.cancelled` and `signup.promoted` events). Cancelling after check-in, or twice, is a 409.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise", "talent")] as const,
  request: { params: idParam("signup") },
  responses: { 200: jsonContent(SignupSchema, "The cancelled signup"), ...errorResponses(400, ...AUTHED_ERRORS, 404, 409) },
});

export function registerCancelSignup(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise", "talent");
    const { db, clock } = c.get("deps");
    const signup = await readableSignup(db, caller, c.req.valid("param").id);
    if (signup.checkedInAt) throw new ConflictError("The signup is already checked in; it cannot be cancelled.", "该报名已签到，不能取消。");
    if (signup.status === "cancelled" || signup.status === "rejected") throw new ConflictError(`The signup is already ${signup.status}.`, `该报名已是 ${signup.status} 状态。`);
    const event = await getEventInTenant(db, caller.tenantId, signup.eventId);
    const now = clock();
    const token = newId("signup", now);
    await commit(db, [
      ...cancelSignupStatements(db, signup.id, token, {
        tenantId: caller.tenantId,
        eventId: event.id,
        role: signup.role,
        organizerId: event.organizerId,
        at: now.toISOString(),
      }),
      auditStatement(db, {
        tenantId: caller.tenantId,
        actor: actorOf(caller),
        action: "signup.cancelled",
        subjectType: "signup",
        subjectId: signup.id,
        requestId: c.get("requestId"),
        detail: { was: signup.status },
        at: now,
      }),
    ]);
    const after = await getSignupInTenant(db, caller.tenantId, signup.id);
    // Another request settled it between our read and our write.
    if (after.changeToken !== token) throw new ConflictError(`The signup is already ${after.status}.`, `该报名已是 ${after.status} 状态。`);
    return c.json(toSignup(after), 200);
  });
}
