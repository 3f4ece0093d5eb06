import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_WEIGHTS, indexKeys, prepareDemand, prepareTalent, queryKeys, rankScore, topK, topTalents } from "../../matching/index.ts";
import { demandArb, talentArb } from "./arbitraries.ts";
import { NOW, demand, talent } from "./fixtures.ts";
import { lexicon } from "./lexicon.ts";

const byScore = (xs: { id: string; s: number }[]): string[] =>
  xs.filter((x) => x.s >= 0).sort((a, b) => b.s - a.s || (a.id < b.id ? -1 : 1)).map((x) => x.id);

describe("topK", () => {
  it.each([0, 1, 3, 10])("k=%d equals a full sort, ties broken by ascending id", (k) => {
    const items = ["e", "b", "a", "d", "c", "f"].map((id, i) => ({ id, s: i % 3 === 0 ? -1 : i % 2 }));
    const got = topK(null, items, k, (_, c) => c.s).map((r) => r.id);
    expect(got).toEqual(byScore(items).slice(0, k));
  });

  it("matches full sorting on random scores (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ id: fc.string({ maxLength: 3 }), s: fc.integer({ min: -1, max: 5 }) })), fc.integer({ min: 0, max: 12 }), (raw, k) => {
        const items = [...new Map(raw.map((x) => [x.id, x])).values()];
        expect(topK(null, items, k, (_, c) => c.s).map((r) => r.id)).toEqual(byScore(items).slice(0, k));
      }),
      { numRuns: 200 },
    );
  });

  it("topTalents ranks prepared talents by the same score as scoreDemand, vetoed ones dropped", () => {
    fc.assert(
      fc.property(demandArb, fc.uniqueArray(talentArb, { selector: (t) => t.id, maxLength: 30 }), (d, ts) => {
        const df = prepareDemand(d, lexicon);
        const tfs = ts.map((t) => prepareTalent(t, lexicon));
        const want = byScore(tfs.map((t) => ({ id: t.id, s: rankScore(t, df, DEFAULT_WEIGHTS, NOW) }))).slice(0, 5);
        expect(topTalents(df, tfs, 5, DEFAULT_WEIGHTS, NOW).map((r) => r.id)).toEqual(want);
      }),
      { numRuns: 60 },
    );
  });
});

describe("index keys", () => {
  it("a talent sharing a skill, industry group or occupation minor group with a demand shares a key", () => {
    const d = prepareDemand(demand({ requiredSkills: ["PLC编程"], industryCode: "2614", occupationCode: "2-02-06-03" }), lexicon);
    const q = new Set(queryKeys(d, lexicon));
    const cases = [
      talent({ skills: ["plc 编程"], industryCodes: [], occupationCodes: [] }),
      talent({ skills: [], industryCodes: ["2613"], occupationCodes: [] }),
      talent({ skills: [], industryCodes: [], occupationCodes: ["2-02-06-01"] }),
    ];
    for (const t of cases) expect(indexKeys(prepareTalent(t, lexicon), lexicon).some((k) => q.has(k))).toBe(true);
    const unrelated = prepareTalent(talent({ skills: ["会计"], industryCodes: ["6513"], occupationCodes: ["4-01-01-01"] }), lexicon);
    expect(indexKeys(unrelated, lexicon).some((k) => q.has(k))).toBe(false);
  });

  it("keys are sorted strings with typed prefixes", () => {
    const keys = indexKeys(prepareTalent(talent(), lexicon), lexicon);
    expect([...keys].sort()).toEqual(keys);
    for (const k of keys) expect(k).toMatch(/^(t:[0-9a-z]+|i:[0-9A-Z]+|o:[0-9-]+)$/);
  });
});
