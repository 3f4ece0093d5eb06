import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { organizations, tenants } from "../tenancy.ts";

/** draft → open (takes signups and projects) → closed (signups closed) → held (it took place) → reported. */
export const EVENT_STATUSES = ["draft", "open", "closed", "held", "reported"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** Who takes a seat: a talent or a team lead (talent profile), an enterprise or an investor (organization). */
export const SIGNUP_ROLES = ["talent", "team", "enterprise", "investor"] as const;
export type SignupRole = (typeof SIGNUP_ROLES)[number];

export const SIGNUP_STATUSES = ["pending", "confirmed", "waitlisted", "rejected", "cancelled"] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];

/**
 * submitted → selected → pitched → negotiating → signed | not_signed. Two more ends: `rejected`
 * (an organizer did not select it) and `withdrawn` (its owner took it back).
 */
export const PROJECT_STATUSES = ["submitted", "selected", "pitched", "negotiating", "signed", "not_signed", "rejected", "withdrawn"] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** One earlier event a project took part in before it was carried over, and the status it reached there. */
export interface ProjectHistoryEntry {
  event_id: string;
  status: ProjectStatus;
  at: string;
}

/** A 1:1 negotiation slot. */
export interface MeetingSlot {
  starts_at: string;
  ends_at: string;
}

export const QUESTION_KINDS = ["text", "choice", "multi", "number", "date"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** A registration question an event asks every signup. */
export interface EventQuestion {
  id: string;
  label_zh: string;
  label_en?: string | undefined;
  kind: QuestionKind;
  required: boolean;
  options?: string[] | undefined;
}

/** A signup's answers by question id: text, choice and date as strings, number as a number, multi as a list. */
export type SignupAnswers = Record<string, string | number | string[]>;

export interface EventSession {
  title: string;
  starts_at: string;
  ends_at: string;
}

/** A roadshow (寻找城市合伙人): sessions, per-role capacity (in `event_capacity`), meeting slots and tables. */
export const events = sqliteTable(
  "events",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    /** The organizing organization: hears every event's webhooks. */
    organizerId: text("organizer_id").references(() => organizations.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    theme: text("theme"),
    city: text("city"),
    venue: text("venue"),
    startsAt: text("starts_at").notNull(),
    endsAt: text("ends_at").notNull(),
    signupOpensAt: text("signup_opens_at"),
    signupClosesAt: text("signup_closes_at"),
    requiresApproval: integer("requires_approval", { mode: "boolean" }).notNull(),
    status: text("status", { enum: EVENT_STATUSES }).notNull(),
    sessions: text("sessions", { mode: "json" }).$type<EventSession[]>().notNull(),
    /** Start instants of `slots`, in order: what the scheduler, availability and meetings key on. */
    meetingSlots: text("meeting_slots", { mode: "json" }).$type<string[]>().notNull(),
    /** Superseded by `slots` (each slot has its own end); kept as the first slot's length. */
    meetingMinutes: integer("meeting_minutes").notNull(),
    slots: text("slots", { mode: "json" }).$type<MeetingSlot[]>().notNull().default([]),
    tables: text("tables", { mode: "json" }).$type<string[]>().notNull(),
    questions: text("questions", { mode: "json" }).$type<EventQuestion[]>().notNull().default([]),
    /** Names the write that last moved the status, so a conditional transition can tell it won. */
    changeToken: text("change_token"),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("events_tenant_id_idx").on(t.tenantId, t.id), index("events_tenant_starts_idx").on(t.tenantId, t.startsAt)],
);

/**
 * One seat counter per (event, role). Seats are taken by a conditional `UPDATE … WHERE confirmed <
 * capacity` inside the signup's batch; `last_claim` names the signup that took the latest seat, so
 * the same batch can tell (in SQL) whether its own claim won. `waitlist_seq` hands out queue numbers.
 */
export const eventCapacity = sqliteTable(
  "event_capacity",
  {
    tenantId: text("tenant_id").notNull(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    role: text("role", { enum: SIGNUP_ROLES }).notNull(),
    capacity: integer("capacity").notNull(),
    confirmed: integer("confirmed").notNull().default(0),
    waitlistSeq: integer("waitlist_seq").notNull().default(0),
    lastClaim: text("last_claim"),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.role] })],
);

/** A seat request. Exactly one of `talent_id` / `organization_id` is set, by role. */
export const signups = sqliteTable(
  "signups",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    role: text("role", { enum: SIGNUP_ROLES }).notNull(),
    talentId: text("talent_id"),
    organizationId: text("organization_id"),
    status: text("status", { enum: SIGNUP_STATUSES }).notNull(),
    /** Queue ticket, set when waitlisted; the head of the queue has the lowest number. */
    queueNumber: integer("queue_number"),
    checkInCode: text("check_in_code").notNull(),
    availability: text("availability", { mode: "json" }).$type<string[] | null>(),
    note: text("note"),
    /** Marks the batch that last promoted this signup, so the batch can emit its event in SQL. */
    changeToken: text("change_token"),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    confirmedAt: text("confirmed_at"),
    cancelledAt: text("cancelled_at"),
    checkedInAt: text("checked_in_at"),
    /** Who came to the desk, for walk-in signups made by an organizer. */
    contactName: text("contact_name"),
    answers: text("answers", { mode: "json" }).$type<SignupAnswers | null>(),
  },
  (t) => [
    uniqueIndex("signups_event_talent_uq")
      .on(t.eventId, t.talentId)
      .where(sql`talent_id IS NOT NULL AND status <> 'cancelled'`),
    uniqueIndex("signups_event_org_uq")
      .on(t.eventId, t.organizationId)
      .where(sql`organization_id IS NOT NULL AND status <> 'cancelled'`),
    uniqueIndex("signups_event_code_uq").on(t.eventId, t.checkInCode),
    index("signups_event_queue_idx").on(t.eventId, t.role, t.status, t.queueNumber),
    index("signups_tenant_id_idx").on(t.tenantId, t.id),
    index("signups_talent_idx").on(t.talentId),
    index("signups_org_idx").on(t.organizationId),
  ],
);

/** A roadshow project (人才 + 项目): solicited, selected, pitched, signed. Owned by a talent or an organization. */
export const projects = sqliteTable(
  "projects",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    eventId: text("event_id").references(() => events.id, { onDelete: "set null" }),
    talentId: text("talent_id"),
    organizationId: text("organization_id"),
    title: text("title").notNull(),
    summary: text("summary"),
    industryCodes: text("industry_codes", { mode: "json" }).$type<string[]>().notNull(),
    skillsSought: text("skills_sought", { mode: "json" }).$type<string[]>().notNull(),
    city: text("city"),
    stage: text("stage"),
    modes: text("modes", { mode: "json" }).$type<string[]>().notNull(),
    fundingSought: integer("funding_sought"),
    status: text("status", { enum: PROJECT_STATUSES }).notNull(),
    signedAt: text("signed_at"),
    /** 签约意向金额, yuan. */
    intendedInvestment: integer("intended_investment"),
    /** The signing organization. */
    signedWith: text("signed_with"),
    /** Talent ids introduced by the signing (引进人才), and team leads' talent ids (引进团队). */
    talentsIntroduced: text("talents_introduced", { mode: "json" }).$type<string[]>().notNull().default([]),
    teamsIntroduced: text("teams_introduced", { mode: "json" }).$type<string[]>().notNull().default([]),
    /** Team members' talent ids and the lead (a member, or the owning talent). */
    team: text("team", { mode: "json" }).$type<string[]>().notNull().default([]),
    leadTalentId: text("lead_talent_id"),
    /** 产业链, e.g. 煤化工: the report's breakdown. */
    industryChain: text("industry_chain"),
    /** Earlier events, oldest first, with the status reached there (carry-over). */
    history: text("history", { mode: "json" }).$type<ProjectHistoryEntry[]>().notNull().default([]),
    /** Names the write that last moved the status, so a conditional transition can tell it won. */
    changeToken: text("change_token"),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("projects_tenant_id_idx").on(t.tenantId, t.id), index("projects_event_idx").on(t.eventId, t.status)],
);

/** "I would like to meet them" at an event; a pair requested both ways is mutual. Parties are talent or organization ids. */
export const meetingRequests = sqliteTable(
  "meeting_requests",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    fromKind: text("from_kind").notNull(),
    fromId: text("from_id").notNull(),
    toKind: text("to_kind").notNull(),
    toId: text("to_id").notNull(),
    fromParty: text("from_party").notNull(),
    toParty: text("to_party").notNull(),
    priority: integer("priority").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("meeting_requests_pair_uq").on(t.eventId, t.fromParty, t.toParty)],
);

/** The event's current meeting plan (one per event; a new plan replaces it). */
export const meetingPlans = sqliteTable(
  "meeting_plans",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    totalPriority: real("total_priority").notNull(),
    upperBound: real("upper_bound").notNull(),
    leftOut: text("left_out", { mode: "json" }).$type<{ a: string; b: string; reason: string; priority: number }[]>().notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("meeting_plans_event_uq").on(t.eventId)],
);

/** A scheduled 1:1 (洽谈): two parties, a slot, a table. */
export const meetings = sqliteTable(
  "meetings",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    planId: text("plan_id").notNull(),
    partyA: text("party_a").notNull(),
    partyB: text("party_b").notNull(),
    slot: text("slot").notNull(),
    tableName: text("table_name").notNull(),
    priority: real("priority").notNull(),
    mutual: integer("mutual", { mode: "boolean" }).notNull(),
    score: real("score"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    index("meetings_event_slot_idx").on(t.eventId, t.slot, t.tableName),
    index("meetings_event_a_idx").on(t.eventId, t.partyA),
    index("meetings_event_b_idx").on(t.eventId, t.partyB),
  ],
);
