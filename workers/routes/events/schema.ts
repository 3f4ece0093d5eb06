import { z } from "@hono/zod-openapi";
import { EVENT_STATUSES, QUESTION_KINDS, SIGNUP_ROLES, type SignupRole } from "../../../schema/tables/roadshows.ts";
import type { EventRow, RoleSeats } from "../../data/roadshows.ts";
import { sortSlots } from "../../roadshows/slots.ts";
import { type CodeContext, CodeResolver, placeField, placeName } from "../codes.ts";
import { listOf } from "../shared.ts";

const instant = z.iso.datetime({ message: "must be an ISO 8601 UTC time like 2026-07-18T01:00:00Z" }).transform((v) => new Date(v).toISOString());

const Session = z.strictObject({ title: z.string().trim().min(1).max(200), starts_at: instant, ends_at: instant });

const Slot = z.strictObject({ starts_at: instant, ends_at: instant });

const Capacity = z
  .strictObject(Object.fromEntries(SIGNUP_ROLES.map((r) => [r, z.number().int().min(0).max(100_000).optional()])) as Record<SignupRole, z.ZodOptional<z.ZodNumber>>)
  .openapi({ description: "Seats per role; a role left out cannot sign up.", example: { talent: 100, team: 20, enterprise: 30, investor: 10 } });

const Question = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, "must be 1–40 lowercase letters, digits or '_', starting with a letter")
      .openapi({ description: "Names the answer in a signup's `answers`.", example: "team_size" }),
    label_zh: z.string().trim().min(1).max(200).openapi({ example: "团队人数" }),
    label_en: z.string().trim().min(1).max(200).optional().openapi({ example: "Team size" }),
    kind: z.enum(QUESTION_KINDS).openapi({ description: "`text`, `choice` (one option), `multi` (several options), `number`, `date` (YYYY-MM-DD)." }),
    required: z.boolean().default(false),
    options: z.array(z.string().trim().min(1).max(100)).min(1).max(50).optional().openapi({ description: "The choices, for `choice` and `multi` only." }),
  })
  .superRefine((q, ctx) => {
    const takesOptions = q.kind === "choice" || q.kind === "multi";
    if (takesOptions && !q.options) ctx.addIssue({ code: "custom", path: ["options"], message: `is required for kind '${q.kind}'` });
    if (!takesOptions && q.options) ctx.addIssue({ code: "custom", path: ["options"], message: `is only allowed for kinds choice and multi` });
    if (q.options && new Set(q.options).size !== q.options.length) ctx.addIssue({ code: "custom", path: ["options"], message: "must not repeat an option" });
  });

const writable = {
  name: z.string().trim().min(1).max(200).openapi({ example: "2026年第三季度“寻找城市合伙人”路演" }),
  theme: z.string().trim().max(200).nullable().openapi({ example: "寻找城市合伙人·新能源专场" }),
  venue: z.string().trim().max(200).nullable().openapi({ example: "康巴什会展中心" }),
  city_code: placeField.nullable().openapi({ description: "Where it takes place: a GB/T 2260 code at any level or a place name (康巴什区).", example: "1506" }),
  starts_at: instant,
  ends_at: instant,
  signup_opens_at: instant.nullable().openapi({ description: "Null: open as soon as the event is open." }),
  signup_closes_at: instant.nullable().openapi({ description: "Null: open until the event starts." }),
  capacity: Capacity,
  approval_required: z.boolean().openapi({ description: "Signups wait as `pending` until an organizer approves them." }),
  meeting_slots: z
    .array(Slot)
    .max(200)
    .openapi({
      description: "The 1:1 negotiation slots: within the event, not overlapping.",
      example: [
        { starts_at: "2026-07-18T06:00:00Z", ends_at: "2026-07-18T06:20:00Z" },
        { starts_at: "2026-07-18T06:20:00Z", ends_at: "2026-07-18T06:40:00Z" },
      ],
    }),
  tables: z
    .array(z.string().trim().min(1).max(50))
    .max(500)
    .refine((v) => new Set(v).size === v.length, "must not repeat a table")
    .openapi({ description: "Negotiation tables.", example: ["A1", "A2", "A3"] }),
  sessions: z.array(Session).max(50).openapi({ description: "Programme items (路演, 洽谈, …), optional." }),
  questions: z
    .array(Question)
    .max(50)
    .refine((v) => new Set(v.map((q) => q.id)).size === v.length, "must not repeat a question id")
    .openapi({
      description: "Registration questions every signup answers in `answers` (checked against kind, options and `required`).",
      example: [
        { id: "team_size", label_zh: "团队人数", label_en: "Team size", kind: "number", required: true },
        { id: "track", label_zh: "参与方向", kind: "choice", required: false, options: ["新能源", "新材料"] },
      ],
    }),
};

type Times = { starts_at?: string | undefined; ends_at?: string | undefined; signup_opens_at?: string | null | undefined; signup_closes_at?: string | null | undefined };
const ordered = (v: Times) => !v.starts_at || !v.ends_at || v.starts_at < v.ends_at;
const windowOrdered = (v: Times) => !v.signup_opens_at || !v.signup_closes_at || v.signup_opens_at < v.signup_closes_at;

export const CreateEventBody = z
  .strictObject({
    ...writable,
    theme: writable.theme.optional(),
    venue: writable.venue.optional(),
    city_code: writable.city_code.optional(),
    signup_opens_at: writable.signup_opens_at.optional(),
    signup_closes_at: writable.signup_closes_at.optional(),
    approval_required: writable.approval_required.default(false),
    meeting_slots: writable.meeting_slots.default([]),
    tables: writable.tables.default([]),
    sessions: writable.sessions.default([]),
    questions: writable.questions.default([]),
    status: z.enum(["draft", "open"]).default("draft").openapi({ description: "Events start as `draft`; `open` publishes at once." }),
  })
  .refine(ordered, { message: "must be after starts_at", path: ["ends_at"] })
  .refine(windowOrdered, { message: "must be after signup_opens_at", path: ["signup_closes_at"] })
  .openapi("CreateEvent");

export const UpdateEventBody = z
  .strictObject({
    ...(Object.fromEntries(Object.entries(writable).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof writable]: z.ZodOptional<(typeof writable)[K]> }),
    status: z.enum(EVENT_STATUSES).optional().openapi({ description: "One step along draft → open → closed → held → reported; anything else is a 409." }),
  })
  .refine(ordered, { message: "must be after starts_at", path: ["ends_at"] })
  .refine(windowOrdered, { message: "must be after signup_opens_at", path: ["signup_closes_at"] })
  .openapi("UpdateEvent");

export type CreateEventInput = z.infer<typeof CreateEventBody>;
export type UpdateEventInput = z.infer<typeof UpdateEventBody>;

const Seats = z.object({ capacity: z.number().int(), confirmed: z.number().int(), waitlisted: z.number().int() });

export const EventSchema = z
  .object({
    id: z.string().openapi({ example: "evt_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z" }),
    organizer_id: z.string().nullable(),
    name: z.string(),
    theme: z.string().nullable(),
    venue: z.string().nullable(),
    city_code: z.string().nullable(),
    city_name: z.string().nullable().openapi({ description: "The name of `city_code`.", example: "鄂尔多斯市" }),
    starts_at: z.string(),
    ends_at: z.string(),
    signup_opens_at: z.string().nullable(),
    signup_closes_at: z.string().nullable(),
    capacity: z.partialRecord(z.enum(SIGNUP_ROLES), Seats).openapi({ description: "Per role: seats, confirmed, waiting." }),
    approval_required: z.boolean(),
    meeting_slots: z.array(z.object({ starts_at: z.string(), ends_at: z.string() })),
    tables: z.array(z.string()),
    sessions: z.array(z.object({ title: z.string(), starts_at: z.string(), ends_at: z.string() })),
    questions: z.array(
      z.object({
        id: z.string(),
        label_zh: z.string(),
        label_en: z.string().optional(),
        kind: z.enum(QUESTION_KINDS),
        required: z.boolean(),
        options: z.array(z.string()).optional(),
      }),
    ),
    status: z.enum(EVENT_STATUSES),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("Event");

export const EventListSchema = listOf(EventSchema, "EventList");

export function toEvent(row: EventRow, seats: readonly RoleSeats[]): z.infer<typeof EventSchema> {
  return EventSchema.parse({
    id: row.id,
    organizer_id: row.organizerId,
    name: row.title,
    theme: row.theme,
    venue: row.venue,
    city_code: row.city,
    city_name: placeName(row.city),
    starts_at: row.startsAt,
    ends_at: row.endsAt,
    signup_opens_at: row.signupOpensAt,
    signup_closes_at: row.signupClosesAt,
    capacity: Object.fromEntries(seats.map((s) => [s.role, { capacity: s.capacity, confirmed: s.confirmed, waitlisted: s.waitlisted }])),
    approval_required: row.requiresApproval,
    meeting_slots: row.slots,
    tables: row.tables,
    sessions: row.sessions,
    questions: row.questions,
    status: row.status,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  });
}

/** The stored slot columns for a list of slots: sorted objects, their starts, and the legacy first length. */
export function slotColumns(slots: readonly { starts_at: string; ends_at: string }[]): Pick<EventRow, "slots" | "meetingSlots" | "meetingMinutes"> {
  const sorted = sortSlots(slots);
  const first = sorted[0];
  return {
    slots: sorted,
    meetingSlots: sorted.map((s) => s.starts_at),
    meetingMinutes: first ? Math.max(1, Math.round((Date.parse(first.ends_at) - Date.parse(first.starts_at)) / 60_000)) : 20,
  };
}

/** Applies a body onto a row: absent fields keep their value, null clears. Capacity and status are written separately. */
/** The body with `city_code` resolved from a code or a name; a name that does not resolve is a 422. */
export function resolveEventCodes<T extends { city_code?: string | null | undefined }>(ctx: CodeContext, body: T): T {
  if (body.city_code === undefined || body.city_code === null) return body;
  const r = new CodeResolver(ctx);
  const city = r.place("city_code", body.city_code);
  r.done();
  return { ...body, city_code: city };
}

export function applyEventInput(row: EventRow, input: UpdateEventInput): EventRow {
  const next: EventRow = { ...row };
  const set = <K extends keyof EventRow>(key: K, value: EventRow[K] | undefined): void => {
    if (value !== undefined) next[key] = value;
  };
  set("title", input.name);
  set("theme", input.theme);
  set("venue", input.venue);
  set("city", input.city_code);
  set("startsAt", input.starts_at);
  set("endsAt", input.ends_at);
  set("signupOpensAt", input.signup_opens_at);
  set("signupClosesAt", input.signup_closes_at);
  set("requiresApproval", input.approval_required);
  set("sessions", input.sessions);
  set("tables", input.tables);
  set("questions", input.questions);
  if (input.meeting_slots) Object.assign(next, slotColumns(input.meeting_slots));
  return next;
}
