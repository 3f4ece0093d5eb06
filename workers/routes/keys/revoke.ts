import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { getKeyInTenant, revokeKeyStatement } from "../../data/api-keys.ts";
import { actorOf, auditStatement } from "../../data/audit.ts";
import { getOrganizationInTenant } from "../../data/organizations.ts";
import { commit } from "../../db.ts";
import { ForbiddenError } from "../../errors.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, idParam, jsonContent } from "../shared.ts";
import { assertMayManageKeysOf } from "./policy.ts";
import { ApiKeySchema, toApiKey } from "./schema.ts";

const route = createRoute({
  method: "delete",
  path: "/v1/keys/{id}",
  tags: ["API keys"],
  summary: "Revoke an API key",
  description: "Takes effect on the next request. Revoking an already revoked key returns it unchanged.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise")] as const,
  request: { params: idParam("apiKey") },
  responses: {
    200: jsonContent(ApiKeySchema, "The revoked key"),
    ...errorResponses(400, ...AUTHED_ERRORS, 404),
  },
});

export function registerRevokeKey(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise");
    const { id } = c.req.valid("param");
    const { db, clock } = c.get("deps");
    const key = await getKeyInTenant(db, caller.tenantId, id);
    if (key.organizationId) {
      assertMayManageKeysOf(caller, await getOrganizationInTenant(db, caller.tenantId, key.organizationId));
    } else if (caller.role !== "admin") {
      throw new ForbiddenError("Only admins may revoke talent keys here.", "只有管理员可以在此吊销人才密钥。");
    }
    if (key.revokedAt) return c.json(toApiKey(key), 200);
    const now = clock();
    await commit(db, [
      revokeKeyStatement(db, caller.tenantId, id, now.toISOString()),
      auditStatement(db, {
        tenantId: caller.tenantId,
        actor: actorOf(caller),
        action: "api_key.revoked",
        subjectType: "api_key",
        subjectId: id,
        requestId: c.get("requestId"),
        at: now,
      }),
    ]);
    return c.json(toApiKey(await getKeyInTenant(db, caller.tenantId, id)), 200);
  });
}
