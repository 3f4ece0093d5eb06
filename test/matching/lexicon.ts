/** The shipped taxonomy as a Lexicon, shared by the matching tests. */
import cities from "../../data/taxonomy/cities.json" with { type: "json" };
import industries from "../../data/taxonomy/industries.json" with { type: "json" };
import occupations from "../../data/taxonomy/occupations.json" with { type: "json" };
import provinces from "../../data/taxonomy/provinces.json" with { type: "json" };
import { buildLexicon } from "../../matching/index.ts";

export const lexicon = buildLexicon({ industries, occupations, cities, provinces });
