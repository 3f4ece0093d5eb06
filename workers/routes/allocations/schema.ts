import { z } from "@hono/zod-openapi";
import { ALLOCATION_STATUSES, type allocations } from "../../../schema/tables/allocations.ts";
import type { DemandLabel } from "../../data/names.ts";
import type { ExportTable } from "../../exports/index.ts";

export type AllocationRow = typeof allocations.$inferSelect;

export const AllocationSchema = z
  .object({
    id: z.string().openapi({ example: "alc_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z" }),
    catalog_id: z.string(),
    status: z.enum(ALLOCATION_STATUSES).openapi({ description: "running until the job finishes; then done or failed." }),
    list_length: z.number().int(),
    counts: z
      .object({ demands: z.number().int(), talents: z.number().int(), seats: z.number().int(), assigned: z.number().int() })
      .nullable(),
    assignments: z.array(
      z.object({
        demand_id: z.string(),
        demand_title: z.string().nullable().openapi({ description: "The position, as the catalog names it; null once the demand is deleted.", example: "煤气化工艺工程师" }),
        employer_id: z.string().nullable(),
        employer_name: z.string().nullable().openapi({ example: "鄂尔多斯市梧桐能源化工有限公司" }),
        talent_id: z.string(),
        talent_name: z.string().nullable().openapi({ description: "Null once the talent's profile is erased.", example: "李明" }),
        score: z.number(),
        enterprise_fit: z.number(),
        talent_fit: z.number(),
        demand_rank: z.number().int().openapi({ description: "Where the line ranked this talent (1 = first choice)." }),
        talent_rank: z.number().int().openapi({ description: "Where the talent ranked this line." }),
        reason_zh: z.string(),
        reason_en: z.string(),
      }),
    ),
    unfilled: z.array(
      z.object({
        demand_id: z.string(),
        demand_title: z.string().nullable(),
        employer_name: z.string().nullable(),
        open_seats: z.number().int(),
        reason: z.string(),
      }),
    ),
    unmatched_talents: z.array(z.object({ talent_id: z.string(), talent_name: z.string().nullable(), reason: z.string() })),
    error: z.string().nullable(),
    created_at: z.string(),
    finished_at: z.string().nullable(),
  })
  .openapi("Allocation");

export const CreateAllocationBody = z
  .strictObject({
    list_length: z.number().int().min(5).max(200).default(50).openapi({ description: "Preference lists are truncated to this many entries per side." }),
  })
  .openapi("CreateAllocation");

/** Names beside the ids of an allocation: demand titles with their employers, and talent names. */
export interface AllocationNames {
  demands: Map<string, DemandLabel>;
  talents: Map<string, string>;
}

const NO_NAMES: AllocationNames = { demands: new Map(), talents: new Map() };

/** The ids of an allocation's result whose names the wire form carries. */
export function allocationIds(row: AllocationRow): { demandIds: string[]; talentIds: string[] } {
  const r = row.result;
  return {
    demandIds: [...(r?.assignments ?? []).map((a) => a.demandId), ...(r?.unfilled ?? []).map((u) => u.demandId)],
    talentIds: [...(r?.assignments ?? []).map((a) => a.talentId), ...(r?.unmatched ?? []).map((u) => u.talentId)],
  };
}

export function toAllocation(row: AllocationRow, names: AllocationNames = NO_NAMES): z.infer<typeof AllocationSchema> {
  const r = row.result;
  return {
    id: row.id,
    catalog_id: row.catalogId,
    status: row.status,
    list_length: row.listLength,
    counts:
      row.status === "done"
        ? { demands: row.demandsConsidered ?? 0, talents: row.talentsConsidered ?? 0, seats: row.seats ?? 0, assigned: row.assigned ?? 0 }
        : null,
    assignments: (r?.assignments ?? []).map((a) => ({
      demand_id: a.demandId,
      demand_title: names.demands.get(a.demandId)?.title ?? null,
      employer_id: names.demands.get(a.demandId)?.organizationId ?? null,
      employer_name: names.demands.get(a.demandId)?.employerName ?? null,
      talent_id: a.talentId,
      talent_name: names.talents.get(a.talentId) ?? null,
      score: a.score,
      enterprise_fit: a.enterpriseFit,
      talent_fit: a.talentFit,
      demand_rank: a.demandRank,
      talent_rank: a.talentRank,
      reason_zh: a.reasonZh,
      reason_en: a.reasonEn,
    })),
    unfilled: (r?.unfilled ?? []).map((u) => ({
      demand_id: u.demandId,
      demand_title: names.demands.get(u.demandId)?.title ?? null,
      employer_name: names.demands.get(u.demandId)?.employerName ?? null,
      open_seats: u.open,
      reason: u.reason,
    })),
    unmatched_talents: (r?.unmatched ?? []).map((u) => ({ talent_id: u.talentId, talent_name: names.talents.get(u.talentId) ?? null, reason: u.reason })),
    error: row.error,
    created_at: row.createdAt,
    finished_at: row.finishedAt,
  };
}

/** The assignments as a table with Chinese headers: who goes where, named as a person prints it. */
export function allocationTable(row: AllocationRow, names: AllocationNames): ExportTable {
  const columns = ["单位名称", "岗位编号", "岗位名称", "人才编号", "人才姓名", "匹配度", "单位侧契合度", "人才侧契合度", "岗位对人才排序", "人才对岗位排序", "匹配理由"];
  const rows = (row.result?.assignments ?? []).map((a) => {
    const demand = names.demands.get(a.demandId);
    return [demand?.employerName, a.demandId, demand?.title, a.talentId, names.talents.get(a.talentId), a.score, a.enterpriseFit, a.talentFit, a.demandRank, a.talentRank, a.reasonZh];
  });
  return { sheet: "人岗分配结果", columns, rows };
}
