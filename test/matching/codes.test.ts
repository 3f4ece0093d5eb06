import { describe, expect, it } from "vitest";
import { codeSimilarity, packIndustry, packOccupation } from "../../matching/codes.ts";
import { INDUSTRY_BY_DEPTH, OCCUPATION_BY_DEPTH } from "../../matching/components.ts";
import { buildLexicon } from "../../matching/index.ts";
import { lexicon } from "./lexicon.ts";

const ind = (a: string, b: string, lex = lexicon): number => codeSimilarity(packIndustry(lex, a), packIndustry(lex, b), INDUSTRY_BY_DEPTH);
const occ = (a: string, b: string): number => codeSimilarity(packOccupation(a), packOccupation(b), OCCUPATION_BY_DEPTH);

describe("packed codes", () => {
  it.each([
    ["2614", "2614", 1],
    ["C", "2614", 1],
    ["261", "2614", 1],
    ["2611", "2614", 0.75],
    ["2621", "2614", 0.5],
    ["2511", "2614", 0.25],
    ["A", "C", 0],
    ["0111", "2614", 0],
  ])("industry %s vs %s → %d", (a, b, v) => {
    expect(ind(a, b)).toBe(v);
    expect(ind(b, a)).toBe(v);
  });

  it.each([
    ["2-02-09-04", "2-02-09-04", 1],
    ["2-02", "2-02-09-04", 1],
    ["2-02-09-01", "2-02-09-04", 0.7],
    ["2-02-10-01", "2-02-09-04", 0.4],
    ["2-05-01-01", "2-02-09-04", 0.15],
    ["4-01-02-01", "2-02-09-04", 0],
  ])("occupation %s vs %s → %d", (a, b, v) => {
    expect(occ(a, b)).toBe(v);
  });

  it.each(["", "26x", "12345", "2-02-x"])("an invalid code (%j) packs to 0 and matches nothing", (bad) => {
    expect(packIndustry(lexicon, bad) === 0 || packOccupation(bad) === 0).toBe(true);
    expect(codeSimilarity(0, packIndustry(lexicon, "2614"), INDUSTRY_BY_DEPTH)).toBe(0);
  });

  it("compares from the division when the lexicon does not know the section", () => {
    const bare = buildLexicon({});
    expect(ind("2611", "2614", bare)).toBe(0.75);
    expect(ind("2511", "2614", bare)).toBe(0);
  });
});
