import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { getOrganizationInTenant } from "../../data/organizations.ts";
import { idempotent, secretShownOnce } from "../../idempotency.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { issueKey } from "../../services/issue-key.ts";
import { BEARER, errorResponses, IdempotencyHeader, idParam, jsonContent, WRITE_ERRORS } from "../shared.ts";
import { assertMayManageKeysOf, assertMayMint } from "./policy.ts";
import { CreateApiKeyBody, CreatedApiKeySchema, toApiKey } from "./schema.ts";

const route = createRoute({
  method: "post",
  path: "/v1/organizations/{id}/keys",
  tags: ["API keys"],
  summary: "Create an API key for an organization",
  description:
    "Returns the secret once. A replay with the same Idempotency-Key returns the key with `key: null` and `secret_shown: false`: the secret is never stored. Talent keys reach talents through invitations (`POST /v1/talents/{id}/keys`), not here.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise"), jsonBody()] as const,
  request: {
    params: idParam("organization"),
    headers: IdempotencyHeader,
    body: { required: true, content: { "application/json": { schema: CreateApiKeyBody } } },
  },
  responses: {
    201: jsonContent(CreatedApiKeySchema, "The key, with its secret"),
    ...errorResponses(...WRITE_ERRORS, 404, 409),
  },
});

export function registerCreateKey(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise");
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const { db, clock } = c.get("deps");
    const org = await getOrganizationInTenant(db, caller.tenantId, id);
    assertMayManageKeysOf(caller, org);
    assertMayMint(caller, org, body.role);
    return idempotent(c, caller.tenantId, async () => {
      const { secret, row } = await issueKey(
        db,
        caller,
        { organizationId: org.id, role: body.role, name: body.name ?? null },
        { now: clock(), requestId: c.get("requestId") },
      );
      return c.json({ ...toApiKey(row), key: secret, secret_shown: true }, 201);
    }, { redact: secretShownOnce("key") });
  });
}
