import { z } from "@hono/zod-openapi";
import { ALLOCATION_STATUSES, type allocations } from "../../../schema/tables/allocations.ts";

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
        talent_id: z.string(),
        score: z.number(),
        enterprise_fit: z.number(),
        talent_fit: z.number(),
        demand_rank: z.number().int().openapi({ description: "Where the line ranked this talent (1 = first choice)." }),
        talent_rank: z.number().int().openapi({ description: "Where the talent ranked this line." }),
        reason_zh: z.string(),
        reason_en: z.string(),
      }),
    ),
    unfilled: z.array(z.object({ demand_id: z.string(), open_seats: z.number().int(), reason: z.string() })),
    unmatched_talents: z.array(z.object({ talent_id: z.string(), reason: z.string() })),
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

export function toAllocation(row: AllocationRow): z.infer<typeof AllocationSchema> {
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
      talent_id: a.talentId,
      score: a.score,
      enterprise_fit: a.enterpriseFit,
      talent_fit: a.talentFit,
      demand_rank: a.demandRank,
      talent_rank: a.talentRank,
      reason_zh: a.reasonZh,
      reason_en: a.reasonEn,
    })),
    unfilled: (r?.unfilled ?? []).map((u) => ({ demand_id: u.demandId, open_seats: u.open, reason: u.reason })),
    unmatched_talents: (r?.unmatched ?? []).map((u) => ({ talent_id: u.talentId, reason: u.reason })),
    error: row.error,
    created_at: row.createdAt,
    finished_at: row.finishedAt,
  };
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The assignments as CSV with Chinese headers (UTF-8 with BOM, so Excel opens it correctly). */
export function allocationCsv(row: AllocationRow, titles: Map<string, string>, names: Map<string, string>): string {
  const header = ["岗位编号", "岗位名称", "人才编号", "人才姓名", "匹配度", "单位侧契合度", "人才侧契合度", "岗位对人才排序", "人才对岗位排序", "匹配理由"];
  const lines = [header.join(",")];
  for (const a of row.result?.assignments ?? []) {
    lines.push(
      [a.demandId, titles.get(a.demandId) ?? "", a.talentId, names.get(a.talentId) ?? "", a.score, a.enterpriseFit, a.talentFit, a.demandRank, a.talentRank, a.reasonZh]
        .map(csvCell)
        .join(","),
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
