import { z } from "@hono/zod-openapi";
import { ENGAGEMENT_MODES } from "../../../matching/index.ts";
import { PROJECT_STATUSES } from "../../../schema/tables/roadshows.ts";
import type { ProjectRow } from "../../data/roadshows-projects.ts";
import { idPattern } from "../../lib/ids.ts";
import { cityCode, industryCode } from "../codes.ts";
import { listOf } from "../shared.ts";

const tags = (max: number) => z.array(z.string().trim().min(1).max(100)).max(max);

const content = {
  summary: z.string().trim().max(5000).nullable().openapi({ example: "基于煤基固废的新型建材中试项目，寻求落地与合伙人" }),
  industry_codes: z.array(industryCode).max(10).openapi({ example: ["3039"] }),
  skills_sought: tags(30).openapi({ description: "Skills the project wants in a partner.", example: ["固废利用", "建材工艺"] }),
  city: cityCode.nullable().openapi({ description: "Where it would land.", example: "1506" }),
  stage: z.string().trim().max(50).nullable().openapi({ example: "中试" }),
  modes: z.array(z.enum(ENGAGEMENT_MODES)).max(8),
  funding_sought: z.number().int().min(0).max(1e13).nullable().openapi({ description: "Yuan." }),
};

const optional = <T extends Record<string, z.ZodType>>(shape: T) =>
  Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.optional()])) as { [K in keyof T]: z.ZodOptional<T[K]> };

export const CreateProjectBody = z
  .strictObject({
    title: z.string().trim().min(1).max(200).openapi({ example: "煤基固废制备新型建材" }),
    event_id: z.string().regex(idPattern("event"), "must be an event id (evt_…)").nullable().optional().openapi({ description: "The roadshow it is submitted to." }),
    talent_id: z.string().regex(idPattern("talent"), "must be a talent id (tal_…)").optional().openapi({ description: "Owner, for organizers; a talent key owns what it submits." }),
    organization_id: z
      .string()
      .regex(idPattern("organization"), "must be an organization id (org_…)")
      .optional()
      .openapi({ description: "Owner, for organizers; an enterprise key owns what it submits." }),
    ...optional(content),
  })
  .openapi("CreateProject");

export const UpdateProjectBody = z
  .strictObject({
    title: z.string().trim().min(1).max(200).optional(),
    event_id: z.string().regex(idPattern("event"), "must be an event id (evt_…)").nullable().optional(),
    status: z
      .enum(["submitted", "selected", "rejected", "withdrawn"])
      .optional()
      .openapi({ description: "Organizers select or reject; the owner may withdraw. Signing is `POST /v1/projects/{id}/sign`." }),
    ...optional(content),
  })
  .openapi("UpdateProject");

export const SignProjectBody = z
  .strictObject({
    intended_investment: z.number().int().min(0).max(1e13).openapi({ description: "签约意向金额, yuan.", example: 50_000_000 }),
    signed_with: z.string().regex(idPattern("organization"), "must be an organization id (org_…)").nullable().optional().openapi({ description: "The investor or host enterprise." }),
    signed_at: z.iso.datetime({ message: "must be an ISO 8601 UTC time" }).optional().openapi({ description: "Defaults to now." }),
  })
  .openapi("SignProject");

export type UpdateProjectInput = z.infer<typeof UpdateProjectBody>;

export const ProjectSchema = z
  .object({
    id: z.string().openapi({ example: "prj_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z" }),
    event_id: z.string().nullable(),
    talent_id: z.string().nullable(),
    organization_id: z.string().nullable(),
    title: z.string(),
    summary: z.string().nullable(),
    industry_codes: z.array(z.string()),
    skills_sought: z.array(z.string()),
    city: z.string().nullable(),
    stage: z.string().nullable(),
    modes: z.array(z.enum(ENGAGEMENT_MODES)),
    funding_sought: z.number().int().nullable(),
    status: z.enum(PROJECT_STATUSES),
    signed_at: z.string().nullable(),
    intended_investment: z.number().int().nullable(),
    signed_with: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("Project");

export const ProjectListSchema = listOf(ProjectSchema, "ProjectList");

export function toProject(row: ProjectRow): z.infer<typeof ProjectSchema> {
  return ProjectSchema.parse({
    id: row.id,
    event_id: row.eventId,
    talent_id: row.talentId,
    organization_id: row.organizationId,
    title: row.title,
    summary: row.summary,
    industry_codes: row.industryCodes,
    skills_sought: row.skillsSought,
    city: row.city,
    stage: row.stage,
    modes: row.modes,
    funding_sought: row.fundingSought,
    status: row.status,
    signed_at: row.signedAt,
    intended_investment: row.intendedInvestment,
    signed_with: row.signedWith,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  });
}

/** Applies a body onto a row: absent fields keep their value, null clears. */
export function applyProjectInput(row: ProjectRow, input: UpdateProjectInput): ProjectRow {
  const next: ProjectRow = { ...row };
  const set = <K extends keyof ProjectRow>(key: K, value: ProjectRow[K] | undefined): void => {
    if (value !== undefined) next[key] = value;
  };
  set("title", input.title);
  set("eventId", input.event_id);
  set("status", input.status);
  set("summary", input.summary);
  set("industryCodes", input.industry_codes);
  set("skillsSought", input.skills_sought);
  set("city", input.city);
  set("stage", input.stage);
  set("modes", input.modes);
  set("fundingSought", input.funding_sought);
  return next;
}
