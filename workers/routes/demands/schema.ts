import { z } from "@hono/zod-openapi";
import { EDUCATION_LEVELS, ENGAGEMENT_MODES, SKILL_LEVELS, TITLE_LEVELS } from "../../../matching/index.ts";
import { DEMAND_STATUSES } from "../../../schema/index.ts";
import type { DemandRow } from "../../data/demands.ts";
import { idPattern } from "../../lib/ids.ts";
import { type CodeContext, CodeResolver, industryField, industryName, nameField, occupationField, occupationName, placeField, placeName } from "../codes.ts";
import { listOf } from "../shared.ts";

const tags = (max: number) => z.array(z.string().trim().min(1).max(100)).max(max);

const writable = {
  catalog_id: z.string().regex(idPattern("catalog"), "must be a catalog id (cat_…)").nullable(),
  external_id: z.string().trim().min(1).max(100).nullable(),
  description: z.string().trim().max(5000).nullable(),
  industry_code: industryField
    .nullable()
    .openapi({ description: "GB/T 4754-2017 code or industry name; one of the tenant's industry chains (煤化工) gives its first code and sets `industry_chain`.", example: "2614" }),
  occupation_code: occupationField.nullable().openapi({ description: "职业分类大典 2022 code, occupation name or job-board title.", example: "2-02-06-03" }),
  industry_chain: z.string().trim().min(1).max(50).nullable().openapi({ example: "煤化工" }),
  city: placeField.nullable().openapi({ description: "Where the job is: a GB/T 2260 code at any level or a place name (鄂尔多斯 → 1506, 鄂托克旗 → 150624).", example: "1506" }),
  headcount: z.number().int().min(1).max(100_000).nullable(),
  min_education: z.enum(EDUCATION_LEVELS).nullable(),
  min_title_level: z.enum(TITLE_LEVELS).nullable(),
  min_skill_level: z.enum(SKILL_LEVELS).nullable(),
  min_experience_years: z.number().int().min(0).max(60).nullable(),
  major: z.string().trim().max(100).nullable(),
  required_skills: tags(30).openapi({ example: ["煤气化", "Aspen Plus"] }),
  preferred_skills: tags(30),
  modes: z.array(z.enum(ENGAGEMENT_MODES)).max(8).openapi({ description: "Engagement modes offered; empty means any." }),
  salary_min: z.number().int().min(0).max(10_000_000).nullable().openapi({ description: "Monthly, yuan." }),
  salary_max: z.number().int().min(0).max(10_000_000).nullable().openapi({ description: "Monthly, yuan." }),
  benefits: tags(20).openapi({ example: ["安家费20万", "人才公寓"] }),
  urgency: z.number().int().min(1).max(5).nullable().openapi({ description: "急需紧缺 stars, 1–5." }),
  category_level: z.number().int().min(1).max(8).nullable().openapi({ description: "Lowest talent category sought (1 highest … 8)." }),
  valid_until: z.iso.date("must be a date (YYYY-MM-DD)").nullable(),
  status: z.enum(DEMAND_STATUSES),
};

function partial<T extends Record<string, z.ZodType>>(shape: T): { [K in keyof T]: z.ZodOptional<T[K]> } {
  const out: Record<string, z.ZodType> = {};
  for (const [k, v] of Object.entries(shape)) out[k] = v.optional();
  return out as { [K in keyof T]: z.ZodOptional<T[K]> };
}

const salaryOrder = (v: { salary_min?: number | null; salary_max?: number | null }) =>
  v.salary_min === undefined || v.salary_max === undefined || v.salary_min === null || v.salary_max === null || v.salary_min <= v.salary_max;

export const CreateDemandBody = z
  .strictObject({
    title: z.string().trim().min(1).max(200).openapi({ example: "煤制烯烃工艺工程师" }),
    organization_id: z
      .string()
      .regex(idPattern("organization"), "must be an organization id (org_…)")
      .optional()
      .openapi({ description: "The employer. Required for admins and organizers; an enterprise key posts for itself." }),
    ...partial(writable),
  })
  .refine(salaryOrder, { message: "must not be below salary_min", path: ["salary_max"] })
  .openapi("CreateDemand");

export const UpdateDemandBody = z
  .strictObject({ title: z.string().trim().min(1).max(200).optional(), ...partial(writable) })
  .refine(salaryOrder, { message: "must not be below salary_min", path: ["salary_max"] })
  .openapi("UpdateDemand");

export type UpdateDemandInput = z.infer<typeof UpdateDemandBody>;

export const DemandSchema = z
  .object({
    id: z.string().openapi({ example: "dem_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z" }),
    organization_id: z.string(),
    catalog_id: z.string().nullable(),
    external_id: z.string().nullable(),
    title: z.string(),
    description: z.string().nullable(),
    industry_code: z.string().nullable(),
    industry_name: nameField("The name of `industry_code`.", "有机化学原料制造"),
    occupation_code: z.string().nullable(),
    occupation_name: nameField("The name of `occupation_code`.", "化工生产工程技术人员"),
    industry_chain: z.string().nullable(),
    city: z.string().nullable(),
    city_name: nameField("The name of `city` (a district with its city: 鄂尔多斯市鄂托克旗).", "鄂尔多斯市"),
    headcount: z.number().int().nullable(),
    filled: z.number().int(),
    min_education: z.enum(EDUCATION_LEVELS).nullable(),
    min_title_level: z.enum(TITLE_LEVELS).nullable(),
    min_skill_level: z.enum(SKILL_LEVELS).nullable(),
    min_experience_years: z.number().int().nullable(),
    major: z.string().nullable(),
    required_skills: z.array(z.string()),
    preferred_skills: z.array(z.string()),
    modes: z.array(z.enum(ENGAGEMENT_MODES)),
    salary_min: z.number().int().nullable(),
    salary_max: z.number().int().nullable(),
    benefits: z.array(z.string()),
    urgency: z.number().int().nullable(),
    category_level: z.number().int().nullable(),
    valid_until: z.string().nullable(),
    unresolved_names: z
      .record(z.string(), z.array(z.string()))
      .openapi({ description: "Names an import could not resolve to a code, kept as written, by field.", example: { occupation: ["风机运维"] } }),
    status: z.enum(DEMAND_STATUSES),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("Demand");

export const DemandListSchema = listOf(DemandSchema, "DemandList");

export function toDemand(row: DemandRow): z.infer<typeof DemandSchema> {
  return DemandSchema.parse({
    id: row.id,
    organization_id: row.organizationId,
    catalog_id: row.catalogId,
    external_id: row.externalId,
    title: row.title,
    description: row.description,
    industry_code: row.industryCode,
    industry_name: industryName(row.industryCode),
    occupation_code: row.occupationCode,
    occupation_name: occupationName(row.occupationCode),
    industry_chain: row.industryChain,
    city: row.city,
    city_name: placeName(row.city),
    headcount: row.headcount,
    filled: row.filled,
    min_education: row.minEducation,
    min_title_level: row.minTitle,
    min_skill_level: row.minSkillLevel,
    min_experience_years: row.minExperienceYears,
    major: row.major,
    required_skills: row.requiredSkills,
    preferred_skills: row.preferredSkills,
    modes: row.modes,
    salary_min: row.salaryMin,
    salary_max: row.salaryMax,
    benefits: row.benefits,
    urgency: row.urgency,
    category_level: row.categoryLevel,
    valid_until: row.validUntil,
    unresolved_names: row.unresolvedNames ?? {},
    status: row.status,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  });
}

/**
 * The body with its code-or-name fields resolved to codes (as imports resolve them); every name
 * that does not resolve is one 422. An industry chain named as the industry fills `industry_chain`.
 */
export function resolveDemandCodes<T extends UpdateDemandInput>(ctx: CodeContext, body: T): T {
  const r = new CodeResolver(ctx);
  const industry = r.industry("industry_code", body.industry_code);
  const out: T = {
    ...body,
    ...(industry === undefined ? {} : { industry_code: industry === null ? null : industry.code }),
    ...(body.industry_chain === undefined && industry?.chain ? { industry_chain: industry.chain } : {}),
    ...(body.occupation_code === undefined ? {} : { occupation_code: r.occupation("occupation_code", body.occupation_code) }),
    ...(body.city === undefined ? {} : { city: r.place("city", body.city) }),
  };
  r.done();
  return out;
}

/** Applies a body onto a row: absent fields keep their value, null clears. */
export function applyDemandInput(row: DemandRow, input: UpdateDemandInput): DemandRow {
  const next: DemandRow = { ...row };
  const set = <K extends keyof DemandRow>(key: K, value: DemandRow[K] | undefined): void => {
    if (value !== undefined) next[key] = value;
  };
  set("title", input.title);
  set("catalogId", input.catalog_id);
  set("externalId", input.external_id);
  set("description", input.description);
  set("industryCode", input.industry_code);
  set("occupationCode", input.occupation_code);
  set("industryChain", input.industry_chain);
  set("city", input.city);
  set("headcount", input.headcount);
  set("minEducation", input.min_education);
  set("minTitle", input.min_title_level);
  set("minSkillLevel", input.min_skill_level);
  set("minExperienceYears", input.min_experience_years);
  set("major", input.major);
  set("requiredSkills", input.required_skills);
  set("preferredSkills", input.preferred_skills);
  set("modes", input.modes);
  set("salaryMin", input.salary_min);
  set("salaryMax", input.salary_max);
  set("benefits", input.benefits);
  set("urgency", input.urgency);
  set("categoryLevel", input.category_level);
  set("validUntil", input.valid_until);
  set("status", input.status);
  return next;
}

/** An empty open demand; a body or an import row is applied on top. */
export function blankDemand(init: { id: string; tenantId: string; organizationId: string; createdBy: string; at: string }): DemandRow {
  return {
    id: init.id,
    tenantId: init.tenantId,
    organizationId: init.organizationId,
    catalogId: null,
    externalId: null,
    importKey: null,
    contentHash: "",
    title: "",
    description: null,
    industryCode: null,
    occupationCode: null,
    industryChain: null,
    city: null,
    headcount: null,
    filled: 0,
    minEducation: null,
    minTitle: null,
    minSkillLevel: null,
    minExperienceYears: null,
    major: null,
    requiredSkills: [],
    preferredSkills: [],
    modes: [],
    salaryMin: null,
    salaryMax: null,
    benefits: [],
    urgency: null,
    categoryLevel: null,
    validUntil: null,
    unresolvedNames: null,
    status: "open",
    createdBy: init.createdBy,
    createdAt: init.at,
    updatedAt: init.at,
  };
}
