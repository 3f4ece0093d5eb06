import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { seesContact } from "../../contact.ts";
import { actorOf, auditStatement } from "../../data/audit.ts";
import { updateTalentStatements } from "../../data/talents.ts";
import { ForbiddenError } from "../../errors.ts";
import { type ContactField, type PendingContact, requestContactChanges } from "../../services/contact-change.ts";
import { defer } from "../../jobs/defer.ts";
import { suggestForTalent } from "../../matching-service/suggest.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { BEARER, errorResponses, idParam, jsonContent, WRITE_ERRORS } from "../shared.ts";
import { readableTalent } from "./access.ts";
import { talentConflict } from "./create.ts";
import { codeContext } from "../codes.ts";
import { applyTalentInput, resolveTalentCodes, toTalent, UpdatedTalentSchema, UpdateTalentBody } from "./schema.ts";

const route = createRoute({
  method: "patch",
  path: "/v1/talents/{id}",
  tags: ["Talents"],
  summary: "Update a talent profile",
  description:
    "Fields present are replaced (null clears one); absent fields are kept. A talent key edits only its own profile. A talent's new `phone` or `email` is not applied at once: a code goes to the new number or address (listed in `pending_contact`, masked) and the change applies with `POST /v1/talents/{id}/contact/verify`; the answer is the same whether or not the value is on another profile. A key may request 5 contact changes per hour (then 429 with Retry-After). Organizers may not change phone or email (403).",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "talent"), jsonBody()] as const,
  request: { params: idParam("talent"), body: { required: true, content: { "application/json": { schema: UpdateTalentBody } } } },
  responses: { 200: jsonContent(UpdatedTalentSchema, "The updated profile"), ...errorResponses(...WRITE_ERRORS, 404, 409, 429) },
});

export function registerUpdateTalent(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "talent");
    const current = await readableTalent(c, caller, c.req.valid("param").id);
    const { db, clock, sender } = c.get("deps");
    const body = resolveTalentCodes(await codeContext(db, caller.tenantId), c.req.valid("json"), current);
    const now = clock();
    if (caller.role === "organizer" && (body.phone !== undefined || body.email !== undefined)) {
      throw new ForbiddenError("Organizers may not change a talent's phone or email; the talent changes its own.");
    }
    // A talent's new phone or email waits for the code sent to it; clearing one applies at once.
    const verify: Partial<Record<ContactField, string>> = {};
    const input = { ...body };
    if (caller.role === "talent") {
      for (const field of ["phone", "email"] as const) {
        const value = input[field];
        if (typeof value === "string") {
          verify[field] = value;
          delete input[field];
        }
      }
    }
    const next = { ...applyTalentInput(current, input), updatedAt: now.toISOString() };
    const statements = [
      ...updateTalentStatements(db, next),
      auditStatement(db, {
        tenantId: caller.tenantId,
        actor: actorOf(caller),
        action: "talent.updated",
        subjectType: "talent",
        subjectId: next.id,
        requestId: c.get("requestId"),
        detail: { fields: Object.keys(input).sort() },
        at: now,
      }),
    ];
    let pending: PendingContact[];
    try {
      pending = await requestContactChanges(db, sender, caller, current, verify, { now, requestId: c.get("requestId") }, statements);
    } catch (err) {
      throw talentConflict(err);
    }
    defer(c, "suggestions", () => suggestForTalent(db, caller.tenantId, next.id, clock()).then(() => undefined));
    const view = toTalent(next, seesContact(caller, next.id));
    return c.json(pending.length > 0 ? { ...view, pending_contact: pending } : view, 200);
  });
}
