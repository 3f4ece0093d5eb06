import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { organizations, tenants } from "./tenancy.ts";

export const DEMAND_STATUSES = ["open", "closed"] as const;
export type DemandStatus = (typeof DEMAND_STATUSES)[number];

/** A region's yearly demand catalog (人才需求目录). */
export const catalogs = sqliteTable(
  "catalogs",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    year: integer("year").notNull(),
    industryChains: text("industry_chains", { mode: "json" }).$type<string[]>().notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("catalogs_tenant_id_idx").on(t.tenantId, t.id), uniqueIndex("catalogs_tenant_name_uq").on(t.tenantId, t.name)],
);

/**
 * A talent demand: one catalog line, or a demand posted on its own. `importKey` identifies a
 * catalog line across re-imports (`ext:<external id>` or `nat:<employer>|<title>|<city>`), and
 * `contentHash` tells an unchanged line from an updated one.
 */
export const demands = sqliteTable(
  "demands",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    catalogId: text("catalog_id").references(() => catalogs.id, { onDelete: "set null" }),
    externalId: text("external_id"),
    importKey: text("import_key"),
    contentHash: text("content_hash").notNull(),
    title: text("title").notNull(),
    description: text("description"),
    industryCode: text("industry_code"),
    occupationCode: text("occupation_code"),
    industryChain: text("industry_chain"),
    city: text("city"),
    headcount: integer("headcount"),
    filled: integer("filled").notNull().default(0),
    minEducation: text("min_education"),
    minTitle: text("min_title"),
    minSkillLevel: text("min_skill_level"),
    minExperienceYears: integer("min_experience_years"),
    major: text("major"),
    requiredSkills: text("required_skills", { mode: "json" }).$type<string[]>().notNull(),
    preferredSkills: text("preferred_skills", { mode: "json" }).$type<string[]>().notNull(),
    modes: text("modes", { mode: "json" }).$type<string[]>().notNull(),
    salaryMin: integer("salary_min"),
    salaryMax: integer("salary_max"),
    benefits: text("benefits", { mode: "json" }).$type<string[]>().notNull(),
    urgency: integer("urgency"),
    categoryLevel: integer("category_level"),
    validUntil: text("valid_until"),
    /** Names an import could not resolve to a code, kept as written: `{ industry: "…", occupation: "…" }`. */
    unresolvedNames: text("unresolved_names", { mode: "json" }).$type<Record<string, string[]>>(),
    status: text("status", { enum: DEMAND_STATUSES }).notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    index("demands_tenant_id_idx").on(t.tenantId, t.id),
    index("demands_tenant_org_idx").on(t.tenantId, t.organizationId, t.id),
    index("demands_catalog_idx").on(t.catalogId, t.id),
    uniqueIndex("demands_catalog_import_key_uq")
      .on(t.catalogId, t.importKey)
      .where(sql`catalog_id IS NOT NULL AND import_key IS NOT NULL`),
  ],
);

export const IMPORT_STATUSES = ["running", "completed", "interrupted", "failed"] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** A rejected or doubtful cell as stored in an import's record. */
export interface StoredImportIssue {
  row: number;
  column: string;
  value: string;
  reason_zh: string;
  reason_en: string;
  suggestions?: { code: string; name: string }[];
  /** Older records carry one combined reason. */
  reason?: string;
}

/** One run of a file import: what came in and what it did, row by row. */
export const imports = sqliteTable(
  "imports",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["demands", "talents"] }).notNull(),
    catalogId: text("catalog_id"),
    format: text("format").notNull(),
    fileSha256: text("file_sha256").notNull(),
    dryRun: integer("dry_run", { mode: "boolean" }).notNull(),
    rowsTotal: integer("rows_total").notNull(),
    created: integer("created").notNull(),
    updated: integer("updated").notNull(),
    unchanged: integer("unchanged").notNull(),
    rejected: integer("rejected").notNull(),
    rejections: text("rejections", { mode: "json" }).$type<StoredImportIssue[]>().notNull(),
    /** running → completed | failed; a process that died mid-import leaves it running until a restart or the sweep marks it interrupted. */
    status: text("status", { enum: IMPORT_STATUSES }).notNull().default("completed"),
    /** Rows of the file settled so far (committed, unchanged or rejected). */
    rowsDone: integer("rows_done").notNull().default(0),
    warnings: text("warnings", { mode: "json" }).$type<StoredImportIssue[]>().notNull().default([]),
    organizationsCreated: integer("organizations_created").notNull().default(0),
    unknownColumns: text("unknown_columns", { mode: "json" }).$type<string[]>().notNull().default([]),
    /** The request's Idempotency-Key, released when the import is found interrupted so a re-run is not refused. */
    idempotencyKey: text("idempotency_key"),
    /** When personal values in the report were blanked (30 days on, or the talent's erasure). */
    redactedAt: text("redacted_at"),
    updatedAt: text("updated_at"),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("imports_tenant_id_idx").on(t.tenantId, t.id), index("imports_status_idx").on(t.status, t.updatedAt)],
);
