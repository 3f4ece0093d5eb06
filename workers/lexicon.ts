import cities from "../data/taxonomy/cities.json" with { type: "json" };
import industries from "../data/taxonomy/industries.json" with { type: "json" };
import occupations from "../data/taxonomy/occupations.json" with { type: "json" };
import provinces from "../data/taxonomy/provinces.json" with { type: "json" };
import { buildLexicon, type Lexicon } from "../matching/index.ts";

let memo: Lexicon | null = null;

/**
 * The matching core's lexicon over the shipped taxonomies. Built on first use, not at import, so a
 * Worker isolate that never matches never pays for it; then kept for the isolate's life.
 */
export function lexicon(): Lexicon {
  memo ??= buildLexicon({ industries, occupations, cities, provinces });
  return memo;
}
