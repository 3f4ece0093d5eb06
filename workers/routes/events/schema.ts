import { z } from "@hono/zod-openapi";
import { EVENT_STATUSES, SIGNUP_ROLES, type SignupRole } from "../../../schema/tables/roadshows.ts";
import type { EventRow, RoleSeats } from "../../data/roadshows.ts";
import { cityCode } from "../codes.ts";
import { listOf } from "../shared.ts";

const instant = z.iso.datetime({ message: "must be an ISO 8601 UTC time like 2026-07-18T01:00:00Z" }).transform((v) => new Date(v).toISOString());

const Session = z.strictObject({ title: z.string().trim().min(1).max(200), starts_at: instant, ends_at: instant });

const Capacity = z
  .strictObject(Object.fromEntries(SIGNUP_ROLES.map((r) => [r, z.number().int().min(0).max(100_000).optional()])) as Record<SignupRole, z.ZodOptional<z.ZodNumber>>)
  .openapi({ description: "Seats per role; a role left out cannot sign up.", example: { talent: 100, team: 20, enterprise: 30, investor: 10 } });

const writable = {
  theme: z.string().trim().max(200).nullable().openapi({ example: "寻找城市合伙人·新能源专场" }),
  city: cityCode.nullable().openapi({ example: "1506" }),
  venue: z.string().trim().max(200).nullable(),
  starts_at: instant,
  ends_at: instant,
  signup_opens_at: instant.nullable().openapi({ description: "Null: open as soon as published." }),
  signup_closes_at: instant.nullable().openapi({ description: "Null: open until the event starts." }),
  requires_approval: z.boolean().openapi({ description: "Signups wait as `pending` until an organizer approves them." }),
  status: z.enum(EVENT_STATUSES).openapi({ description: "Only `published` events take signups; drafts are hidden from talents and enterprises." }),
  sessions: z.array(Session).max(50),
  meeting_slots: z
    .array(instant)
    .max(200)
    .refine((v) => new Set(v).size === v.length, "must not repeat a slot")
    .openapi({ description: "Start times of the 1:1 negotiation slots.", example: ["2026-07-18T06:00:00.000Z", "2026-07-18T06:20:00.000Z"] }),
  meeting_minutes: z.number().int().min(5).max(240),
  tables: z
    .array(z.string().trim().min(1).max(50))
    .max(500)
    .refine((v) => new Set(v).size === v.length, "must not repeat a table")
    .openapi({ description: "Negotiation tables.", example: ["A1", "A2", "A3"] }),
  capacity: Capacity,
};

type Times = { starts_at?: string; ends_at?: string; signup_opens_at?: string | null; signup_closes_at?: string | null };
const ordered = (v: Times) => !v.starts_at || !v.ends_at || v.starts_at < v.ends_at;
const windowOrdered = (v: Times) => !v.signup_opens_at || !v.signup_closes_at || v.signup_opens_at < v.signup_closes_at;

export const CreateEventBody = z
  .strictObject({
    title: z.string().trim().min(1).max(200).openapi({ example: "2026年第三季度“寻找城市合伙人”路演" }),
    ...writable,
    theme: writable.theme.optional(),
    city: writable.city.optional(),
    venue: writable.venue.optional(),
    signup_opens_at: writable.signup_opens_at.optional(),
    signup_closes_at: writable.signup_closes_at.optional(),
    requires_approval: writable.requires_approval.default(false),
    status: writable.status.default("published"),
    sessions: writable.sessions.default([]),
    meeting_slots: writable.meeting_slots.default([]),
    meeting_minutes: writable.meeting_minutes.default(20),
    tables: writable.tables.default([]),
  })
  .refine(ordered, { message: "must be after starts_at", path: ["ends_at"] })
  .refine(windowOrdered, { message: "must be after signup_opens_at", path: ["signup_closes_at"] })
  .openapi("CreateEvent");

export const UpdateEventBody = z
  .strictObject({
    title: z.string().trim().min(1).max(200).optional(),
    ...Object.fromEntries(Object.entries(writable).map(([k, v]) => [k, v.optional()])),
  } as { title: z.ZodOptional<z.ZodString> } & { [K in keyof typeof writable]: z.ZodOptional<(typeof writable)[K]> })
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
    title: z.string(),
    theme: z.string().nullable(),
    city: z.string().nullable(),
    venue: z.string().nullable(),
    starts_at: z.string(),
    ends_at: z.string(),
    signup_opens_at: z.string().nullable(),
    signup_closes_at: z.string().nullable(),
    requires_approval: z.boolean(),
    status: z.enum(EVENT_STATUSES),
    sessions: z.array(z.object({ title: z.string(), starts_at: z.string(), ends_at: z.string() })),
    meeting_slots: z.array(z.string()),
    meeting_minutes: z.number().int(),
    tables: z.array(z.string()),
    capacity: z.partialRecord(z.enum(SIGNUP_ROLES), Seats).openapi({ description: "Per role: seats, confirmed, waiting." }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("Event");

export const EventListSchema = listOf(EventSchema, "EventList");

export function toEvent(row: EventRow, seats: readonly RoleSeats[]): z.infer<typeof EventSchema> {
  return EventSchema.parse({
    id: row.id,
    organizer_id: row.organizerId,
    title: row.title,
    theme: row.theme,
    city: row.city,
    venue: row.venue,
    starts_at: row.startsAt,
    ends_at: row.endsAt,
    signup_opens_at: row.signupOpensAt,
    signup_closes_at: row.signupClosesAt,
    requires_approval: row.requiresApproval,
    status: row.status,
    sessions: row.sessions,
    meeting_slots: row.meetingSlots,
    meeting_minutes: row.meetingMinutes,
    tables: row.tables,
    capacity: Object.fromEntries(seats.map((s) => [s.role, { capacity: s.capacity, confirmed: s.confirmed, waitlisted: s.waitlisted }])),
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  });
}

/** Applies a body onto a row: absent fields keep their value, null clears. Capacity is written separately. */
export function applyEventInput(row: EventRow, input: UpdateEventInput): EventRow {
  const next: EventRow = { ...row };
  const set = <K extends keyof EventRow>(key: K, value: EventRow[K] | undefined): void => {
    if (value !== undefined) next[key] = value;
  };
  set("title", input.title);
  set("theme", input.theme);
  set("city", input.city);
  set("venue", input.venue);
  set("startsAt", input.starts_at);
  set("endsAt", input.ends_at);
  set("signupOpensAt", input.signup_opens_at);
  set("signupClosesAt", input.signup_closes_at);
  set("requiresApproval", input.requires_approval);
  set("status", input.status);
  set("sessions", input.sessions);
  set("meetingSlots", input.meeting_slots ? [...input.meeting_slots].sort() : undefined);
  set("meetingMinutes", input.meeting_minutes);
  set("tables", input.tables);
  return next;
}
