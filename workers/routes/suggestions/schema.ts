import { z } from "@hono/zod-openapi";
import { SUGGESTION_STATUSES, type suggestions } from "../../../schema/tables/introductions.ts";
import { listOf } from "../shared.ts";

export type SuggestionRow = typeof suggestions.$inferSelect;

export const SuggestionSchema = z
  .object({
    id: z.string().openapi({ example: "sug_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z" }),
    demand_id: z.string(),
    talent_id: z.string(),
    organization_id: z.string(),
    score: z.number(),
    status: z.enum(SUGGESTION_STATUSES),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("Suggestion");

export const SuggestionListSchema = listOf(SuggestionSchema, "SuggestionList");

export function toSuggestion(row: SuggestionRow): z.infer<typeof SuggestionSchema> {
  return SuggestionSchema.parse({
    id: row.id,
    demand_id: row.demandId,
    talent_id: row.talentId,
    organization_id: row.organizationId,
    score: row.score,
    status: row.status,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  });
}
