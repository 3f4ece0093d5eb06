import { createRoute, z } from "@hono/zod-openapi";
import { PROJECT_STATUSES } from "../../../schema/tables/roadshows.ts";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { listProjects, type ProjectFilters } from "../../data/roadshows-projects.ts";
import { decodeCursor, page } from "../../lib/cursor.ts";
import { idPattern } from "../../lib/ids.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, jsonContent, PaginationQuery } from "../shared.ts";
import { PUBLIC_PROJECT_STATUSES } from "./access.ts";
import { ProjectListSchema, toProject } from "./schema.ts";

const Query = PaginationQuery.extend({
  event_id: z.string().regex(idPattern("event"), "must be an event id (evt_…)").optional().openapi({ param: { name: "event_id", in: "query" }, description: "Only this event's projects." }),
  status: z.enum(PROJECT_STATUSES).optional().openapi({ param: { name: "status", in: "query" }, description: "Only projects in this status." }),
});

const route = createRoute({
  method: "get",
  path: "/v1/projects",
  tags: ["Roadshows"],
  summary: "List projects",
  description: "Newest first. Organizers and admins see all; a talent its own; an enterprise its own plus selected, pitched, negotiating and signed ones.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise", "talent")] as const,
  request: { query: Query },
  responses: { 200: jsonContent(ProjectListSchema, "A page of projects"), ...errorResponses(400, ...AUTHED_ERRORS) },
});

export function registerListProjects(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise", "talent");
    const query = c.req.valid("query");
    let visibleTo: ProjectFilters["visibleTo"];
    if (caller.role === "talent") visibleTo = { talentId: caller.talentId ?? "-" };
    if (caller.role === "enterprise") visibleTo = { organizationId: caller.organizationId ?? "-", publicStatuses: PUBLIC_PROJECT_STATUSES };
    const rows = await listProjects(
      c.get("deps").db,
      caller.tenantId,
      { eventId: query.event_id, status: query.status, visibleTo },
      { limit: query.limit, after: query.cursor ? decodeCursor(query.cursor) : null },
    );
    const { items, nextCursor } = page(rows, query.limit);
    return c.json({ data: items.map(toProject), next_cursor: nextCursor }, 200);
  });
}
