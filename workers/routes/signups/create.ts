import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { actorOf, auditStatement } from "../../data/audit.ts";
import { isUniqueViolation } from "../../data/constraints.ts";
import { createSignupStatements, getSignupInTenant } from "../../data/roadshows-signups.ts";
import { offeredRoles } from "../../data/roadshows.ts";
import { commit } from "../../db.ts";
import { ConflictError, ValidationError } from "../../errors.ts";
import { idempotent } from "../../idempotency.ts";
import { newId } from "../../lib/ids.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { checkAnswers } from "../../roadshows/answers.ts";
import { newCheckInCode } from "../../roadshows/check-in-code.ts";
import { outsideWindow, signupWindow } from "../../roadshows/signup-window.ts";
import { readableEvent, runsEvents } from "../events/access.ts";
import { BEARER, errorResponses, IdempotencyHeader, idParam, jsonContent, WRITE_ERRORS } from "../shared.ts";
import { resolveParty } from "./party.ts";
import { CreateSignupBody, SignupSchema, toSignup } from "./schema.ts";

const route = createRoute({
  method: "post",
  path: "/v1/events/{id}/signups",
  tags: ["Roadshows"],
  summary: "Sign up for an event",
  description:
    "The event must be `open`. Takes a seat of the role if one is free (`confirmed`), else a place on the waitlist (`waitlisted`); with `approval_required` the signup waits as `pending`. " +
    "The outcome is settled in one atomic write, so confirmed seats never exceed capacity however many arrive at once. " +
    "Talent keys sign themselves up, enterprise keys their organization; organizers and admins sign anyone up (the desk). " +
    "Outside the signup window (before `signup_opens_at`, from `signup_closes_at` on) every signup is a 409 stating the window; without `signup_closes_at`, " +
    "self-signups close when the event starts and the desk takes walk-ins until it ends. `answers` are checked against the event's `questions`.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise", "talent"), jsonBody()] as const,
  request: { params: idParam("event"), headers: IdempotencyHeader, body: { required: true, content: { "application/json": { schema: CreateSignupBody } } } },
  responses: { 201: jsonContent(SignupSchema, "The signup"), ...errorResponses(...WRITE_ERRORS, 404, 409) },
});

export function registerCreateSignup(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise", "talent");
    const body = c.req.valid("json");
    const { db, clock } = c.get("deps");
    const event = await readableEvent(db, caller, c.req.valid("param").id);
    const party = await resolveParty(db, caller, body);
    const now = clock();
    const iso = now.toISOString();
    if (event.status !== "open") throw new ConflictError(`The event is ${event.status}; only an open event takes signups.`, `活动状态为 ${event.status}；只有开放中的活动接受报名。`);
    const refusal = outsideWindow(signupWindow(event, runsEvents(caller)), iso);
    if (refusal) throw new ConflictError(refusal.en, refusal.zh);
    const roles = await offeredRoles(db, event.id);
    if (!roles.includes(party.role)) {
      throw new ValidationError([{ path: "role", message: `this event takes no '${party.role}' signups; it offers ${roles.join(", ") || "none"}` }]);
    }
    const unknownSlot = (body.availability ?? []).findIndex((slot) => !event.meetingSlots.includes(slot));
    if (unknownSlot >= 0) throw new ValidationError([{ path: `availability.${unknownSlot}`, message: "is not one of the event's meeting slots" }]);
    const checked = checkAnswers(event.questions, body.answers ?? {});
    if (checked.errors.length > 0) throw new ValidationError(checked.errors, "The answers do not fit the event's questions.");
    return idempotent(c, caller.tenantId, async () => {
      const id = newId("signup", now);
      for (let attempt = 0; ; attempt++) {
        const signup = {
          id,
          tenantId: caller.tenantId,
          eventId: event.id,
          ...party,
          checkInCode: newCheckInCode(),
          availability: body.availability ?? null,
          note: body.note ?? null,
          contactName: body.contact_name ?? null,
          answers: event.questions.length > 0 ? checked.answers : null,
          createdBy: caller.keyId,
          at: iso,
        };
        try {
          await commit(db, [
            ...createSignupStatements(db, signup, { pending: event.requiresApproval && !runsEvents(caller), organizerId: event.organizerId }),
            auditStatement(db, { tenantId: caller.tenantId, actor: actorOf(caller), action: "signup.created", subjectType: "signup", subjectId: id, requestId: c.get("requestId"), detail: { event_id: event.id }, at: now }),
          ]);
          break;
        } catch (err) {
          // 40 random bits: a clash is rare enough that one fresh code settles it.
          if (isUniqueViolation(err, "check_in_code") && attempt < 2) continue;
          if (isUniqueViolation(err)) throw new ConflictError(
              `${party.talentId ?? party.organizationId} is already signed up for this event.`,
              `${party.talentId ?? party.organizationId} 已报名本活动。`,
            );
          throw err;
        }
      }
      return c.json(toSignup(await getSignupInTenant(db, caller.tenantId, id)), 201);
    });
  });
}
