import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { contactVisibility } from "../../services/contact-access.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, idParam, jsonContent } from "../shared.ts";
import { readableTalent } from "./access.ts";
import { TalentSchema, toTalent } from "./schema.ts";

const route = createRoute({
  method: "get",
  path: "/v1/talents/{id}",
  tags: ["Talents"],
  summary: "Get a talent profile",
  description: "Contact details are masked unless the caller is the talent, an admin, or an enterprise the talent accepted an introduction from (each such reveal is logged).",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise", "talent")] as const,
  request: { params: idParam("talent") },
  responses: { 200: jsonContent(TalentSchema, "The profile"), ...errorResponses(400, ...AUTHED_ERRORS, 404) },
});

export function registerGetTalent(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise", "talent");
    const row = await readableTalent(c, caller, c.req.valid("param").id);
    const visible = await contactVisibility(c, caller, [row.id]);
    return c.json(toTalent(row, visible.has(row.id)), 200);
  });
}
