/**
 * Wutong matching core: pure functions, no I/O. Prepare features once per profile, then score,
 * rank, allocate and schedule. See docs/matching.md.
 */
export * from "./types.ts";
export { normalizeText, tokenize, analyze, termId } from "./text.ts";
export type { Analyzed } from "./text.ts";
export { buildLexicon, resolveCity, provinceOf, inferOccupations } from "./lexicon.ts";
export type { Lexicon, LexiconInput, IndustryRow, OccupationRow, CityRow, ProvinceRow } from "./lexicon.ts";
export { DEFAULT_WEIGHTS, COMPONENT_SIDE, resolveWeights, InvalidWeightsError } from "./weights.ts";
export type { Weights, WeightOverrides } from "./weights.ts";
export { prepareTalent } from "./features.ts";
export { prepareDemand, prepareProject, weightedTerms } from "./offer-features.ts";
export type { TalentFeatures, OfferFeatures, WeightedTerms } from "./features.ts";
export { scoreDemand, scoreProject, scoreOffer } from "./match.ts";
export { rankScore, pairFits } from "./score.ts";
export type { PairFits } from "./score.ts";
export { topK, topTalents, topOffers } from "./top-k.ts";
export type { Ranked } from "./top-k.ts";
export { indexKeys, queryKeys } from "./index-keys.ts";
export { searchTerms, queryTerms } from "./search-terms.ts";
export { allocateStable, findBlockingPairs } from "./allocation.ts";
export type { AllocationInput, AllocationResult, AllocationTalent, AllocationDemand, UnmatchedTalentReason, UnfilledDemandReason } from "./allocation.ts";
export { preferencesFromScores } from "./preferences.ts";
export type { ScoredEdge, PreferenceOptions } from "./preferences.ts";
export { scheduleMeetings } from "./scheduler.ts";
export type { MeetingRequest, ScheduleInput, ScheduleResult, Meeting, LeftOutReason } from "./scheduler.ts";
