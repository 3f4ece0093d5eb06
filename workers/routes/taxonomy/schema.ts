import { z } from "@hono/zod-openapi";
import type { Resolution, TaxonomyNode } from "../../taxonomy/types.ts";
import { INDUSTRY_LEVELS, OCCUPATION_LEVELS, REGION_LEVELS } from "../../taxonomy/types.ts";
import { listOf } from "../shared.ts";

const ALL_LEVELS = [...INDUSTRY_LEVELS, ...OCCUPATION_LEVELS, ...REGION_LEVELS] as const;

const PathSchema = z
  .array(z.object({ code: z.string(), name: z.string() }))
  .openapi({
    description: "Ancestors from the root down, the entry itself not included.",
    example: [{ code: "15", name: "内蒙古自治区" }],
  });

export const IndustrySchema = z
  .object({
    code: z.string().openapi({ example: "2614", description: "GB/T 4754-2017 code: a section letter A–T, or 2–4 digits." }),
    name: z.string().openapi({ example: "有机化学原料制造" }),
    level: z.enum(INDUSTRY_LEVELS).openapi({ example: "class" }),
    parent: z.string().nullable().openapi({ example: "261" }),
    section: z.string().openapi({ example: "C" }),
    path: PathSchema.openapi({
      example: [
        { code: "C", name: "制造业" },
        { code: "26", name: "化学原料和化学制品制造业" },
        { code: "261", name: "基础化学原料制造" },
      ],
    }),
  })
  .openapi("Industry");

export const OccupationSchema = z
  .object({
    code: z.string().openapi({ example: "2-02-09-04", description: "职业分类大典 2022 code." }),
    name: z.string().openapi({ example: "电子仪器与电子测量工程技术人员" }),
    level: z.enum(OCCUPATION_LEVELS).openapi({ example: "occupation" }),
    parent: z.string().nullable().openapi({ example: "2-02-09" }),
    aliases: z.array(z.string()).openapi({ description: "Job-board titles that mean this occupation.", example: ["硬件测试工程师"] }),
    path: PathSchema.openapi({
      example: [
        { code: "2", name: "专业技术人员" },
        { code: "2-02", name: "工程技术人员" },
        { code: "2-02-09", name: "电子工程技术人员" },
      ],
    }),
  })
  .openapi("Occupation");

export const RegionSchema = z
  .object({
    code: z.string().openapi({ example: "1506", description: "GB/T 2260 code: 2 digits (province), 4 (city), 6 (area)." }),
    name: z.string().openapi({ example: "鄂尔多斯市" }),
    level: z.enum(REGION_LEVELS).openapi({ example: "city" }),
    parent: z.string().nullable().openapi({ example: "15" }),
    path: PathSchema,
  })
  .openapi("Region");

export const IndustryListSchema = listOf(IndustrySchema, "IndustryList");
export const OccupationListSchema = listOf(OccupationSchema, "OccupationList");
export const RegionListSchema = listOf(RegionSchema, "RegionList");

export type IndustryResponse = z.infer<typeof IndustrySchema>;
export type OccupationResponse = z.infer<typeof OccupationSchema>;
export type RegionResponse = z.infer<typeof RegionSchema>;

function pathOf(node: TaxonomyNode): { code: string; name: string }[] {
  return node.path.map((p) => ({ code: p.code, name: p.name }));
}

/** Entry → wire. */
export function toIndustry(node: TaxonomyNode): IndustryResponse {
  return IndustrySchema.parse({ code: node.code, name: node.name, level: node.level, parent: node.parent, section: node.section, path: pathOf(node) });
}

/** Entry → wire; an occupation without aliases has `aliases: []`. */
export function toOccupation(node: TaxonomyNode): OccupationResponse {
  return OccupationSchema.parse({
    code: node.code,
    name: node.name,
    level: node.level,
    parent: node.parent,
    aliases: [...(node.aliases ?? [])],
    path: pathOf(node),
  });
}

/** Entry → wire. */
export function toRegion(node: TaxonomyNode): RegionResponse {
  return RegionSchema.parse({ code: node.code, name: node.name, level: node.level, parent: node.parent, path: pathOf(node) });
}

const ResolvedSchema = z
  .object({
    status: z.literal("ok"),
    code: z.string().openapi({ example: "1506" }),
    name: z.string().openapi({ example: "鄂尔多斯市" }),
    level: z.enum(ALL_LEVELS).openapi({ example: "city" }),
    matched_by: z.enum(["code", "name", "short_name", "alias", "qualified_name", "common_region", "chain"]).openapi({
      description:
        "How the name matched: the code, the exact name, the name without its suffix, a job-board alias or cleaned job-board title, a name qualified by its province or city, several places by their smallest common region (东胜区、康巴什区 → 1506), or one of the tenant's industry chains.",
      example: "short_name",
    }),
    industry_codes: z
      .array(z.string())
      .optional()
      .openapi({ description: "Industry chains only: every GB/T 4754-2017 code the chain stands for (`code` is the first).", example: ["2522", "2614"] }),
  })
  .openapi("TaxonomyResolved");

const AmbiguousSchema = z
  .object({
    status: z.literal("ambiguous"),
    candidates: z
      .array(z.object({ code: z.string(), name: z.string(), level: z.enum(ALL_LEVELS), path: PathSchema }))
      .openapi({
        example: [
          { code: "110105", name: "朝阳区", level: "area", path: [{ code: "11", name: "北京市" }, { code: "1101", name: "北京市" }] },
          { code: "220104", name: "朝阳区", level: "area", path: [{ code: "22", name: "吉林省" }, { code: "2201", name: "长春市" }] },
        ],
      }),
  })
  .openapi("TaxonomyAmbiguous");

const UnknownSchema = z
  .object({
    status: z.literal("unknown"),
    suggestions: z
      .array(z.object({ code: z.string(), name: z.string() }))
      .openapi({ description: "Up to five near misses, best first.", example: [{ code: "1506", name: "鄂尔多斯市" }] }),
  })
  .openapi("TaxonomyUnknown");

export const ResolutionSchema = z
  .discriminatedUnion("status", [ResolvedSchema, AmbiguousSchema, UnknownSchema])
  .openapi("TaxonomyResolution", { description: "One entry (`ok`), several equally good ones (`ambiguous`), or none (`unknown`)." });

export type ResolutionResponse = z.infer<typeof ResolutionSchema>;

/** Resolver result → wire (snake_case). */
export function toResolution(r: Resolution, chainCodes?: readonly string[]): ResolutionResponse {
  if (r.status === "ok") {
    return ResolutionSchema.parse({ status: "ok", code: r.code, name: r.name, level: r.level, matched_by: r.matchedBy, ...(chainCodes ? { industry_codes: [...chainCodes] } : {}) });
  }
  if (r.status === "ambiguous") return ResolutionSchema.parse({ status: "ambiguous", candidates: r.candidates });
  return ResolutionSchema.parse({ status: "unknown", suggestions: r.suggestions });
}
