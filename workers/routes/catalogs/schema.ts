import { z } from "@hono/zod-openapi";
import type { CatalogCounts, CatalogRow } from "../../data/catalogs.ts";
import { listOf } from "../shared.ts";

export const CreateCatalogBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200).openapi({ example: "2026年鄂尔多斯市重点产业人才需求目录" }),
    year: z.number().int().min(2000).max(2100).openapi({ example: 2026 }),
    industry_chains: z.array(z.string().trim().min(1).max(50)).max(50).default([]).openapi({ example: ["煤化工", "新能源", "新材料"] }),
  })
  .openapi("CreateCatalog");

export const CatalogSchema = z
  .object({
    id: z.string().openapi({ example: "cat_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z" }),
    name: z.string(),
    year: z.number().int(),
    industry_chains: z.array(z.string()),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("Catalog");

export const CatalogWithCountsSchema = CatalogSchema.extend({
  counts: z.object({
    demands: z.number().int().openapi({ description: "Lines in the catalog." }),
    open: z.number().int(),
    headcount: z.number().int().openapi({ description: "Seats across all lines." }),
    by_chain: z.array(z.object({ industry_chain: z.string().nullable(), demands: z.number().int(), headcount: z.number().int() })),
  }),
}).openapi("CatalogWithCounts");

export const CatalogListSchema = listOf(CatalogSchema, "CatalogList");

export function toCatalog(row: CatalogRow): z.infer<typeof CatalogSchema> {
  return CatalogSchema.parse({
    id: row.id,
    name: row.name,
    year: row.year,
    industry_chains: row.industryChains,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  });
}

export function toCatalogWithCounts(row: CatalogRow, counts: CatalogCounts): z.infer<typeof CatalogWithCountsSchema> {
  return {
    ...toCatalog(row),
    counts: {
      demands: counts.demands,
      open: counts.open,
      headcount: counts.headcount,
      by_chain: counts.byChain.map((c) => ({ industry_chain: c.chain, demands: c.demands, headcount: c.headcount })),
    },
  };
}
