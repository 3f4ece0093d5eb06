import { z } from "@hono/zod-openapi";
import { EDUCATION_LEVELS, ENGAGEMENT_MODES, SKILL_LEVELS, TITLE_LEVELS } from "../../../matching/index.ts";
import { maskEmail, maskPhone } from "../../contact.ts";
import type { TalentRow } from "../../data/talents.ts";
import { type CodeContext, CodeResolver, industryField, industryName, occupationField, occupationName, placeField, placeName } from "../codes.ts";
import { listOf } from "../shared.ts";

const tags = (max: number) => z.array(z.string().trim().min(1).max(100)).max(max);
const PHONE = /^1[3-9]\d{9}$/;

/** Accepts `+86 138-1234-5678` and stores `13812345678`. */
const phone = z
  .string()
  .transform((v) => v.replace(/[\s-]/g, "").replace(/^(\+?86)/, ""))
  .pipe(z.string().regex(PHONE, "must be a mainland mobile number (11 digits starting with 1)"));

/** Fields a client may write, all optional here; `CreateTalentBody` makes `name` required. */
const writable = {
  external_id: z.string().trim().min(1).max(100).nullable().openapi({ description: "Your system's id for this person; imports key on it." }),
  phone: phone.nullable().openapi({ example: "13812345678" }),
  email: z.email("must be an email address").max(200).nullable().openapi({ example: "li.ming@example.com" }),
  education: z.enum(EDUCATION_LEVELS).nullable().openapi({ description: "大专 associate < 本科 bachelor < 硕士 master < 博士 doctor." }),
  school: z.string().trim().max(100).nullable().openapi({ example: "内蒙古大学" }),
  major: z.string().trim().max(100).nullable().openapi({ example: "化学工程与工艺" }),
  title_level: z.enum(TITLE_LEVELS).nullable().openapi({ description: "初级 junior < 中级 intermediate < 副高级 associate_senior < 正高级 senior." }),
  skill_level: z.enum(SKILL_LEVELS).nullable().openapi({ description: "初级工 basic … 技师 technician < 高级技师 senior_technician." }),
  experience_years: z.number().int().min(0).max(70).nullable(),
  industries: z
    .array(industryField)
    .max(10)
    .openapi({ description: "GB/T 4754-2017 codes (division, group or class) or names; an industry chain of the tenant stands for its codes.", example: ["2614"] }),
  occupations: z.array(occupationField).max(10).openapi({ description: "职业分类大典 2022 codes, occupation names or job-board titles.", example: ["2-02-06-03"] }),
  skills: tags(50).openapi({ example: ["煤气化", "Aspen Plus", "PLC编程"] }),
  summary: z.string().trim().max(2000).nullable(),
  city: placeField.nullable().openapi({ description: "Where the talent lives: a GB/T 2260 code at any level (province, city, district) or a place name.", example: "1501" }),
  origin_city: placeField.nullable().openapi({ description: "Home town (返乡 counts), code or name.", example: "1506" }),
  desired_cities: z.array(placeField).max(20).openapi({ description: "Places the talent would work in, codes or names; a province counts for all its cities.", example: ["1506"] }),
  refused_cities: z.array(placeField).max(20).openapi({ description: "Cities the talent will not work in: a hard veto in matching." }),
  willing_to_relocate: z.boolean().nullable(),
  modes: z.array(z.enum(ENGAGEMENT_MODES)).max(8).openapi({ description: "Accepted engagement modes, most preferred first; empty means any." }),
  salary_expected: z.number().int().min(0).max(10_000_000).nullable().openapi({ description: "Expected monthly salary, yuan." }),
  category_level: z.number().int().min(1).max(8).nullable().openapi({ description: "Talent category 1 (highest) … 8." }),
  honours: tags(30),
  available_from: z.iso.date("must be a date (YYYY-MM-DD)").nullable(),
  team: z
    .strictObject({ name: z.string().trim().min(1).max(200), size: z.number().int().min(1).max(10_000) })
    .nullable()
    .openapi({ description: "Set when the profile is the lead of a team." }),
};

export const CreateTalentBody = z
  .strictObject({ name: z.string().trim().min(1).max(100).openapi({ example: "李明" }), ...partial(writable) })
  .openapi("CreateTalent");

export const UpdateTalentBody = z
  .strictObject({ name: z.string().trim().min(1).max(100).optional(), ...partial(writable) })
  .openapi("UpdateTalent");

function partial<T extends Record<string, z.ZodType>>(shape: T): { [K in keyof T]: z.ZodOptional<T[K]> } {
  const out: Record<string, z.ZodType> = {};
  for (const [k, v] of Object.entries(shape)) out[k] = v.optional();
  return out as { [K in keyof T]: z.ZodOptional<T[K]> };
}

export type CreateTalentInput = z.infer<typeof CreateTalentBody>;
export type UpdateTalentInput = z.infer<typeof UpdateTalentBody>;

export const TalentSchema = z
  .object({
    id: z.string().openapi({ example: "tal_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z" }),
    name: z.string(),
    external_id: z.string().nullable(),
    phone: z.string().nullable().openapi({ description: "In clear only for the talent and admins; otherwise masked (138****5678)." }),
    email: z.string().nullable().openapi({ description: "In clear only for the talent and admins; otherwise masked (l***@example.com)." }),
    contact_masked: z.boolean().openapi({ description: "True when phone and email are masked for this caller." }),
    education: z.enum(EDUCATION_LEVELS).nullable(),
    school: z.string().nullable(),
    major: z.string().nullable(),
    title_level: z.enum(TITLE_LEVELS).nullable(),
    skill_level: z.enum(SKILL_LEVELS).nullable(),
    experience_years: z.number().int().nullable(),
    industries: z.array(z.string()),
    industry_names: z.array(z.string()).openapi({ description: "Names of `industries`, in the same order." }),
    occupations: z.array(z.string()),
    occupation_names: z.array(z.string()).openapi({ description: "Names of `occupations`, in the same order." }),
    skills: z.array(z.string()),
    summary: z.string().nullable(),
    city: z.string().nullable(),
    city_name: z.string().nullable().openapi({ description: "The name of `city` (a district with its city: 北京市海淀区).", example: "呼和浩特市" }),
    origin_city: z.string().nullable(),
    origin_city_name: z.string().nullable(),
    desired_cities: z.array(z.string()),
    desired_city_names: z.array(z.string()).openapi({ description: "Names of `desired_cities`, in the same order." }),
    refused_cities: z.array(z.string()),
    refused_city_names: z.array(z.string()),
    willing_to_relocate: z.boolean().nullable(),
    modes: z.array(z.enum(ENGAGEMENT_MODES)),
    salary_expected: z.number().int().nullable(),
    category_level: z.number().int().nullable(),
    honours: z.array(z.string()),
    available_from: z.string().nullable(),
    team: z.object({ name: z.string(), size: z.number().int() }).nullable(),
    unresolved_names: z
      .record(z.string(), z.array(z.string()))
      .openapi({ description: "Names an import could not resolve to a code, kept as written, by field.", example: { industries: ["风电运维"] } }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("Talent");

export const TalentListSchema = listOf(TalentSchema, "TalentList");
export type TalentResponse = z.infer<typeof TalentSchema>;

/** Row → wire, with contact details in clear only when `clear` is true. */
/** PATCH's answer: the profile, and the contact changes waiting for their code, if any. */
export const UpdatedTalentSchema = TalentSchema.extend({
  pending_contact: z
    .array(
      z.object({
        field: z.enum(["phone", "email"]),
        sent_to: z.string().openapi({ description: "Where the code went, masked.", example: "139****0000" }),
        expires_at: z.string(),
      }),
    )
    .optional()
    .openapi({ description: "Present when a talent changed its own phone or email: the change applies once the code sent there is confirmed." }),
}).openapi("UpdatedTalent");

export function toTalent(row: TalentRow, clear: boolean): TalentResponse {
  return TalentSchema.parse({
    id: row.id,
    name: row.name,
    external_id: row.externalId,
    phone: row.phone === null ? null : clear ? row.phone : maskPhone(row.phone),
    email: row.email === null ? null : clear ? row.email : maskEmail(row.email),
    contact_masked: !clear && (row.phone !== null || row.email !== null),
    education: row.education,
    school: row.school,
    major: row.major,
    title_level: row.titleLevel,
    skill_level: row.skillLevel,
    experience_years: row.experienceYears,
    industries: row.industries,
    industry_names: names(row.industries, industryName),
    occupations: row.occupations,
    occupation_names: names(row.occupations, occupationName),
    skills: row.skills,
    summary: row.summary,
    city: row.city,
    city_name: placeName(row.city),
    origin_city: row.originCity,
    origin_city_name: placeName(row.originCity),
    desired_cities: row.desiredCities,
    desired_city_names: names(row.desiredCities, placeName),
    refused_cities: row.refusedCities,
    refused_city_names: names(row.refusedCities, placeName),
    willing_to_relocate: row.willingToRelocate,
    modes: row.modes,
    salary_expected: row.salaryExpected,
    category_level: row.categoryLevel,
    honours: row.honours,
    available_from: row.availableFrom,
    team: row.teamName && row.teamSize ? { name: row.teamName, size: row.teamSize } : null,
    unresolved_names: row.unresolvedNames ?? {},
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  });
}

/** A name per code (a code no longer in the taxonomy shows as itself). */
function names(codes: readonly string[], name: (code: string) => string | null): string[] {
  return codes.map((c) => name(c) ?? c);
}

/**
 * The body with its code-or-name fields resolved to codes, as the talent import resolves them: an
 * ambiguous place is settled by the talent's other places (`current`: what is stored), then the
 * tenant's region. Every name that does not resolve is one 422.
 */
export function resolveTalentCodes<T extends UpdateTalentInput>(ctx: CodeContext, body: T, current?: { city: string | null; originCity: string | null }): T {
  const r = new CodeResolver(ctx);
  const city = r.place("city", body.city);
  const origin = r.place("origin_city", body.origin_city, [city ?? current?.city]);
  const near = [city ?? current?.city, origin ?? current?.originCity];
  const out: T = { ...body };
  const put = <K extends keyof UpdateTalentInput>(key: K, value: T[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  put("city", city);
  put("origin_city", origin);
  put("desired_cities", r.places("desired_cities", body.desired_cities, near));
  put("refused_cities", r.places("refused_cities", body.refused_cities, near));
  put("industries", r.industries("industries", body.industries, 10));
  put("occupations", r.occupations("occupations", body.occupations));
  r.done();
  return out;
}

/** Applies a create or patch body onto a row (absent fields keep their value; null clears). */
export function applyTalentInput(row: TalentRow, input: UpdateTalentInput): TalentRow {
  const next: TalentRow = { ...row };
  const set = <K extends keyof TalentRow>(key: K, value: TalentRow[K] | undefined): void => {
    if (value !== undefined) next[key] = value;
  };
  set("name", input.name);
  set("externalId", input.external_id);
  set("phone", input.phone);
  set("email", input.email);
  set("education", input.education);
  set("school", input.school);
  set("major", input.major);
  set("titleLevel", input.title_level);
  set("skillLevel", input.skill_level);
  set("experienceYears", input.experience_years);
  set("industries", input.industries);
  set("occupations", input.occupations);
  set("skills", input.skills);
  set("summary", input.summary);
  set("city", input.city);
  set("originCity", input.origin_city);
  set("desiredCities", input.desired_cities);
  set("refusedCities", input.refused_cities);
  set("willingToRelocate", input.willing_to_relocate);
  set("modes", input.modes);
  set("salaryExpected", input.salary_expected);
  set("categoryLevel", input.category_level);
  set("honours", input.honours);
  set("availableFrom", input.available_from);
  if (input.team !== undefined) {
    next.teamName = input.team?.name ?? null;
    next.teamSize = input.team?.size ?? null;
  }
  return next;
}
