import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const INTRODUCTION_STATUSES = ["requested", "accepted", "declined", "withdrawn"] as const;
export type IntroductionStatus = (typeof INTRODUCTION_STATUSES)[number];
export const INTRODUCTION_OUTCOMES = ["interviewed", "hired", "signed", "not_pursued"] as const;
export type IntroductionOutcome = (typeof INTRODUCTION_OUTCOMES)[number];

/**
 * Double opt-in introductions: an enterprise asks, the talent accepts (consenting to share contact
 * details with that enterprise) or declines, and may withdraw consent later. One per demand and
 * talent. This is the pipeline the statistics count.
 */
export const introductions = sqliteTable(
  "introductions",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    demandId: text("demand_id").notNull(),
    talentId: text("talent_id").notNull(),
    organizationId: text("organization_id").notNull(),
    requestedBy: text("requested_by").notNull(),
    message: text("message"),
    score: real("score"),
    status: text("status", { enum: INTRODUCTION_STATUSES }).notNull(),
    outcome: text("outcome", { enum: INTRODUCTION_OUTCOMES }),
    outcomeNote: text("outcome_note"),
    respondedAt: text("responded_at"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("introductions_demand_talent_uq").on(t.demandId, t.talentId),
    index("introductions_tenant_id_idx").on(t.tenantId, t.id),
    index("introductions_talent_idx").on(t.talentId, t.status),
    index("introductions_org_idx").on(t.organizationId, t.status),
  ],
);

/** Every time a talent's contact details were shown in clear to an enterprise: who, when, under which introduction. */
export const contactReveals = sqliteTable(
  "contact_reveals",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    talentId: text("talent_id").notNull(),
    organizationId: text("organization_id").notNull(),
    introductionId: text("introduction_id").notNull(),
    viewerKeyId: text("viewer_key_id").notNull(),
    requestId: text("request_id"),
    at: text("at").notNull(),
  },
  (t) => [index("contact_reveals_talent_idx").on(t.talentId, t.at)],
);

export const SUGGESTION_STATUSES = ["suggested", "dismissed", "introduced"] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/**
 * Matches the platform found by itself when a demand or a talent changed, above the tenant's
 * threshold. One per pair: recomputing never duplicates.
 */
export const suggestions = sqliteTable(
  "suggestions",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    demandId: text("demand_id").notNull(),
    talentId: text("talent_id").notNull(),
    organizationId: text("organization_id").notNull(),
    score: real("score").notNull(),
    status: text("status", { enum: SUGGESTION_STATUSES }).notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("suggestions_demand_talent_uq").on(t.demandId, t.talentId),
    index("suggestions_tenant_demand_idx").on(t.tenantId, t.demandId, t.score),
    index("suggestions_tenant_talent_idx").on(t.tenantId, t.talentId, t.score),
  ],
);

/** Per-tenant settings: the suggestion threshold, overrides of the matching weights, the language of messages. */
export const tenantSettings = sqliteTable("tenant_settings", {
  tenantId: text("tenant_id").primaryKey(),
  suggestionThreshold: integer("suggestion_threshold").notNull().default(70),
  weights: text("weights", { mode: "json" }).$type<Record<string, unknown>>(),
  /** `zh-CN` or `en`: the language of problems when a request sends no Accept-Language. */
  locale: text("locale", { enum: ["zh-CN", "en"] }).notNull().default("en"),
  updatedAt: text("updated_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});
