import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, idParam, jsonContent } from "../shared.ts";
import { readableSignup } from "./access.ts";
import { SignupSchema, toSignup } from "./schema.ts";

const route = createRoute({
  method: "get",
  path: "/v1/signups/{id}",
  tags: ["Roadshows"],
  summary: "Get a signup",
  description: "With its live waitlist position, and its check-in code once confirmed.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise", "talent")] as const,
  request: { params: idParam("signup") },
  responses: { 200: jsonContent(SignupSchema, "The signup"), ...errorResponses(400, ...AUTHED_ERRORS, 404) },
});

export function registerGetSignup(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise", "talent");
    return c.json(toSignup(await readableSignup(c.get("deps").db, caller, c.req.valid("param").id)), 200);
  });
}
