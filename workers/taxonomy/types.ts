/** The three reference taxonomies and the shapes the resolver and the search answer with. */

export const INDUSTRY_LEVELS = ["section", "division", "group", "class"] as const;
export const OCCUPATION_LEVELS = ["major", "middle", "minor", "occupation"] as const;
export const REGION_LEVELS = ["province", "city", "area"] as const;

export type IndustryLevel = (typeof INDUSTRY_LEVELS)[number];
export type OccupationLevel = (typeof OCCUPATION_LEVELS)[number];
export type RegionLevel = (typeof REGION_LEVELS)[number];
export type TaxonomyLevel = IndustryLevel | OccupationLevel | RegionLevel;

export const TAXONOMY_KINDS = ["industries", "occupations", "regions"] as const;
export type TaxonomyKind = (typeof TAXONOMY_KINDS)[number];

/** A code with its name: an ancestor in a path, or a suggestion. */
export interface CodeName {
  code: string;
  name: string;
}

/** One entry of a taxonomy, with its ancestors from the root (the entry itself not included). */
export interface TaxonomyNode<L extends TaxonomyLevel = TaxonomyLevel> {
  readonly code: string;
  readonly name: string;
  readonly level: L;
  readonly parent: string | null;
  readonly path: readonly CodeName[];
  /** Occupations: job-board titles that mean this occupation. */
  readonly aliases?: readonly string[];
  /** Industries: the section letter (A–T). */
  readonly section?: string;
}

/** How an `ok` resolution was reached, from the most to the least literal. */
export type MatchedBy = "code" | "name" | "short_name" | "alias" | "qualified_name" | "common_region" | "chain";

export interface Candidate<L extends TaxonomyLevel = TaxonomyLevel> {
  code: string;
  name: string;
  level: L;
  path: CodeName[];
}

/** What a name or code resolves to: one entry, several equally good ones, or none (with near misses). */
export type Resolution<L extends TaxonomyLevel = TaxonomyLevel> =
  | { status: "ok"; code: string; name: string; level: L; matchedBy: MatchedBy }
  | { status: "ambiguous"; candidates: Candidate<L>[] }
  | { status: "unknown"; suggestions: CodeName[] };

export interface RegionResolveOptions {
  /** Only entries of this level can match. */
  level?: RegionLevel;
  /** A region code (e.g. the tenant's region) that narrows several matches to those inside it, else inside its province. */
  within?: string;
  /** Codes of places named beside this one (the row's other place columns): they narrow first. */
  near?: readonly string[];
}
