import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { actorOf, auditStatement } from "../../data/audit.ts";
import { checkInStatement, findSignupByCode, getSignupInTenant } from "../../data/roadshows-signups.ts";
import { getEventInTenant } from "../../data/roadshows.ts";
import { commit } from "../../db.ts";
import { ApiError, ConflictError, ValidationError } from "../../errors.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { formatCheckInCode, normalizeCheckInCode } from "../../roadshows/check-in-code.ts";
import { CHECK_IN_STATUSES } from "../../roadshows/lifecycle.ts";
import { BEARER, errorResponses, idParam, jsonContent, WRITE_ERRORS } from "../shared.ts";
import { SignupSchema, toSignup } from "./schema.ts";

const Body = z
  .strictObject({ code: z.string().min(1).max(20).openapi({ description: "As printed or scanned; case, spaces and dashes do not matter.", example: "K7Q2-M9XA" }) })
  .openapi("CheckIn");

const route = createRoute({
  method: "post",
  path: "/v1/events/{id}/check-ins",
  tags: ["Roadshows"],
  summary: "Check someone in",
  description:
    "Organizers and admins at the door, while the event is open, closed or held. The code must belong to a confirmed signup of this event: a wrong code is a 404 " +
    "saying so; a second scan is a 409 saying when they were checked in.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer"), jsonBody()] as const,
  request: { params: idParam("event"), body: { required: true, content: { "application/json": { schema: Body } } } },
  responses: { 200: jsonContent(SignupSchema, "The checked-in signup"), ...errorResponses(...WRITE_ERRORS, 404, 409) },
});

export function registerCheckIn(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer");
    const { db, clock } = c.get("deps");
    const event = await getEventInTenant(db, caller.tenantId, c.req.valid("param").id);
    const code = normalizeCheckInCode(c.req.valid("json").code);
    if (!code) throw new ValidationError([{ path: "code", message: "must be 8 characters of a check-in code" }]);
    if (!CHECK_IN_STATUSES.includes(event.status)) throw new ConflictError(
        `The event is ${event.status}; check-in is open while it is open, closed or held.`,
        `活动状态为 ${event.status}；只有在 open、closed 或 held 状态下才能签到。`,
      );
    const found = await findSignupByCode(db, event.id, code);
    if (!found) throw new ApiError("not_found", `Wrong code: ${formatCheckInCode(code)} is not the check-in code of any signup of this event.`, {
        detailZh: `签到码错误：${formatCheckInCode(code)} 不是本活动任何报名的签到码。`,
      });
    if (found.status !== "confirmed") throw new ConflictError(`The signup is ${found.status}; only confirmed signups can check in.`, `该报名状态为 ${found.status}；只有已确认的报名才能签到。`);
    if (found.checkedInAt) throw new ConflictError(`Already checked in at ${found.checkedInAt}.`, `已于 ${found.checkedInAt} 签到。`);
    const now = clock();
    await commit(db, [
      checkInStatement(db, found.id, now.toISOString()),
      auditStatement(db, {
        tenantId: caller.tenantId,
        actor: actorOf(caller),
        action: "signup.checked_in",
        subjectType: "signup",
        subjectId: found.id,
        requestId: c.get("requestId"),
        at: now,
      }),
    ]);
    const after = await getSignupInTenant(db, caller.tenantId, found.id);
    if (after.checkedInAt !== now.toISOString()) throw new ConflictError(`Already checked in at ${after.checkedInAt ?? "another desk"}.`, `已于 ${after.checkedInAt ?? "另一签到台"} 签到。`);
    return c.json(toSignup(after), 200);
  });
}
