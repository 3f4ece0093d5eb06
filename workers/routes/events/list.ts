import { createRoute, z } from "@hono/zod-openapi";
import { EVENT_STATUSES } from "../../../schema/tables/roadshows.ts";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { listEvents, seatsOf } from "../../data/roadshows.ts";
import { InvalidParameterError } from "../../errors.ts";
import { decodeCursor, page } from "../../lib/cursor.ts";
import { parseQuarter } from "../../roadshows/quarter.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, jsonContent, PaginationQuery } from "../shared.ts";
import { runsEvents } from "./access.ts";
import { EventListSchema, toEvent } from "./schema.ts";

const Query = PaginationQuery.extend({
  status: z.enum(EVENT_STATUSES).optional().openapi({ param: { name: "status", in: "query" }, description: "Only events in this status." }),
  quarter: z
    .string()
    .optional()
    .openapi({ param: { name: "quarter", in: "query" }, description: "Only events starting in this quarter, e.g. `2026Q3`.", example: "2026Q3" }),
  city: z
    .string()
    .regex(/^\d{2}(?:\d{2}){0,2}$/, "must be a GB/T 2260 code (2, 4 or 6 digits)")
    .optional()
    .openapi({ param: { name: "city", in: "query" }, description: "Only events in this place or inside it (GB/T 2260 code, `city_code`: 1506 lists events in 康巴什区 150603).", example: "1506" }),
});

const route = createRoute({
  method: "get",
  path: "/v1/events",
  tags: ["Roadshows"],
  summary: "List events",
  description: "Newest first; filtered by `status`, `quarter` (of `starts_at`) and `city`. Talents and enterprises do not see drafts.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise", "talent")] as const,
  request: { query: Query },
  responses: { 200: jsonContent(EventListSchema, "A page of events"), ...errorResponses(400, ...AUTHED_ERRORS) },
});

export function registerListEvents(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise", "talent");
    const query = c.req.valid("query");
    const quarter = query.quarter === undefined ? null : parseQuarter(query.quarter);
    if (query.quarter !== undefined && !quarter) {
      throw new InvalidParameterError([{ path: "quarter", message: "must be a quarter like 2026Q3 (Q1–Q4)" }]);
    }
    const { db } = c.get("deps");
    const rows = await listEvents(
      db,
      caller.tenantId,
      { status: query.status, from: quarter?.from, to: quarter?.to, city: query.city, publishedOnly: !runsEvents(caller) },
      { limit: query.limit, after: query.cursor ? decodeCursor(query.cursor) : null },
    );
    const { items, nextCursor } = page(rows, query.limit);
    const seats = await seatsOf(
      db,
      items.map((e) => e.id),
    );
    return c.json({ data: items.map((e) => toEvent(e, seats.get(e.id) ?? [])), next_cursor: nextCursor }, 200);
  });
}
