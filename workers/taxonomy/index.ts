/** The taxonomy module's public surface: resolve names to codes, search and browse entries. */
export { placeOptions, regionDisplayName, resolveIndustry, resolveJobTitle, resolveOccupation, resolvePlace, resolveRegion } from "./resolver.ts";
export { normalizeJobTitle } from "./title.ts";
export { type ChainRef, findChain, type IndustryOrChain, resolveIndustryOrChain } from "./chains.ts";
export { searchTaxonomy, type SearchOptions, type SearchResult } from "./search.ts";
export type {
  Candidate,
  CodeName,
  IndustryLevel,
  MatchedBy,
  OccupationLevel,
  RegionLevel,
  RegionResolveOptions,
  Resolution,
  TaxonomyKind,
  TaxonomyLevel,
  TaxonomyNode,
} from "./types.ts";
