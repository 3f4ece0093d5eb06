import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { actorOf, auditStatement } from "../../data/audit.ts";
import { type EventRow, insertEventStatements, seatsOf } from "../../data/roadshows.ts";
import { commit } from "../../db.ts";
import { ValidationError } from "../../errors.ts";
import { idempotent } from "../../idempotency.ts";
import { newId } from "../../lib/ids.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { slotProblems } from "../../roadshows/slots.ts";
import { BEARER, errorResponses, IdempotencyHeader, jsonContent, WRITE_ERRORS } from "../shared.ts";
import { codeContext } from "../codes.ts";
import { CreateEventBody, EventSchema, slotColumns, toEvent, resolveEventCodes } from "./schema.ts";

const route = createRoute({
  method: "post",
  path: "/v1/events",
  tags: ["Roadshows"],
  summary: "Create a roadshow event",
  description:
    "Organizers and admins. Capacity is per role (`talent`, `team`, `enterprise`, `investor`); a role left out takes no signups. " +
    "Starts as `draft` (hidden from talents and enterprises) unless `status` is `open`; then draft → open → closed → held → reported with `PATCH`.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer"), jsonBody()] as const,
  request: { headers: IdempotencyHeader, body: { required: true, content: { "application/json": { schema: CreateEventBody } } } },
  responses: { 201: jsonContent(EventSchema, "The event"), ...errorResponses(...WRITE_ERRORS, 409) },
});

export function registerCreateEvent(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer");
    const { db, clock } = c.get("deps");
    const body = resolveEventCodes(await codeContext(db, caller.tenantId), c.req.valid("json"));
    const slotErrors = slotProblems(body.meeting_slots, { startsAt: body.starts_at, endsAt: body.ends_at });
    if (slotErrors.length > 0) throw new ValidationError(slotErrors);
    return idempotent(c, caller.tenantId, async () => {
      const now = clock();
      const row: EventRow = {
        id: newId("event", now),
        tenantId: caller.tenantId,
        organizerId: caller.organizationId,
        title: body.name,
        theme: body.theme ?? null,
        city: body.city_code ?? null,
        venue: body.venue ?? null,
        startsAt: body.starts_at,
        endsAt: body.ends_at,
        signupOpensAt: body.signup_opens_at ?? null,
        signupClosesAt: body.signup_closes_at ?? null,
        requiresApproval: body.approval_required,
        status: body.status,
        sessions: body.sessions,
        ...slotColumns(body.meeting_slots),
        tables: body.tables,
        questions: body.questions,
        changeToken: null,
        createdBy: caller.keyId,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      await commit(db, [
        ...insertEventStatements(db, row, body.capacity),
        auditStatement(db, {
          tenantId: caller.tenantId,
          actor: actorOf(caller),
          action: "event.created",
          subjectType: "event",
          subjectId: row.id,
          requestId: c.get("requestId"),
          at: now,
        }),
      ]);
      const seats = await seatsOf(db, [row.id]);
      return c.json(toEvent(row, seats.get(row.id) ?? []), 201);
    });
  });
}
