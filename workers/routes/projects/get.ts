import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, idParam, jsonContent } from "../shared.ts";
import { readableProject } from "./access.ts";
import { ProjectSchema, toProject } from "./schema.ts";

const route = createRoute({
  method: "get",
  path: "/v1/projects/{id}",
  tags: ["Roadshows"],
  summary: "Get a project",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise", "talent")] as const,
  request: { params: idParam("project") },
  responses: { 200: jsonContent(ProjectSchema, "The project"), ...errorResponses(400, ...AUTHED_ERRORS, 404) },
});

export function registerGetProject(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise", "talent");
    return c.json(toProject(await readableProject(c.get("deps").db, caller, c.req.valid("param").id)), 200);
  });
}
