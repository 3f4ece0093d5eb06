/** The explained score of one talent × demand (or project) pair. */
import { COMPONENT_COUNT, componentValues } from "./components.ts";
import type { OfferFeatures, TalentFeatures } from "./features.ts";
import { findGaps } from "./gaps.ts";
import { COMPONENT_EN, COMPONENT_ZH, VETO_ZH } from "./labels.ts";
import { componentReason, vetoReason } from "./reasons.ts";
import { combine, round1 } from "./score.ts";
import { COMPONENT_KEYS, VETO_KEYS } from "./types.ts";
import type { ComponentResult, MatchResult, VetoResult } from "./types.ts";
import { VETO_BIT, applicableVetoes, vetoMask } from "./vetoes.ts";
import { COMPONENT_SIDE } from "./weights.ts";
import type { Weights } from "./weights.ts";

/**
 * Scores a talent against a demand or project with the full explanation: components, vetoes
 * (failed and passed), side fits, a one-line reason in Chinese and English, and gaps.
 * `now` is epoch milliseconds (validity is checked against it).
 */
export function scoreOffer(t: TalentFeatures, o: OfferFeatures, weights: Weights, now: number): MatchResult {
  const values = new Float64Array(COMPONENT_COUNT);
  componentValues(t, o, values);
  const combined = combine(values, weights);
  const mask = vetoMask(t, o, now);
  const components: ComponentResult[] = COMPONENT_KEYS.map((key, i) => {
    const value = values[i] ?? NaN;
    const applicable = !Number.isNaN(value) && (combined.pointsPerUnit[i] ?? 0) > 0;
    const [reasonZh, reasonEn] = componentReason(key, value, t, o);
    return {
      key,
      side: COMPONENT_SIDE[key],
      weight: applicable ? weights.components[key] : 0,
      applicable,
      value: Number.isNaN(value) ? 0 : Math.round(value * 1000) / 1000,
      contribution: applicable ? round1(value * (combined.pointsPerUnit[i] ?? 0)) : 0,
      reasonZh,
      reasonEn,
    };
  });
  const vetoes: VetoResult[] = [];
  const passed: VetoResult[] = [];
  for (const key of applicableVetoes(o)) {
    const failed = (mask & VETO_BIT[key]) !== 0;
    const [reasonZh, reasonEn] = vetoReason(key, failed, t, o);
    (failed ? vetoes : passed).push({ key, reasonZh, reasonEn });
  }
  // Vetoes that are not "applicable" (e.g. a project cannot be filled) can still never fire.
  for (const key of VETO_KEYS) if ((mask & VETO_BIT[key]) !== 0 && !vetoes.some((v) => v.key === key)) vetoes.push({ key, ...reasonOf(key, t, o) });
  const vetoed = vetoes.length > 0;
  const score = vetoed ? 0 : round1(combined.raw);
  const gaps = findGaps(t, o, values, combined.pointsPerUnit, vetoes.map((v) => v.key), round1(combined.raw));
  const [reasonZh, reasonEn] = summary(score, components, vetoes, gaps);
  return {
    talentId: t.id,
    offerId: o.id,
    kind: o.kind,
    score,
    enterpriseFit: round1(combined.enterprise * 100),
    talentFit: round1(combined.talent * 100),
    vetoed,
    components,
    vetoes,
    passed,
    reasonZh,
    reasonEn,
    gaps,
  };
}

function reasonOf(key: (typeof VETO_KEYS)[number], t: TalentFeatures, o: OfferFeatures): { reasonZh: string; reasonEn: string } {
  const [reasonZh, reasonEn] = vetoReason(key, true, t, o);
  return { reasonZh, reasonEn };
}

function summary(score: number, components: readonly ComponentResult[], vetoes: readonly VetoResult[], gaps: readonly { zh: string; en: string }[]): [string, string] {
  if (vetoes.length > 0) {
    return [
      `不匹配（${vetoes.map((v) => VETO_ZH[v.key]).join("、")}）：${vetoes.map((v) => v.reasonZh).join("；")}`,
      `Not a match: ${vetoes.map((v) => v.reasonEn).join("; ")}`,
    ];
  }
  const strongest = components
    .filter((c) => c.applicable && c.value >= 0.5)
    .sort((a, b) => b.contribution - a.contribution || (a.key < b.key ? -1 : 1))
    .slice(0, 2);
  const gap = gaps[0];
  const zh = `匹配度 ${score} 分` + (strongest.length > 0 ? `，主要因为${strongest.map((c) => `${COMPONENT_ZH[c.key]}（${c.reasonZh}）`).join("、")}` : "") + (gap ? `；可提升：${gap.zh}` : "");
  const en = `${score}/100` + (strongest.length > 0 ? `, strongest on ${strongest.map((c) => `${COMPONENT_EN[c.key]} (${c.reasonEn})`).join(" and ")}` : "") + (gap ? `; would rise with ${gap.en}` : "");
  return [zh, en];
}

/** Scores a talent against a demand, explained. */
export function scoreDemand(t: TalentFeatures, d: OfferFeatures, weights: Weights, now: number): MatchResult {
  return scoreOffer(t, d, weights, now);
}

/** Scores a talent against a roadshow project, explained (same machinery as demands). */
export function scoreProject(t: TalentFeatures, p: OfferFeatures, weights: Weights, now: number): MatchResult {
  return scoreOffer(t, p, weights, now);
}
