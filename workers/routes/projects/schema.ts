import { z } from "@hono/zod-openapi";
import { ENGAGEMENT_MODES } from "../../../matching/index.ts";
import { PROJECT_STATUSES } from "../../../schema/tables/roadshows.ts";
import type { ProjectRow } from "../../data/roadshows-projects.ts";
import { idPattern } from "../../lib/ids.ts";
import { type CodeContext, CodeResolver, industryField, industryName, placeField, placeName } from "../codes.ts";
import { listOf } from "../shared.ts";

const tags = (max: number) => z.array(z.string().trim().min(1).max(100)).max(max);
const talentId = z.string().regex(idPattern("talent"), "must be a talent id (tal_…)");
const talentIds = (max: number) =>
  z
    .array(talentId)
    .max(max)
    .refine((v) => new Set(v).size === v.length, "must not repeat a talent");

const content = {
  summary: z.string().trim().max(5000).nullable().openapi({ example: "基于煤基固废的新型建材中试项目，寻求落地与合伙人" }),
  industry_codes: z
    .array(industryField)
    .max(10)
    .openapi({ description: "GB/T 4754-2017 codes or names; one of the tenant's industry chains stands for its codes (and sets `industry_chain`).", example: ["3039"] }),
  industry_chain: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .nullable()
    .openapi({ description: "产业链, e.g. 煤化工; the report's breakdown. Left out: the chain of the tenant's demands in the same industries, if any.", example: "新材料" }),
  stage: z.string().trim().max(50).nullable().openapi({ example: "中试" }),
  funding_sought: z.number().int().min(0).max(1e13).nullable().openapi({ description: "Yuan." }),
  skills_sought: tags(30).openapi({ description: "Skills the project wants in a partner.", example: ["固废利用", "建材工艺"] }),
  team: talentIds(50).openapi({ description: "Talent ids of the team, all of this tenant.", example: ["tal_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z"] }),
  lead_talent_id: talentId.nullable().openapi({ description: "The team lead: a member of `team`, or the talent who owns the project. Defaults to the owning talent." }),
  city: placeField.nullable().openapi({ description: "Where it would land: a GB/T 2260 code at any level or a place name.", example: "1506" }),
  modes: z.array(z.enum(ENGAGEMENT_MODES)).max(8),
};

const optional = <T extends Record<string, z.ZodType>>(shape: T) =>
  Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.optional()])) as { [K in keyof T]: z.ZodOptional<T[K]> };

const owners = {
  talent_id: talentId.optional().openapi({ description: "Owner, for organizers; a talent key owns what it submits." }),
  organization_id: z
    .string()
    .regex(idPattern("organization"), "must be an organization id (org_…)")
    .optional()
    .openapi({ description: "Owner, for organizers; an enterprise key owns what it submits. With neither, organizers make the lead the owner." }),
};

/** `POST /v1/events/{id}/projects`: the event comes from the path. */
export const SubmitProjectBody = z
  .strictObject({
    title: z.string().trim().min(1).max(200).openapi({ example: "煤基固废制备新型建材" }),
    ...optional(content),
    ...owners,
  })
  .openapi("SubmitProject");

/** `POST /v1/projects`: the same, with the event optional in the body. */
export const CreateProjectBody = z
  .strictObject({
    title: z.string().trim().min(1).max(200).openapi({ example: "煤基固废制备新型建材" }),
    event_id: z.string().regex(idPattern("event"), "must be an event id (evt_…)").nullable().optional().openapi({ description: "The roadshow it is submitted to." }),
    ...optional(content),
    ...owners,
  })
  .openapi("CreateProject");

export type SubmitProjectInput = z.infer<typeof SubmitProjectBody>;

export const UpdateProjectBody = z
  .strictObject({
    title: z.string().trim().min(1).max(200).optional(),
    status: z
      .enum(["selected", "pitched", "negotiating", "not_signed", "rejected", "withdrawn"])
      .optional()
      .openapi({
        description:
          "One step along submitted → selected → pitched → negotiating → not_signed (organizers; `rejected` from submitted), or `withdrawn` (the owner, until it ends). " +
          "Signing is `POST /v1/projects/{id}/sign`; another event is `POST /v1/projects/{id}/carry-over`.",
      }),
    ...optional(content),
  })
  .openapi("UpdateProject");

export const SignProjectBody = z
  .strictObject({
    signing_organization_id: z.string().regex(idPattern("organization"), "must be an organization id (org_…)").openapi({ description: "The enterprise or investor that signs." }),
    intended_investment: z.number().int().min(0).max(1e13).openapi({ description: "签约意向金额, yuan.", example: 50_000_000 }),
    talents_introduced: talentIds(500).openapi({ description: "Talents the signing brings in (引进人才)." }),
    teams_introduced: talentIds(100).openapi({ description: "Teams it brings in (引进团队), by their lead's talent id; each must have a team on its profile." }),
    signed_at: z.iso.datetime({ message: "must be an ISO 8601 UTC time" }).optional().openapi({ description: "Defaults to now." }),
  })
  .openapi("SignProject");

export const CarryOverBody = z
  .strictObject({ event_id: z.string().regex(idPattern("event"), "must be an event id (evt_…)").openapi({ description: "A later event, draft or open." }) })
  .openapi("CarryOverProject");

export type UpdateProjectInput = z.infer<typeof UpdateProjectBody>;

const History = z.object({ event_id: z.string(), status: z.enum(PROJECT_STATUSES), at: z.string() });

export const ProjectSchema = z
  .object({
    id: z.string().openapi({ example: "prj_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z" }),
    event_id: z.string().nullable(),
    talent_id: z.string().nullable(),
    organization_id: z.string().nullable(),
    title: z.string(),
    summary: z.string().nullable(),
    industry_codes: z.array(z.string()),
    industry_names: z.array(z.string()).openapi({ description: "Names of `industry_codes`, in the same order." }),
    industry_chain: z.string().nullable(),
    stage: z.string().nullable(),
    funding_sought: z.number().int().nullable(),
    skills_sought: z.array(z.string()),
    team: z.array(z.string()),
    lead_talent_id: z.string().nullable(),
    city: z.string().nullable(),
    city_name: z.string().nullable().openapi({ description: "The name of `city`.", example: "鄂尔多斯市" }),
    modes: z.array(z.enum(ENGAGEMENT_MODES)),
    status: z.enum(PROJECT_STATUSES),
    signing: z
      .object({
        signing_organization_id: z.string().nullable(),
        intended_investment: z.number().int().nullable(),
        talents_introduced: z.array(z.string()),
        teams_introduced: z.array(z.string()),
        signed_at: z.string().nullable(),
      })
      .nullable()
      .openapi({ description: "Set once signed." }),
    history: z.array(History).openapi({ description: "Earlier events it was carried over from, oldest first, with the status it reached there." }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("Project");

export const ProjectListSchema = listOf(ProjectSchema, "ProjectList");
export type ProjectResponse = z.infer<typeof ProjectSchema>;

export function toProject(row: ProjectRow): ProjectResponse {
  return ProjectSchema.parse({
    id: row.id,
    event_id: row.eventId,
    talent_id: row.talentId,
    organization_id: row.organizationId,
    title: row.title,
    summary: row.summary,
    industry_codes: row.industryCodes,
    industry_names: row.industryCodes.map((code) => industryName(code) ?? code),
    industry_chain: row.industryChain,
    stage: row.stage,
    funding_sought: row.fundingSought,
    skills_sought: row.skillsSought,
    team: row.team,
    lead_talent_id: row.leadTalentId,
    city: row.city,
    city_name: placeName(row.city),
    modes: row.modes,
    status: row.status,
    signing:
      row.status === "signed"
        ? {
            signing_organization_id: row.signedWith,
            intended_investment: row.intendedInvestment,
            talents_introduced: row.talentsIntroduced,
            teams_introduced: row.teamsIntroduced,
            signed_at: row.signedAt,
          }
        : null,
    history: row.history,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  });
}

/** The body with `industry_codes` and `city` resolved from codes or names (a chain name also sets `industry_chain`); one 422 for every name that does not resolve. */
export function resolveProjectCodes<T extends { industry_codes?: string[] | undefined; industry_chain?: string | null | undefined; city?: string | null | undefined }>(ctx: CodeContext, body: T): T {
  const r = new CodeResolver(ctx);
  const industries = r.industries("industry_codes", body.industry_codes, 10);
  const city = r.place("city", body.city);
  r.done();
  const [chain] = r.chainsNamed;
  return {
    ...body,
    ...(industries === undefined ? {} : { industry_codes: industries }),
    ...(body.industry_chain === undefined && chain !== undefined ? { industry_chain: chain } : {}),
    ...(city === undefined ? {} : { city }),
  };
}

/** Applies a body onto a row: absent fields keep their value, null clears. Status is moved separately. */
export function applyProjectInput(row: ProjectRow, input: UpdateProjectInput): ProjectRow {
  const next: ProjectRow = { ...row };
  const set = <K extends keyof ProjectRow>(key: K, value: ProjectRow[K] | undefined): void => {
    if (value !== undefined) next[key] = value;
  };
  set("title", input.title);
  set("summary", input.summary);
  set("industryCodes", input.industry_codes);
  set("industryChain", input.industry_chain);
  set("stage", input.stage);
  set("fundingSought", input.funding_sought);
  set("skillsSought", input.skills_sought);
  set("team", input.team);
  set("leadTalentId", input.lead_talent_id);
  set("city", input.city);
  set("modes", input.modes);
  return next;
}
