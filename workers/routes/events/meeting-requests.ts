import { partyNames } from "../../data/names.ts";
import { createRoute } from "@hono/zod-openapi";
import { and, eq, or } from "drizzle-orm";
import { signups } from "../../../schema/tables/roadshows.ts";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import type { TenantPrincipal } from "../../context.ts";
import { isUniqueViolation } from "../../data/constraints.ts";
import { insertMeetingRequest, type MeetingRequestRow, reverseRequestExists } from "../../data/roadshows-meetings.ts";
import { getProjectInTenant } from "../../data/roadshows-projects.ts";
import type { EventRow } from "../../data/roadshows.ts";
import { commit, type Db } from "../../db.ts";
import { ConflictError, ForbiddenError, ValidationError } from "../../errors.ts";
import { newId } from "../../lib/ids.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { BEARER, errorResponses, idParam, jsonContent, WRITE_ERRORS } from "../shared.ts";
import { readableEvent } from "./access.ts";
import { CreateMeetingRequestBody, MeetingRequestSchema } from "./meetings-schema.ts";

const route = createRoute({
  method: "post",
  path: "/v1/events/{id}/meeting-requests",
  tags: ["Roadshows"],
  summary: "Ask for a 1:1 meeting",
  description:
    "Records that one participant wants to meet another at the event (洽谈). Both must hold confirmed seats; a project stands for its owner. " +
    "A pair asked for both ways is mutual and is scheduled first. Talents ask as themselves, enterprises as their organization; organizers for anyone.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise", "talent"), jsonBody()] as const,
  request: { params: idParam("event"), body: { required: true, content: { "application/json": { schema: CreateMeetingRequestBody } } } },
  responses: { 201: jsonContent(MeetingRequestSchema, "The request"), ...errorResponses(...WRITE_ERRORS, 404, 409) },
});

/** The talent or organization a party names, checked to hold a confirmed seat at the event. */
async function seatedParty(db: Db, event: EventRow, kind: string, id: string, path: string): Promise<string> {
  if ((kind === "talent" && !id.startsWith("tal_")) || (kind === "organization" && !id.startsWith("org_")) || (kind === "project" && !id.startsWith("prj_"))) {
    throw new ValidationError([{ path: `${path}.id`, message: `is not a ${kind} id` }]);
  }
  let party = id;
  if (kind === "project") {
    const project = await getProjectInTenant(db, event.tenantId, id);
    party = project.talentId ?? project.organizationId ?? "";
  }
  const seat = await db
    .select({ id: signups.id })
    .from(signups)
    .where(and(eq(signups.eventId, event.id), eq(signups.status, "confirmed"), or(eq(signups.talentId, party), eq(signups.organizationId, party))))
    .limit(1);
  if (seat.length === 0) throw new ValidationError([{ path: `${path}.id`, message: "holds no confirmed seat at this event" }]);
  return party;
}

function assertMayAskAs(caller: TenantPrincipal, party: string): void {
  if (caller.role === "talent" && party !== caller.talentId) throw new ForbiddenError("A talent key asks for meetings as itself only.", "人才密钥只能以本人名义申请会面。");
  if (caller.role === "enterprise" && party !== caller.organizationId) throw new ForbiddenError("An enterprise key asks for meetings as its own organization only.", "企业密钥只能以本机构名义申请会面。");
}

export function registerCreateMeetingRequest(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise", "talent");
    const body = c.req.valid("json");
    const { db, clock } = c.get("deps");
    const event = await readableEvent(db, caller, c.req.valid("param").id);
    const fromParty = await seatedParty(db, event, body.from.kind, body.from.id, "from");
    assertMayAskAs(caller, fromParty);
    const toParty = await seatedParty(db, event, body.to.kind, body.to.id, "to");
    if (fromParty === toParty) throw new ValidationError([{ path: "to", message: "must be someone else" }]);
    const now = clock();
    const row: MeetingRequestRow = {
      id: newId("meetingRequest", now),
      tenantId: caller.tenantId,
      eventId: event.id,
      fromKind: body.from.kind,
      fromId: body.from.id,
      toKind: body.to.kind,
      toId: body.to.id,
      fromParty,
      toParty,
      priority: body.priority,
      createdBy: caller.keyId,
      createdAt: now.toISOString(),
    };
    try {
      await commit(db, [insertMeetingRequest(db, row)]);
    } catch (err) {
      if (isUniqueViolation(err)) throw new ConflictError(`${fromParty} has already asked to meet ${toParty} at this event.`, `${fromParty} 已在本活动中申请与 ${toParty} 会面。`);
      throw err;
    }
    const mutual = await reverseRequestExists(db, event.id, fromParty, toParty);
    const names = await partyNames(db, caller.tenantId, [fromParty, toParty]);
    return c.json(
      MeetingRequestSchema.parse({
        id: row.id,
        event_id: row.eventId,
        from: { kind: row.fromKind, id: row.fromId, party: fromParty, name: names.get(fromParty) ?? null },
        to: { kind: row.toKind, id: row.toId, party: toParty, name: names.get(toParty) ?? null },
        priority: row.priority,
        mutual,
        created_at: row.createdAt,
      }),
      201,
    );
  });
}
