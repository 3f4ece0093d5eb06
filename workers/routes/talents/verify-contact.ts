import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { defer } from "../../jobs/defer.ts";
import { suggestForTalent } from "../../matching-service/suggest.ts";
import { confirmContactChange } from "../../services/contact-change.ts";
import { BEARER, errorResponses, idParam, jsonContent, WRITE_ERRORS } from "../shared.ts";
import { readableTalent } from "./access.ts";
import { TalentSchema, toTalent } from "./schema.ts";

const VerifyContactBody = z
  .strictObject({ code: z.string().regex(/^\d{6}$/, "must be the 6-digit code sent to the new phone or email").openapi({ example: "042917" }) })
  .openapi("VerifyContact");

const route = createRoute({
  method: "post",
  path: "/v1/talents/{id}/contact/verify",
  tags: ["Talents"],
  summary: "Confirm a new phone or email with the code sent to it",
  description:
    "The talent's own key only. Applies the pending change from `PATCH /v1/talents/{id}`. A wrong code is 422 (five tries); no pending change is 404. If the confirmed phone is already on another profile, both are flagged for an organizer to merge and the answer is 409.",
  security: BEARER,
  middleware: [authenticate("talent"), jsonBody()] as const,
  request: { params: idParam("talent"), body: { required: true, content: { "application/json": { schema: VerifyContactBody } } } },
  responses: { 200: jsonContent(TalentSchema, "The profile with the new contact detail"), ...errorResponses(...WRITE_ERRORS, 404, 409, 429) },
});

export function registerVerifyTalentContact(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "talent");
    const talent = await readableTalent(c, caller, c.req.valid("param").id);
    const { db, clock } = c.get("deps");
    const next = await confirmContactChange(db, caller, talent, c.req.valid("json").code, { now: clock(), requestId: c.get("requestId") });
    defer(c, "suggestions", () => suggestForTalent(db, caller.tenantId, next.id, clock()).then(() => undefined));
    return c.json(toTalent(next, true), 200);
  });
}
