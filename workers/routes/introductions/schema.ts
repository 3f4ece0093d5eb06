import { z } from "@hono/zod-openapi";
import { INTRODUCTION_OUTCOMES, INTRODUCTION_STATUSES } from "../../../schema/tables/introductions.ts";
import type { IntroductionRow } from "../../data/introductions.ts";
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
    talent_id: z.string(),
    organization_id: z.string().openapi({ description: "The enterprise asking." }),
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

export function toIntroduction(row: IntroductionRow): z.infer<typeof IntroductionSchema> {
  return IntroductionSchema.parse({
    id: row.id,
    demand_id: row.demandId,
    talent_id: row.talentId,
    organization_id: row.organizationId,
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
