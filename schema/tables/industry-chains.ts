import { sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/**
 * A tenant's industry chains (产业链: 煤化工, 新能源 …), each standing for a set of GB/T 4754-2017
 * codes, so a chain name in an 行业 or 所属产业链 cell resolves like an industry.
 */
export const industryChains = sqliteTable(
  "industry_chains",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    name: text("name").notNull(),
    industryCodes: text("industry_codes", { mode: "json" }).$type<string[]>().notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [uniqueIndex("industry_chains_tenant_name_idx").on(t.tenantId, t.name)],
);
