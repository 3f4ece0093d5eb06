import { createRoute, z } from "@hono/zod-openapi";
import { SIGNUP_ROLES, SIGNUP_STATUSES } from "../../../schema/tables/roadshows.ts";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { listSignups } from "../../data/roadshows-signups.ts";
import { decodeCursor, page } from "../../lib/cursor.ts";
import { idPattern } from "../../lib/ids.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, jsonContent, PaginationQuery } from "../shared.ts";
import { signupScope } from "./access.ts";
import { SignupListSchema, toSignup } from "./schema.ts";

const q = (name: string, description: string) => ({ param: { name, in: "query" as const }, description });

const Query = PaginationQuery.extend({
  event_id: z.string().regex(idPattern("event"), "must be an event id (evt_…)").optional().openapi(q("event_id", "Only this event's signups.")),
  status: z.enum(SIGNUP_STATUSES).optional().openapi(q("status", "Only signups in this status.")),
  role: z.enum(SIGNUP_ROLES).optional().openapi(q("role", "Only signups of this role.")),
});

const route = createRoute({
  method: "get",
  path: "/v1/signups",
  tags: ["Roadshows"],
  summary: "List signups",
  description: "Newest first. Organizers and admins see every signup; a talent key its own; an enterprise key its organization's.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise", "talent")] as const,
  request: { query: Query },
  responses: { 200: jsonContent(SignupListSchema, "A page of signups"), ...errorResponses(400, ...AUTHED_ERRORS) },
});

export function registerListSignups(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise", "talent");
    const query = c.req.valid("query");
    const rows = await listSignups(
      c.get("deps").db,
      caller.tenantId,
      { eventId: query.event_id, status: query.status, role: query.role, ...signupScope(caller) },
      { limit: query.limit, after: query.cursor ? decodeCursor(query.cursor) : null },
    );
    const { items, nextCursor } = page(rows, query.limit);
    return c.json({ data: items.map(toSignup), next_cursor: nextCursor }, 200);
  });
}
