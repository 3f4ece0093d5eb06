import { z } from "@hono/zod-openapi";
import type { MeetingSlot } from "../../../schema/tables/roadshows.ts";
import type { MeetingRow } from "../../data/roadshows-meetings.ts";
import { slotEnd } from "../../roadshows/slots.ts";
import { listOf } from "../shared.ts";

export const PARTY_KINDS = ["talent", "organization", "project"] as const;

const Party = z.strictObject({
  kind: z.enum(PARTY_KINDS).openapi({ description: "A project stands for its owner (talent or organization)." }),
  id: z.string().regex(/^(tal|org|prj)_[0-9A-HJKMNP-TV-Z]{26}$/, "must be a talent, organization or project id"),
});

export const CreateMeetingRequestBody = z
  .strictObject({
    from: Party.openapi({ description: "Who asks. A talent key asks as itself, an enterprise key as its organization." }),
    to: Party,
    priority: z.number().int().min(1).max(5).default(3).openapi({ description: "How much the asker wants this meeting, 1–5." }),
  })
  .openapi("CreateMeetingRequest");

export const MeetingRequestSchema = z
  .object({
    id: z.string().openapi({ example: "mrq_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z" }),
    event_id: z.string(),
    from: z.object({ kind: z.enum(PARTY_KINDS), id: z.string(), party: z.string(), name: z.string().nullable().openapi({ description: "The party's display name." }) }),
    to: z.object({ kind: z.enum(PARTY_KINDS), id: z.string(), party: z.string(), name: z.string().nullable() }),
    priority: z.number().int(),
    mutual: z.boolean().openapi({ description: "True when the other side has asked too: such pairs are scheduled first." }),
    created_at: z.string(),
  })
  .openapi("MeetingRequest");

const PartyRef = z.object({
  kind: z.enum(["talent", "organization"]),
  id: z.string(),
  name: z.string().nullable().openapi({ description: "The talent's or organization's display name, as a badge or table card prints it.", example: "李明" }),
});

export const MeetingSchema = z
  .object({
    id: z.string().openapi({ example: "mtg_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z" }),
    event_id: z.string(),
    plan_id: z.string(),
    starts_at: z.string(),
    ends_at: z.string(),
    table: z.string(),
    a: PartyRef,
    b: PartyRef,
    mutual: z.boolean(),
    score: z.number().nullable().openapi({ description: "Match score of the pair (0–100) when one side is a talent; null otherwise." }),
    priority: z.number(),
  })
  .openapi("Meeting");

export const MeetingListSchema = listOf(MeetingSchema, "MeetingList");

const LeftOut = z.object({
  a: PartyRef,
  b: PartyRef,
  reason: z.enum(["not_confirmed", "same_participant", "no_common_slot", "participants_busy", "no_free_table"]).openapi({
    description: "not_confirmed: a side holds no confirmed seat; no_common_slot: their availabilities do not meet; participants_busy / no_free_table: the plan is full.",
  }),
  priority: z.number(),
});

export const MeetingPlanSchema = z
  .object({
    id: z.string().openapi({ example: "mpl_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z" }),
    event_id: z.string(),
    meetings: z.array(MeetingSchema),
    left_out: z.array(LeftOut),
    total_priority: z.number(),
    upper_bound: z.number().openapi({ description: "A bound no plan could beat; total_priority / upper_bound is the plan's quality." }),
    created_at: z.string(),
  })
  .openapi("MeetingPlan");

export function partyRef(party: string, names: ReadonlyMap<string, string>): z.infer<typeof PartyRef> {
  return { kind: party.startsWith("tal_") ? "talent" : "organization", id: party, name: names.get(party) ?? null };
}

export function toMeeting(row: MeetingRow, slots: readonly MeetingSlot[], names: ReadonlyMap<string, string>): z.infer<typeof MeetingSchema> {
  return MeetingSchema.parse({
    id: row.id,
    event_id: row.eventId,
    plan_id: row.planId,
    starts_at: row.slot,
    ends_at: slotEnd(slots, row.slot),
    table: row.tableName,
    a: partyRef(row.partyA, names),
    b: partyRef(row.partyB, names),
    mutual: row.mutual,
    score: row.score,
    priority: row.priority,
  });
}
