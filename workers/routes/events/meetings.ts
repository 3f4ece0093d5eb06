import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { listMeetings } from "../../data/roadshows-meetings.ts";
import { ForbiddenError } from "../../errors.ts";
import { decodeCursor, encodeCursor } from "../../lib/cursor.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, idParam, jsonContent, PaginationQuery } from "../shared.ts";
import { readableEvent, runsEvents } from "./access.ts";
import { partyNames } from "../../data/names.ts";
import { MeetingListSchema, toMeeting } from "./meetings-schema.ts";

const Query = PaginationQuery.extend({
  participant: z
    .string()
    .regex(/^(tal|org)_[0-9A-HJKMNP-TV-Z]{26}$/, "must be a talent or organization id")
    .optional()
    .openapi({ param: { name: "participant", in: "query" }, description: "Only this talent's or organization's meetings. Talent and enterprise keys always see only their own." }),
});

const route = createRoute({
  method: "get",
  path: "/v1/events/{id}/meetings",
  tags: ["Roadshows"],
  summary: "List scheduled meetings",
  description: "The current plan's meetings in slot and table order.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise", "talent")] as const,
  request: { params: idParam("event"), query: Query },
  responses: { 200: jsonContent(MeetingListSchema, "A page of meetings"), ...errorResponses(400, ...AUTHED_ERRORS, 404) },
});

export function registerListMeetings(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise", "talent");
    const query = c.req.valid("query");
    const { db } = c.get("deps");
    const event = await readableEvent(db, caller, c.req.valid("param").id);
    let participant = query.participant;
    if (!runsEvents(caller)) {
      const own = caller.role === "talent" ? caller.talentId : caller.organizationId;
      if (participant !== undefined && participant !== own) throw new ForbiddenError("Talent and enterprise keys see only their own meetings.", "人才和企业密钥只能查看自己的会面。");
      participant = own ?? "-";
    }
    let after: { slot: string; table: string } | null = null;
    if (query.cursor) {
      const [slot = "", table = ""] = decodeCursor(query.cursor).split("|");
      after = { slot, table };
    }
    const rows = await listMeetings(db, event.id, { participant, limit: query.limit, after });
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    const next = rows.length > query.limit && last ? encodeCursor(`${last.slot}|${last.tableName}`) : null;
    const names = await partyNames(db, caller.tenantId, items.flatMap((m) => [m.partyA, m.partyB]));
    return c.json({ data: items.map((m) => toMeeting(m, event.slots, names)), next_cursor: next }, 200);
  });
}
