import { describe, expect, it } from "vitest";
import { normalizeText, tokenize } from "../../matching/index.ts";

describe("normalizeText", () => {
  it.each([
    ["ＪＡＶＡ　工程师", "java 工程师"],
    ["PLC编程，熟练！", "plc编程 熟练"],
    ["C++/C#（必备）", "c++ c# 必备"],
    ["Node.js、Vue", "node.js vue"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe("tokenize", () => {
  it.each([
    ["Java工程师", ["java", "工程"]],
    ["PLC编程", ["plc", "编程"]],
    ["C++ 与 Node.js", ["c++", "node.js"]],
    ["熟悉Spring Boot框架", ["spring", "boot", "框架"]],
  ])("%s contains %j", (input, terms) => {
    expect(tokenize(input)).toEqual(expect.arrayContaining(terms));
  });

  it("adds bigrams so a term split by the segmenter still matches the unsplit one", () => {
    // Intl.Segmenter gives 新|材料; the bigram 新材 connects it to 新材料 wherever it appears.
    const a = new Set(tokenize("新材料"));
    const b = tokenize("铝镍硅新材料研发");
    expect(b.filter((t) => a.has(t))).toEqual(expect.arrayContaining(["新材", "材料"]));
  });

  it("drops stopwords and bare numbers", () => {
    const terms = tokenize("3年以上相关工作经验，优先");
    expect(terms).not.toContain("经验");
    expect(terms).not.toContain("优先");
    expect(terms).not.toContain("3");
  });

  it("keeps a single-character CJK run (铝) as a term", () => {
    expect(tokenize("铝")).toEqual(["铝"]);
  });

  it("is the same for full-width and half-width input", () => {
    expect(tokenize("ＰＬＣ编程")).toEqual(tokenize("PLC编程"));
  });
});
