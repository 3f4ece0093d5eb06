import { describe, expect, it } from "vitest";
import { queryTerms, searchTerms } from "../../matching/index.ts";

describe("search terms", () => {
  it.each([
    ["Python", ["python"]],
    ["ＰＹＴＨＯＮ", ["python"]],
    ["C++ 与 Node.js", ["c++", "与", "node.js"]],
    ["煤化工", ["煤化", "化工"]],
    ["李", ["李"]],
    ["！？", []],
  ])("%s → %j", (text, terms) => {
    expect(queryTerms(text)).toEqual(terms);
  });

  it("finds a query's bigrams in a longer text however the segmenter would cut it", () => {
    const doc = new Set(searchTerms("鄂尔多斯市煤化工工艺工程师"));
    for (const q of ["煤化工", "工艺工程", "尔多"]) for (const term of queryTerms(q)) expect(doc.has(term)).toBe(true);
  });

  it("adds single characters only when asked (names)", () => {
    expect(searchTerms("李明")).toEqual(["李明"]);
    expect(searchTerms("李明", { unigrams: true }).sort()).toEqual(["李", "明", "李明"].sort());
  });
});
