import { z } from "@hono/zod-openapi";
import { COMPONENT_KEYS, type MatchResult } from "../../../matching/index.ts";
import { DemandSchema } from "../demands/schema.ts";
import { ProjectSchema } from "../projects/schema.ts";
import { listOf } from "../shared.ts";
import { TalentSchema } from "../talents/schema.ts";

const ComponentSchema = z
  .object({
    key: z.enum(COMPONENT_KEYS),
    side: z.enum(["enterprise", "talent"]).openapi({ description: "Whose requirement or preference this component measures." }),
    weight: z.number().openapi({ description: "Configured weight; 0 when the component did not apply to this pair." }),
    value: z.number().openapi({ description: "0–1: how well this component is met." }),
    contribution: z.number().openapi({ description: "Points of the 0–100 score this component contributed." }),
    reason_zh: z.string(),
    reason_en: z.string(),
  })
  .openapi("MatchComponent");

const CheckSchema = z.object({ key: z.string(), reason_zh: z.string(), reason_en: z.string() }).openapi("MatchCheck");

const GapSchema = z
  .object({ key: z.string(), zh: z.string(), en: z.string(), gain: z.number().openapi({ description: "Points the score would rise." }) })
  .openapi("MatchGap");

const explanation = {
  score: z.number().openapi({ description: "0–100 ranking score combining both sides.", example: 82.5 }),
  enterprise_fit: z.number().openapi({ description: "0–100: the talent against the enterprise's requirements." }),
  talent_fit: z.number().openapi({ description: "0–100: the offer against the talent's own preferences." }),
  components: z.array(ComponentSchema),
  vetoes_passed: z.array(CheckSchema).openapi({ description: "Hard filters this pair passed (a failed one excludes the pair)." }),
  reason_zh: z.string().openapi({ example: "技能高度吻合，学历与职称达标，愿意来鄂尔多斯工作" }),
  reason_en: z.string(),
  gaps: z.array(GapSchema).openapi({ description: "What would raise the score, most valuable first." }),
};

export const TalentMatchSchema = z.object({ talent: TalentSchema, ...explanation }).openapi("TalentMatch");
export const DemandMatchSchema = z.object({ demand: DemandSchema, ...explanation }).openapi("DemandMatch");
export const ProjectMatchSchema = z.object({ project: ProjectSchema, ...explanation }).openapi("ProjectMatch");
export const TalentMatchListSchema = listOf(TalentMatchSchema, "TalentMatchList");
export const ProjectMatchListSchema = listOf(ProjectMatchSchema, "ProjectMatchList");
export const DemandMatchListSchema = listOf(DemandMatchSchema, "DemandMatchList");

/** The explanation part of a match, in wire form. */
export function toExplanation(m: MatchResult) {
  return {
    score: m.score,
    enterprise_fit: m.enterpriseFit,
    talent_fit: m.talentFit,
    components: m.components.map((c) => ({
      key: c.key,
      side: c.side,
      weight: c.weight,
      value: c.value,
      contribution: c.contribution,
      reason_zh: c.reasonZh,
      reason_en: c.reasonEn,
    })),
    vetoes_passed: m.passed.map((v) => ({ key: v.key, reason_zh: v.reasonZh, reason_en: v.reasonEn })),
    reason_zh: m.reasonZh,
    reason_en: m.reasonEn,
    gaps: m.gaps.map((g) => ({ key: g.key, zh: g.zh, en: g.en, gain: g.gain })),
  };
}
