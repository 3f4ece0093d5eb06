import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireOperator } from "../../auth.ts";
import { idempotent, secretShownOnce } from "../../idempotency.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { provisionTenant } from "../../services/provision-tenant.ts";
import { toApiKey } from "../keys/schema.ts";
import { toOrganization } from "../organizations/schema.ts";
import { BEARER, errorResponses, IdempotencyHeader, jsonContent, WRITE_ERRORS } from "../shared.ts";
import { CreatedTenantSchema, CreateTenantBody, toTenant } from "./schema.ts";

const route = createRoute({
  method: "post",
  path: "/v1/tenants",
  tags: ["Tenants"],
  summary: "Create a tenant (operator)",
  description:
    "Creates a region with its organizer organization and first admin key, atomically. Requires the operator key. The admin key's secret is shown once: an idempotent replay answers `admin_key.key: null`, `secret_shown: false`.",
  security: BEARER,
  middleware: [authenticate("operator"), jsonBody()] as const,
  request: {
    headers: IdempotencyHeader,
    body: { required: true, content: { "application/json": { schema: CreateTenantBody } } },
  },
  responses: {
    201: jsonContent(CreatedTenantSchema, "The tenant, its organization and admin key"),
    ...errorResponses(...WRITE_ERRORS, 409),
  },
});

export function registerCreateTenant(app: App): void {
  app.openapi(route, async (c) => {
    requireOperator(c);
    const body = c.req.valid("json");
    return idempotent(c, "operator", async () => {
      const { db, clock } = c.get("deps");
      const created = await provisionTenant(
        db,
        { name: body.name, slug: body.slug, regionCode: body.region_code ?? null, adminOrganizationName: body.admin_organization_name, locale: body.locale },
        { actor: "operator", requestId: c.get("requestId"), now: clock() },
      );
      return c.json(
        {
          tenant: toTenant(created.tenant),
          organization: toOrganization(created.organization),
          admin_key: { ...toApiKey(created.adminKey), key: created.adminSecret, secret_shown: true },
        },
        201,
      );
    }, { redact: secretShownOnce("key", "admin_key") });
  });
}
