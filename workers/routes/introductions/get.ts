import { pairNames } from "../../data/names.ts";
import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, idParam, jsonContent } from "../shared.ts";
import { visibleIntroduction } from "./access.ts";
import { IntroductionSchema, toIntroduction } from "./schema.ts";

const route = createRoute({
  method: "get",
  path: "/v1/introductions/{id}",
  tags: ["Introductions"],
  summary: "Get an introduction",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise", "talent")] as const,
  request: { params: idParam("introduction") },
  responses: { 200: jsonContent(IntroductionSchema, "The introduction"), ...errorResponses(400, ...AUTHED_ERRORS, 404) },
});

export function registerGetIntroduction(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise", "talent");
    const row = await visibleIntroduction(c, caller, c.req.valid("param").id);
    return c.json(toIntroduction(row, await pairNames(c.get("deps").db, caller.tenantId, [row])), 200);
  });
}
