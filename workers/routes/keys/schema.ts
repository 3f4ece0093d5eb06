import { z } from "@hono/zod-openapi";
import { ROLES } from "../../../schema/index.ts";
import type { ApiKeyRow } from "../../data/api-keys.ts";
import { listOf } from "../shared.ts";

export const ApiKeySchema = z
  .object({
    id: z.string().openapi({ example: "key_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z" }),
    organization_id: z.string().nullable(),
    talent_id: z.string().nullable(),
    role: z.enum(ROLES),
    name: z.string().nullable(),
    prefix: z.string().openapi({ description: "The first characters of the secret, to recognise it.", example: "wt_7Hq2Lx9P" }),
    created_at: z.string(),
    revoked_at: z.string().nullable(),
  })
  .openapi("ApiKey");

export const CreatedApiKeySchema = ApiKeySchema.extend({
  key: z.string().nullable().openapi({
    description: "The secret. Shown this once: only its SHA-256 is stored, so an idempotent replay answers `null`.",
    example: "wt_7Hq2Lx9PvQ3mZ8cN1rT5yW0bK4dF6gJ2",
  }),
  secret_shown: z.boolean().openapi({
    description: "`true` in the response that carries the secret; `false` in an idempotent replay, which never does.",
    example: true,
  }),
}).openapi("CreatedApiKey");

export const CreateApiKeyBody = z
  .strictObject({
    role: z.enum(["admin", "organizer", "enterprise"]).openapi({
      description: "`enterprise` for enterprise organizations; `admin` or `organizer` for organizer organizations.",
      example: "enterprise",
    }),
    name: z.string().trim().min(1).max(100).optional().openapi({ description: "A label, e.g. who holds the key.", example: "HR 系统对接" }),
  })
  .openapi("CreateApiKey");

export const ApiKeyListSchema = listOf(ApiKeySchema, "ApiKeyList");

export function toApiKey(row: ApiKeyRow): z.infer<typeof ApiKeySchema> {
  return ApiKeySchema.parse({
    id: row.id,
    organization_id: row.organizationId,
    talent_id: row.talentId,
    role: row.role,
    name: row.name,
    prefix: row.prefix,
    created_at: row.createdAt,
    revoked_at: row.revokedAt,
  });
}
