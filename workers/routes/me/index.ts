import { createRoute, z } from "@hono/zod-openapi";
import { ROLES } from "../../../schema/index.ts";
import type { App } from "../../app.ts";
import { authenticate } from "../../auth.ts";
import { getOrganizationInTenant } from "../../data/organizations.ts";
import { getTenant } from "../../data/tenants.ts";
import { OrganizationSchema, toOrganization } from "../organizations/schema.ts";
import { BEARER, errorResponses, jsonContent } from "../shared.ts";

const MeSchema = z
  .object({
    role: z.enum([...ROLES, "operator"]).openapi({ description: "`operator` for the operator key." }),
    key_id: z.string().nullable(),
    tenant: z.object({ id: z.string(), name: z.string(), slug: z.string() }).nullable(),
    organization: OrganizationSchema.nullable(),
    talent_id: z.string().nullable(),
  })
  .openapi("Me");

const route = createRoute({
  method: "get",
  path: "/v1/me",
  tags: ["Tenants"],
  summary: "Who am I",
  description: "The caller's role, tenant and organization: the first call to make with a new key.",
  security: BEARER,
  middleware: [authenticate()] as const,
  responses: {
    200: jsonContent(MeSchema, "The caller"),
    ...errorResponses(401),
  },
});

export function registerMeRoutes(app: App): void {
  app.openapi(route, async (c) => {
    const principal = c.get("principal");
    if (principal.kind === "operator") {
      return c.json({ role: "operator" as const, key_id: null, tenant: null, organization: null, talent_id: null }, 200);
    }
    const { db } = c.get("deps");
    const tenant = await getTenant(db, principal.tenantId);
    const organization = principal.organizationId ? toOrganization(await getOrganizationInTenant(db, tenant.id, principal.organizationId)) : null;
    return c.json(
      {
        role: principal.role,
        key_id: principal.keyId,
        tenant: { id: tenant.id, name: tenant.name, slug: tenant.slug },
        organization,
        talent_id: principal.talentId,
      },
      200,
    );
  });
}
