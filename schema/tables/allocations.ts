import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const ALLOCATION_STATUSES = ["running", "done", "failed"] as const;

export interface StoredAllocation {
  assignments: { demandId: string; talentId: string; score: number; enterpriseFit: number; talentFit: number; demandRank: number; talentRank: number; reasonZh: string; reasonEn: string }[];
  unfilled: { demandId: string; open: number; reason: string }[];
  unmatched: { talentId: string; reason: string }[];
}

/** A stable allocation of a catalog's open demands to the tenant's talents, computed off the request path. */
export const allocations = sqliteTable(
  "allocations",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    catalogId: text("catalog_id").notNull(),
    status: text("status", { enum: ALLOCATION_STATUSES }).notNull(),
    listLength: integer("list_length").notNull(),
    demandsConsidered: integer("demands_considered"),
    talentsConsidered: integer("talents_considered"),
    seats: integer("seats"),
    assigned: integer("assigned"),
    result: text("result", { mode: "json" }).$type<StoredAllocation>(),
    error: text("error"),
    requestedBy: text("requested_by").notNull(),
    createdAt: text("created_at").notNull(),
    finishedAt: text("finished_at"),
  },
  (t) => [index("allocations_tenant_catalog_idx").on(t.tenantId, t.catalogId, t.id)],
);
