import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_WEIGHTS, prepareDemand, prepareTalent, rankScore, scoreDemand } from "../../matching/index.ts";
import { SKILLS, demandArb, talentArb } from "./arbitraries.ts";
import { NOW } from "./fixtures.ts";
import { lexicon } from "./lexicon.ts";

const RUNS = { numRuns: 300 };

describe("score properties", () => {
  it("is within 0–100, side fits too, and equals the fast ranking score", () => {
    fc.assert(
      fc.property(talentArb, demandArb, (t, d) => {
        const tf = prepareTalent(t, lexicon);
        const df = prepareDemand(d, lexicon);
        const r = scoreDemand(tf, df, DEFAULT_WEIGHTS, NOW);
        for (const x of [r.score, r.enterpriseFit, r.talentFit]) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(100);
        }
        for (const c of r.components) expect(c.value).toBeGreaterThanOrEqual(0);
        expect(rankScore(tf, df, DEFAULT_WEIGHTS, NOW)).toBe(r.vetoed ? -1 : r.score);
      }),
      RUNS,
    );
  });

  it("is deterministic: same inputs, same output, independent of what was scored before", () => {
    fc.assert(
      fc.property(talentArb, demandArb, talentArb, (t, d, other) => {
        const first = scoreDemand(prepareTalent(t, lexicon), prepareDemand(d, lexicon), DEFAULT_WEIGHTS, NOW);
        scoreDemand(prepareTalent(other, lexicon), prepareDemand(d, lexicon), DEFAULT_WEIGHTS, NOW);
        const again = scoreDemand(prepareTalent({ ...t }, lexicon), prepareDemand({ ...d }, lexicon), DEFAULT_WEIGHTS, NOW);
        expect(again).toEqual(first);
      }),
      { numRuns: 150 },
    );
  });

  it("is monotone: gaining a required skill never lowers the score", () => {
    fc.assert(
      fc.property(talentArb, demandArb, fc.constantFrom(...SKILLS), (t, d, extra) => {
        const dd = { ...d, requiredSkills: [...(d.requiredSkills ?? []), extra] };
        const df = prepareDemand(dd, lexicon);
        const before = scoreDemand(prepareTalent(t, lexicon), df, DEFAULT_WEIGHTS, NOW);
        const after = scoreDemand(prepareTalent({ ...t, skills: [...(t.skills ?? []), extra] }, lexicon), df, DEFAULT_WEIGHTS, NOW);
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        expect(after.enterpriseFit).toBeGreaterThanOrEqual(before.enterpriseFit);
      }),
      RUNS,
    );
  });
});
