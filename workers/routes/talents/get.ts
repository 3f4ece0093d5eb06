import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { seesContact } from "../../contact.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, idParam, jsonContent } from "../shared.ts";
import { readableTalent } from "./access.ts";
import { TalentSchema, toTalent } from "./schema.ts";

const route = createRoute({
  method: "get",
  path: "/v1/talents/{id}",
  tags: ["Talents"],
  summary: "Get a talent profile",
  description: "Contact details are masked unless the caller is the talent or an admin.",
  security: BEARER,
  middleware: [authenticate()] as const,
  request: { params: idParam("talent") },
  responses: { 200: jsonContent(TalentSchema, "The profile"), ...errorResponses(400, ...AUTHED_ERRORS, 404) },
});

export function registerGetTalent(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise", "talent");
    const row = await readableTalent(c, caller, c.req.valid("param").id);
    return c.json(toTalent(row, seesContact(caller, row.id)), 200);
  });
}
