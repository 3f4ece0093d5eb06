import { z } from "@hono/zod-openapi";
import { ORGANIZATION_KINDS } from "../../../schema/index.ts";
import type { OrganizationRow } from "../../data/organizations.ts";
import { listOf } from "../shared.ts";

export const OrganizationSchema = z
  .object({
    id: z.string().openapi({ example: "org_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z" }),
    name: z.string().openapi({ example: "鄂尔多斯市伊泰煤制油有限责任公司" }),
    kind: z.enum(ORGANIZATION_KINDS).openapi({ description: "`enterprise` (用人单位) or `organizer` (人才办, 园区)." }),
    created_at: z.string().openapi({ example: "2026-11-21T08:00:00.000Z" }),
    updated_at: z.string().openapi({ example: "2026-11-21T08:00:00.000Z" }),
  })
  .openapi("Organization");

export const CreateOrganizationBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200).openapi({ example: "鄂尔多斯市伊泰煤制油有限责任公司" }),
    kind: z.enum(ORGANIZATION_KINDS).openapi({ example: "enterprise" }),
  })
  .openapi("CreateOrganization");

export const OrganizationListSchema = listOf(OrganizationSchema, "OrganizationList");

export type OrganizationResponse = z.infer<typeof OrganizationSchema>;

/** Row → wire. */
export function toOrganization(row: OrganizationRow): OrganizationResponse {
  return OrganizationSchema.parse({
    id: row.id,
    name: row.name,
    kind: row.kind,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  });
}
