import { describe, expect, it } from "vitest";
import { DEFAULT_WEIGHTS, prepareDemand, prepareTalent, resolveWeights, scoreDemand } from "../../matching/index.ts";
import { NOW, demand, score, talent } from "./fixtures.ts";
import { lexicon } from "./lexicon.ts";

describe("explanations", () => {
  it("contributions add up to the score, and side fits combine with the enterprise share", () => {
    const r = score(talent({ yearsExperience: 1, title: "junior", skills: ["有机合成"] }), demand());
    const sum = r.components.reduce((a, c) => a + c.contribution, 0);
    expect(Math.abs(sum - r.score)).toBeLessThan(0.6); // each contribution is rounded to 0.1
    expect(r.score).toBeCloseTo(0.6 * r.enterpriseFit + 0.4 * r.talentFit, 0);
  });

  it("lists a missing required skill and a title one level short as gaps, with their gains", () => {
    const r = score(talent({ skills: ["有机合成"], title: "intermediate" }), demand({ minTitle: "associate_senior" }));
    const keys = r.gaps.map((g) => g.key);
    expect(keys).toContain("skill:催化剂研发");
    expect(keys).toContain("title");
    for (const g of r.gaps) expect(g.gain).toBeGreaterThan(0);
    expect([...r.gaps].sort((a, b) => b.gain - a.gain)).toEqual(r.gaps);
  });

  it("a gap's gain is what closing it actually adds (to rounding)", () => {
    const before = score(talent({ title: "intermediate", id: "tal_gap" }), demand({ id: "dem_gap", minTitle: "associate_senior" }));
    const after = score(talent({ title: "associate_senior", id: "tal_gap" }), demand({ id: "dem_gap", minTitle: "associate_senior" }));
    const gain = before.gaps.find((g) => g.key === "title")?.gain ?? 0;
    expect(Math.abs(after.score - before.score - gain)).toBeLessThanOrEqual(0.15);
  });

  it("gives one-line reasons in both languages", () => {
    const r = score(talent(), demand());
    expect(r.reasonZh).toMatch(/^匹配度 [\d.]+ 分/);
    expect(r.reasonEn).toMatch(/^[\d.]+\/100/);
    expect(r.reasonZh).not.toContain("\n");
    for (const c of r.components) expect(c.reasonZh.length * c.reasonEn.length).toBeGreaterThan(0);
  });

  it("ranks a match both sides want above one only the enterprise wants", () => {
    const d = demand({ city: "1502", salaryMax: 20000 });
    const mutual = score(talent({ currentCity: "1502", expectedSalary: 18000 }), d);
    const oneSided = score(talent({ currentCity: "4403", willingToRelocate: true, expectedSalary: 30000, modes: ["part_time", "full_time"] }), d);
    expect(mutual.enterpriseFit).toBeCloseTo(oneSided.enterpriseFit, 0);
    expect(mutual.talentFit).toBeGreaterThan(oneSided.talentFit);
    expect(mutual.score).toBeGreaterThan(oneSided.score);
  });

  it("applies tenant weights: zeroing location removes its effect", () => {
    const w = resolveWeights({ components: { location: 0 } });
    const d = prepareDemand(demand(), lexicon);
    const near = scoreDemand(prepareTalent(talent({ currentCity: "1502" }), lexicon), d, w, NOW);
    const far = scoreDemand(prepareTalent(talent({ currentCity: "4403" }), lexicon), d, w, NOW);
    expect(near.score).toBe(far.score);
    expect(scoreDemand(prepareTalent(talent({ currentCity: "1502" }), lexicon), d, DEFAULT_WEIGHTS, NOW).score).toBeGreaterThan(
      scoreDemand(prepareTalent(talent({ currentCity: "4403" }), lexicon), d, DEFAULT_WEIGHTS, NOW).score,
    );
  });
});
