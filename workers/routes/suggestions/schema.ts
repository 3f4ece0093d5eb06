import { z } from "@hono/zod-openapi";
import { SUGGESTION_STATUSES, type suggestions } from "../../../schema/tables/introductions.ts";
import type { PairNames } from "../../data/names.ts";
import { listOf } from "../shared.ts";

export type SuggestionRow = typeof suggestions.$inferSelect;

export const SuggestionSchema = z
  .object({
    id: z.string().openapi({ example: "sug_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z" }),
    demand_id: z.string(),
    demand_title: z.string().nullable().openapi({ description: "The position; null once the demand is deleted.", example: "煤气化工艺工程师" }),
    talent_id: z.string(),
    talent_name: z.string().nullable().openapi({ description: "Null once the talent's profile is erased.", example: "李明" }),
    organization_id: z.string(),
    employer_name: z.string().nullable().openapi({ description: "The enterprise the demand belongs to.", example: "鄂尔多斯市梧桐能源化工有限公司" }),
    score: z.number(),
    status: z.enum(SUGGESTION_STATUSES),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("Suggestion");

export const SuggestionListSchema = listOf(SuggestionSchema, "SuggestionList");

export function toSuggestion(row: SuggestionRow, names: PairNames): z.infer<typeof SuggestionSchema> {
  const demand = names.demands.get(row.demandId);
  return SuggestionSchema.parse({
    id: row.id,
    demand_id: row.demandId,
    demand_title: demand?.title ?? null,
    talent_id: row.talentId,
    talent_name: names.talents.get(row.talentId) ?? null,
    organization_id: row.organizationId,
    employer_name: demand?.employerName ?? null,
    score: row.score,
    status: row.status,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  });
}
