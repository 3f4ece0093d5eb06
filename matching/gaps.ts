/**
 * Gaps: what would raise a pair's score, with the points each would add. A component's
 * contribution is linear in its value (applicability does not change), so a gain is exact:
 * (new value - old value) × points per unit.
 */
import { C, SKILL_PARTS, levelValue, phraseMatch } from "./components.ts";
import type { OfferFeatures, TalentFeatures } from "./features.ts";
import { EDUCATION_EN, EDUCATION_ZH, SKILL_LEVEL_EN, SKILL_LEVEL_ZH, TITLE_EN, TITLE_ZH } from "./labels.ts";
import { round1 } from "./score.ts";
import type { Gap } from "./types.ts";


/** Gaps for a pair, largest gain first (ties by key). `vetoed` pairs only report veto gaps. */
export function findGaps(
  t: TalentFeatures,
  o: OfferFeatures,
  values: Float64Array,
  pointsPerUnit: Float64Array,
  vetoKeys: readonly string[],
  scoreIfUnvetoed: number,
): Gap[] {
  const gaps: Gap[] = [];
  const add = (key: string, zh: string, en: string, dv: number, idx: number): void => {
    const gain = round1(dv * (pointsPerUnit[idx] ?? 0));
    if (gain > 0) gaps.push({ key, zh, en, gain });
  };
  const onlyVeto = vetoKeys.length === 1;
  if (vetoKeys.includes("education")) {
    const edu = o.minEducation;
    gaps.push({
      key: "education",
      zh: `取得${EDUCATION_ZH[edu]}及以上学历`,
      en: `a ${EDUCATION_EN[edu]} or higher`,
      gain: onlyVeto ? round1(scoreIfUnvetoed + (1 - (values[C.education] ?? 1)) * (pointsPerUnit[C.education] ?? 0)) : 0,
    });
  }
  if (vetoKeys.length > 0) return sortGaps(gaps);

  const skillParts = SKILL_PARTS.text + (o.required.length > 0 ? SKILL_PARTS.required : 0) + (o.preferred.length > 0 ? SKILL_PARTS.preferred : 0);
  for (const [which, share] of [["required", SKILL_PARTS.required], ["preferred", SKILL_PARTS.preferred]] as const) {
    const phrases = o[which];
    for (const p of phrases) {
      const m = phraseMatch(t, p);
      if (m >= 1) continue;
      // Text relevance may rise too; the gain quoted is the lower bound from the skill itself.
      const dv = ((1 - m) * share) / phrases.length / skillParts;
      add(`skill:${p.label}`, `${which === "required" ? "必备" : "加分"}技能：${p.label}`, `${which} skill: ${p.label}`, dv, C.skills);
    }
  }
  const q = values[C.qualification] ?? NaN;
  if (!Number.isNaN(q) && q < 1) {
    if (o.minTitle > 0 && t.title < o.minTitle) {
      const next = t.title + 1;
      add("title", `职称提升到${TITLE_ZH[next]}`, `title raised to ${TITLE_EN[next]}`, Math.max(q, levelValue(next, o.minTitle)) - q, C.qualification);
    }
    if (o.minSkillLevel > 0 && t.skillLevel < o.minSkillLevel) {
      const next = t.skillLevel + 1;
      add("skill_level", `技能等级提升到${SKILL_LEVEL_ZH[next]}`, `skill level raised to ${SKILL_LEVEL_EN[next]}`, Math.max(q, levelValue(next, o.minSkillLevel)) - q, C.qualification);
    }
  }
  const e = values[C.experience] ?? NaN;
  if (!Number.isNaN(e) && e < 1) {
    const more = Math.ceil(o.minYears - Math.max(0, t.years));
    add("experience", `再积累 ${more} 年经验`, `${more} more years of experience`, 1 - e, C.experience);
  }
  const edu = values[C.education] ?? NaN;
  if (!Number.isNaN(edu) && edu < 1 && t.education === 0) add("education", "填写学历", "state your education", 1 - edu, C.education);
  const s = values[C.salary] ?? NaN;
  if (!Number.isNaN(s) && s < 1) {
    add("salary", `薪酬上限提高到 ${t.expectedSalary} 元/月`, `raise the salary band to ${t.expectedSalary} yuan/month`, 1 - s, C.salary);
  }
  return sortGaps(gaps);
}

function sortGaps(gaps: Gap[]): Gap[] {
  return gaps.sort((a, b) => b.gain - a.gain || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
