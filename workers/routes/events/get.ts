import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { seatsOf } from "../../data/roadshows.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, idParam, jsonContent } from "../shared.ts";
import { readableEvent } from "./access.ts";
import { EventSchema, toEvent } from "./schema.ts";

const route = createRoute({
  method: "get",
  path: "/v1/events/{id}",
  tags: ["Roadshows"],
  summary: "Get an event",
  description: "With live seat counts per role. Drafts are visible to organizers and admins only.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise", "talent")] as const,
  request: { params: idParam("event") },
  responses: { 200: jsonContent(EventSchema, "The event"), ...errorResponses(400, ...AUTHED_ERRORS, 404) },
});

export function registerGetEvent(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise", "talent");
    const { db } = c.get("deps");
    const row = await readableEvent(db, caller, c.req.valid("param").id);
    const seats = await seatsOf(db, [row.id]);
    return c.json(toEvent(row, seats.get(row.id) ?? []), 200);
  });
}
