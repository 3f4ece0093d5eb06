/** One-line bilingual reasons per component and per veto. */
import { locationLevel, phraseMatch, textRelevance } from "./components.ts";
import type { OfferFeatures, TalentFeatures } from "./features.ts";
import { ALL_MODES } from "./features.ts";
import {
  CATEGORY_ZH,
  EDUCATION_EN,
  EDUCATION_ZH,
  MODE_EN,
  MODE_ZH,
  SKILL_LEVEL_EN,
  SKILL_LEVEL_ZH,
  TITLE_EN,
  TITLE_ZH,
  modesOf,
  pct,
} from "./labels.ts";
import type { ComponentKey, VetoKey } from "./types.ts";
import { ENGAGEMENT_MODES } from "./types.ts";

type Pair = readonly [zh: string, en: string];

const INDUSTRY_LEVELS: readonly Pair[] = [
  ["行业不同", "different industry"],
  ["同一行业门类", "same industry section"],
  ["同一行业大类", "same industry division"],
  ["同一行业中类", "same industry group"],
];
const OCCUPATION_LEVELS: readonly Pair[] = [
  ["职业不同", "different occupation"],
  ["同一职业大类", "same occupation major group"],
  ["同一职业中类", "same occupation middle group"],
  ["同一职业小类", "same occupation minor group"],
];
const LOCATION_LEVELS: readonly Pair[] = [
  ["异地且不愿迁移", "elsewhere, not willing to relocate"],
  ["异地，愿意迁移", "elsewhere, willing to relocate"],
  ["家乡所在省份（回流）", "home province (returnee)"],
  ["家乡城市（回流）", "home town (returnee)"],
  ["同省", "same province"],
  ["同城或意向城市", "same or desired city"],
];

function byDepth(levels: readonly Pair[], value: number, byDepthValues: readonly number[], full: Pair): Pair {
  if (value >= 1) return full;
  const depth = byDepthValues.indexOf(value);
  // Not a hierarchy level: the occupation credit came from the talent naming one of its aliases.
  if (depth < 0) return ["技能提及该职业（别名匹配）", "skills name this occupation (alias match)"];
  return levels[depth] ?? ["", ""];
}

function rankOf(t: TalentFeatures, mode: (typeof ENGAGEMENT_MODES)[number]): number {
  return (t.modeRanks >>> (3 * ENGAGEMENT_MODES.indexOf(mode))) & 7;
}

/** Names of the required skills the talent lacks (below a full phrase match). */
export function missingSkills(t: TalentFeatures, o: OfferFeatures, which: "required" | "preferred"): string[] {
  return o[which].filter((p) => phraseMatch(t, p) < 1).map((p) => p.label);
}

/** Reason for a component; `value` is NaN when it did not apply. */
export function componentReason(key: ComponentKey, value: number, t: TalentFeatures, o: OfferFeatures): Pair {
  if (Number.isNaN(value)) return ["未要求", "not required"];
  switch (key) {
    case "skills": {
      const req = o.required.length;
      const miss = missingSkills(t, o, "required");
      const rel = pct(textRelevance(t, o.titleTerms, o.text));
      if (req === 0) return [`文本相关度 ${rel}`, `text relevance ${rel}`];
      const tailZh = miss.length > 0 ? `（缺：${miss.join("、")}）` : "";
      const tailEn = miss.length > 0 ? ` (missing: ${miss.join(", ")})` : "";
      return [
        `必备技能满足 ${req - miss.length}/${req}${tailZh}；文本相关度 ${rel}`,
        `${req - miss.length} of ${req} required skills${tailEn}; text relevance ${rel}`,
      ];
    }
    case "industry":
      return byDepth(INDUSTRY_LEVELS, value, [0, 0.25, 0.5, 0.75], [`行业一致（${o.industryCodes.join("、")}）`, `same industry (${o.industryCodes.join(", ")})`]);
    case "occupation":
      return byDepth(OCCUPATION_LEVELS, value, [0, 0.15, 0.4, 0.7], [`职业一致（${o.occupationCodes.join("、")}）`, `same occupation (${o.occupationCodes.join(", ")})`]);
    case "education":
      if (t.education === 0) return [`未填写学历（要求${EDUCATION_ZH[o.minEducation]}）`, `education not stated (${EDUCATION_EN[o.minEducation]} required)`];
      return value >= 1
        ? [`${EDUCATION_ZH[t.education]}，满足${EDUCATION_ZH[o.minEducation]}要求`, `${EDUCATION_EN[t.education]} meets the ${EDUCATION_EN[o.minEducation]} minimum`]
        : [`${EDUCATION_ZH[t.education]}，低于${EDUCATION_ZH[o.minEducation]}要求`, `${EDUCATION_EN[t.education]} is below the ${EDUCATION_EN[o.minEducation]} minimum`];
    case "qualification": {
      const needZh = [o.minTitle > 0 ? `职称${TITLE_ZH[o.minTitle]}` : "", o.minSkillLevel > 0 ? SKILL_LEVEL_ZH[o.minSkillLevel] : ""].filter(Boolean).join("或");
      const needEn = [o.minTitle > 0 ? `${TITLE_EN[o.minTitle]} title` : "", o.minSkillLevel > 0 ? SKILL_LEVEL_EN[o.minSkillLevel] : ""].filter(Boolean).join(" or ");
      return value >= 1 ? [`满足${needZh}要求`, `meets the ${needEn} requirement`] : [`未达${needZh}要求`, `short of the ${needEn} requirement`];
    }
    case "experience":
      if (t.years < 0) return [`未填写经验（要求 ${o.minYears} 年）`, `experience not stated (${o.minYears} years required)`];
      return [`经验 ${t.years} 年，要求 ${o.minYears} 年`, `${t.years} years' experience, ${o.minYears} required`];
    case "category":
      return [
        `人才类别${CATEGORY_ZH[t.category] ?? ""}，要求${CATEGORY_ZH[o.category] ?? ""}及以上`,
        `talent category ${t.category === 0 ? "not graded" : t.category}, level ${o.category} or higher sought`,
      ];
    case "urgency":
      return [`急需程度 ${"★".repeat(o.urgency)}`, `urgency ${o.urgency}/5`];
    case "location": {
      const l = LOCATION_LEVELS[locationLevel(t, o)] ?? ["", ""];
      return [l[0], l[1]];
    }
    case "mode": {
      const common = modesOf(t.modeMask & o.modeMask);
      if (common.length === 0) return ["无共同合作方式", "no common engagement mode"];
      const best = t.modeMask === ALL_MODES ? common[0] : common.reduce((a, b) => rankOf(t, a) <= rankOf(t, b) ? a : b);
      return best === undefined ? ["", ""] : [`合作方式：${MODE_ZH[best]}`, `engagement mode: ${MODE_EN[best]}`];
    }
    case "salary": {
      const top = o.salaryMax > 0 ? o.salaryMax : o.salaryMin;
      return value >= 1
        ? ["期望薪资在薪酬范围内", "expected salary within the band"]
        : [`期望薪资高于上限 ${pct(t.expectedSalary / top - 1)}`, `expected salary ${pct(t.expectedSalary / top - 1)} above the band`];
    }
  }
}

/** Reason for a hard filter, failed or passed. */
export function vetoReason(key: VetoKey, failed: boolean, t: TalentFeatures, o: OfferFeatures): Pair {
  switch (key) {
    case "education":
      return failed
        ? [`学历${EDUCATION_ZH[t.education]}低于最低要求${EDUCATION_ZH[o.minEducation]}`, `${EDUCATION_EN[t.education]} is below the minimum (${EDUCATION_EN[o.minEducation]})`]
        : [`学历不低于${EDUCATION_ZH[o.minEducation]}（或未填写）`, `education at least ${EDUCATION_EN[o.minEducation]} (or not stated)`];
    case "mode":
      return failed ? ["没有双方都接受的合作方式", "no engagement mode both sides accept"] : ["有双方都接受的合作方式", "a common engagement mode exists"];
    case "city":
      return failed ? ["人才不接受该工作城市", "the talent does not accept this city"] : ["人才接受该工作城市", "the talent accepts this city"];
    case "expired":
      return failed ? ["需求已过有效期", "the demand has expired"] : ["在有效期内", "within its validity"];
    case "filled":
      return failed ? ["需求名额已满", "the demand is already filled"] : ["仍有名额", "seats remain"];
  }
}
