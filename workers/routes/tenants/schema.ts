import { z } from "@hono/zod-openapi";
import type { TenantRow } from "../../data/tenants.ts";
import { LOCALES } from "../../i18n.ts";
import { CreatedApiKeySchema } from "../keys/schema.ts";
import { OrganizationSchema } from "../organizations/schema.ts";
import { listOf } from "../shared.ts";

export const TenantSchema = z
  .object({
    id: z.string().openapi({ example: "ten_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z" }),
    name: z.string().openapi({ example: "鄂尔多斯市" }),
    slug: z.string().openapi({ example: "ordos" }),
    region_code: z.string().nullable().openapi({ description: "GB/T 2260 code of the region (province 2, city 4, county 6 digits).", example: "1506" }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("Tenant");

export const CreateTenantBody = z
  .strictObject({
    name: z.string().trim().min(1).max(100).openapi({ example: "鄂尔多斯市" }),
    slug: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "must be 2–63 lower-case letters, digits or hyphens, starting with a letter or digit")
      .openapi({ example: "ordos" }),
    region_code: z
      .string()
      .regex(/^\d{2}(\d{2}(\d{2})?)?$/, "must be a GB/T 2260 code: 2 digits (province), 4 (city) or 6 (county)")
      .optional()
      .openapi({ example: "1506" }),
    admin_organization_name: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .openapi({ description: "Name of the organizer organization holding the first admin key.", example: "鄂尔多斯市人才工作领导小组办公室" }),
    locale: z
      .enum(LOCALES)
      .optional()
      .openapi({ description: "Language of problem messages when a request sends no Accept-Language (default en; change later with PATCH /v1/settings).", example: "zh-CN" }),
  })
  .openapi("CreateTenant");

export const CreatedTenantSchema = z
  .object({ tenant: TenantSchema, organization: OrganizationSchema, admin_key: CreatedApiKeySchema })
  .openapi("CreatedTenant");

export const TenantListSchema = listOf(TenantSchema, "TenantList");

export function toTenant(row: TenantRow): z.infer<typeof TenantSchema> {
  return TenantSchema.parse({
    id: row.id,
    name: row.name,
    slug: row.slug,
    region_code: row.regionCode,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  });
}
