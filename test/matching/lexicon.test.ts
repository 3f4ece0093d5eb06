import { describe, expect, it } from "vitest";
import { buildLexicon, inferOccupations, provinceOf, resolveCity } from "../../matching/index.ts";
import { lexicon } from "./lexicon.ts";

describe("lexicon", () => {
  it.each([
    ["深圳", "4403"],
    ["深圳市", "4403"],
    ["440305", "4403"],
    ["包头", "1502"],
    ["北京", "1101"],
    ["上海-奉贤区", "3101"],
  ])("resolveCity(%s) → %s", (input, code) => {
    expect(resolveCity(lexicon, input)).toBe(code);
  });

  it("knows the province of a city, and falls back to the code prefix", () => {
    expect(provinceOf(lexicon, "1502")).toBe("15");
    expect(provinceOf(buildLexicon({}), "4403")).toBe("44");
  });

  it.each([
    ["Java开发工程师", "2-02-10-03"],
    ["资深运维工程师", "2-02-10-08"],
    ["客服", "4-04-05-03"],
  ])("infers the occupation of %s from names and aliases", (title, code) => {
    expect(inferOccupations(lexicon, title)).toContain(code);
  });

  it("does not infer from a two-character alias inside a longer title", () => {
    expect(inferOccupations(lexicon, "客服部门文件整理")).not.toContain("4-04-05-03");
  });

  it("learns low weights for terms common across the taxonomy, and leaves specific ones at 1", async () => {
    const { termId } = await import("../../matching/index.ts");
    expect(lexicon.termWeight.get(termId("工程")) ?? 1).toBeLessThan(0.5);
    expect(lexicon.termWeight.get(termId("针灸")) ?? 1).toBe(1);
  });
});
