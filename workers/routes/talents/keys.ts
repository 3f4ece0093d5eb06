import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { getTalentInTenant } from "../../data/talents.ts";
import { idempotent } from "../../idempotency.ts";
import { issueKey } from "../../services/issue-key.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, IdempotencyHeader, idParam, jsonContent } from "../shared.ts";
import { CreatedApiKeySchema, toApiKey } from "../keys/schema.ts";

const route = createRoute({
  method: "post",
  path: "/v1/talents/{id}/keys",
  tags: ["Talents", "API keys"],
  summary: "Issue a talent key",
  description: "A `talent` key reads and edits only its own profile (and, later, its matches and introductions). The secret is shown once.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer")] as const,
  request: { params: idParam("talent"), headers: IdempotencyHeader },
  responses: { 201: jsonContent(CreatedApiKeySchema, "The key, with its secret"), ...errorResponses(400, ...AUTHED_ERRORS, 404, 409, 422) },
});

export function registerCreateTalentKey(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer");
    const { db, clock } = c.get("deps");
    const talent = await getTalentInTenant(db, caller.tenantId, c.req.valid("param").id);
    return idempotent(c, caller.tenantId, async () => {
      const { secret, row } = await issueKey(db, caller, { organizationId: null, talentId: talent.id, role: "talent" }, { now: clock(), requestId: c.get("requestId") });
      return c.json({ ...toApiKey(row), key: secret, secret_shown: true }, 201);
    });
  });
}
