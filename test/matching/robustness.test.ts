import { describe, expect, it } from "vitest";
import type { EngagementMode } from "../../matching/index.ts";
import { prepareDemand } from "../../matching/index.ts";
import { demand, score, talent, valueOf } from "./fixtures.ts";
import { lexicon } from "./lexicon.ts";

describe("robustness to what storage may hand over", () => {
  it("ignores unknown engagement modes instead of corrupting the mask", () => {
    const r = score(talent({ modes: ["bogus" as EngagementMode, "project"] }), demand({ modes: ["project"] }));
    expect(r.vetoed).toBe(false);
    expect(valueOf(r, "mode")).toBe(1);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])("treats a non-finite number (%s) as not stated", (n) => {
    const r = score(talent({ yearsExperience: n, expectedSalary: n }), demand({ minYearsExperience: 3 }));
    expect(valueOf(r, "experience")).toBe(0);
    expect(valueOf(r, "salary")).toBeNaN();
    expect(Number.isFinite(r.score)).toBe(true);
  });

  it("prepares a very long description in reasonable time, with every term matchable", () => {
    const words = Array.from({ length: 4000 }, (_, i) => `技能${String.fromCharCode(0x4e00 + (i % 2000))}${i}`).join("，");
    const t0 = performance.now();
    const d = prepareDemand({ id: "dem_long", title: "研发工程师", description: words }, lexicon);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(d.vocab.length).toBeGreaterThan(2000);
    for (const w of [d.text, d.titleTerms]) for (const [i, slot] of w.slots.entries()) expect(d.vocab[slot]).toBe(w.ids[i]);
  });
});
