import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { tenants } from "./tenancy.ts";

/**
 * Talent profiles (人才). `phone` and `email` are personal information: they leave the database
 * only through the contact-visibility rules in the HTTP layer, and an erasure deletes the row.
 * Multi-valued fields are JSON arrays of codes or tags.
 */
export const talents = sqliteTable(
  "talents",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    externalId: text("external_id"),
    name: text("name").notNull(),
    phone: text("phone"),
    email: text("email"),
    education: text("education"),
    school: text("school"),
    major: text("major"),
    titleLevel: text("title_level"),
    skillLevel: text("skill_level"),
    experienceYears: integer("experience_years"),
    industries: text("industries", { mode: "json" }).$type<string[]>().notNull(),
    occupations: text("occupations", { mode: "json" }).$type<string[]>().notNull(),
    skills: text("skills", { mode: "json" }).$type<string[]>().notNull(),
    summary: text("summary"),
    city: text("city"),
    originCity: text("origin_city"),
    desiredCities: text("desired_cities", { mode: "json" }).$type<string[]>().notNull(),
    refusedCities: text("refused_cities", { mode: "json" }).$type<string[]>().notNull(),
    willingToRelocate: integer("willing_to_relocate", { mode: "boolean" }),
    modes: text("modes", { mode: "json" }).$type<string[]>().notNull(),
    salaryExpected: integer("salary_expected"),
    categoryLevel: integer("category_level"),
    honours: text("honours", { mode: "json" }).$type<string[]>().notNull(),
    availableFrom: text("available_from"),
    teamName: text("team_name"),
    teamSize: integer("team_size"),
    /** Names an import could not resolve to a code, kept as written: `{ industries: ["…"], city: ["…"] }`. */
    unresolvedNames: text("unresolved_names", { mode: "json" }).$type<Record<string, string[]>>(),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    index("talents_tenant_id_idx").on(t.tenantId, t.id),
    uniqueIndex("talents_tenant_external_uq")
      .on(t.tenantId, t.externalId)
      .where(sql`external_id IS NOT NULL`),
    uniqueIndex("talents_tenant_phone_uq")
      .on(t.tenantId, t.phone)
      .where(sql`phone IS NOT NULL`),
    index("talents_tenant_city_idx").on(t.tenantId, t.city),
  ],
);
