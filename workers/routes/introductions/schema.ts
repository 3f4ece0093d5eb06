import { z } from "@hono/zod-openapi";
import { INTRODUCTION_OUTCOMES, INTRODUCTION_STATUSES } from "../../../schema/tables/introductions.ts";
import type { IntroductionRow } from "../../data/introductions.ts";
import type { PairNames } from "../../data/names.ts";
import { idPattern } from "../../lib/ids.ts";
import { listOf } from "../shared.ts";

export const CreateIntroductionBody = z
  .strictObject({
    demand_id: z.string().regex(idPattern("demand"), "must be a demand id (dem_…)"),
    talent_id: z.string().regex(idPattern("talent"), "must be a talent id (tal_…)"),
    message: z.string().trim().max(2000).optional().openapi({ example: "您好，我们正在招聘煤气化工艺工程师，希望与您沟通。" }),
  })
  .openapi("CreateIntroduction");

export const OutcomeBody = z
  .strictObject({
    status: z.enum(INTRODUCTION_OUTCOMES).openapi({ description: "interviewed, hired, signed or not_pursued." }),
    note: z.string().trim().max(2000).optional(),
  })
  .openapi("IntroductionOutcome");

export const IntroductionSchema = z
  .object({
    id: z.string().openapi({ example: "int_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z" }),
    demand_id: z.string(),
    demand_title: z.string().nullable().openapi({ description: "The position the enterprise asks about; null once the demand is deleted.", example: "煤气化工艺工程师" }),
    talent_id: z.string(),
    talent_name: z.string().nullable().openapi({ description: "Who the enterprise asks to meet; null once the profile is erased.", example: "李明" }),
    organization_id: z.string().openapi({ description: "The enterprise asking." }),
    employer_name: z.string().nullable().openapi({ description: "The enterprise asking, by name: a talent sees who asked.", example: "鄂尔多斯市梧桐能源化工有限公司" }),
    message: z.string().nullable(),
    score: z.number().nullable().openapi({ description: "The match score when the introduction was requested." }),
    status: z.enum(INTRODUCTION_STATUSES).openapi({
      description: "requested → accepted (the talent consents to share contact details) | declined; accepted → withdrawn (consent withdrawn).",
    }),
    outcome: z.enum(INTRODUCTION_OUTCOMES).nullable(),
    outcome_note: z.string().nullable(),
    responded_at: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("Introduction");

export const IntroductionListSchema = listOf(IntroductionSchema, "IntroductionList");

/** Names come beside the ids; contact details never do (they follow consent on the talent routes). */
export function toIntroduction(row: IntroductionRow, names: PairNames): z.infer<typeof IntroductionSchema> {
  const demand = names.demands.get(row.demandId);
  return IntroductionSchema.parse({
    id: row.id,
    demand_id: row.demandId,
    demand_title: demand?.title ?? null,
    talent_id: row.talentId,
    talent_name: names.talents.get(row.talentId) ?? null,
    organization_id: row.organizationId,
    employer_name: names.organizations.get(row.organizationId) ?? demand?.employerName ?? null,
    message: row.message,
    score: row.score,
    status: row.status,
    outcome: row.outcome,
    outcome_note: row.outcomeNote,
    responded_at: row.respondedAt,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  });
}
