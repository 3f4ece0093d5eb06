import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateStable, findBlockingPairs, preferencesFromScores } from "../../matching/index.ts";
import type { AllocationInput, ScoredEdge } from "../../matching/index.ts";

describe("allocateStable: examples", () => {
  it("gives each demand its preferred talents up to capacity and says why others are left", () => {
    const input: AllocationInput = {
      demands: [
        { id: "d1", capacity: 1, prefs: ["t1", "t2", "t3"] },
        { id: "d2", capacity: 1, prefs: ["t1"] },
      ],
      talents: [
        { id: "t1", prefs: ["d1", "d2"] },
        { id: "t2", prefs: ["d1"] },
        { id: "t3", prefs: ["d2"] },
        { id: "t4", prefs: [], vetoedBy: 2 },
        { id: "t5", prefs: [] },
      ],
    };
    const r = allocateStable(input);
    expect(r.matches.map((m) => `${m.talentId}-${m.demandId}`)).toEqual(["t1-d1"]);
    expect(Object.fromEntries(r.unmatchedTalents.map((u) => [u.talentId, u.reason]))).toEqual({
      t2: "outranked",
      t3: "not_on_demand_lists",
      t4: "vetoed_everywhere",
      t5: "no_acceptable_demand",
    });
    expect(r.unfilledDemands).toEqual([{ demandId: "d2", open: 1, reason: "talents_matched_elsewhere" }]);
    expect(findBlockingPairs(input, r)).toEqual([]);
  });

  it("findBlockingPairs catches an unstable assignment", () => {
    const input: AllocationInput = {
      demands: [
        { id: "d1", capacity: 1, prefs: ["t1", "t2"] },
        { id: "d2", capacity: 1, prefs: ["t2", "t1"] },
      ],
      talents: [
        { id: "t1", prefs: ["d1", "d2"] },
        { id: "t2", prefs: ["d2", "d1"] },
      ],
    };
    const swapped = { matches: [{ talentId: "t1", demandId: "d2", talentRank: 1, demandRank: 1 }, { talentId: "t2", demandId: "d1", talentRank: 1, demandRank: 1 }], unmatchedTalents: [], unfilledDemands: [] };
    expect(findBlockingPairs(input, swapped)).toEqual([{ talentId: "t1", demandId: "d1" }, { talentId: "t2", demandId: "d2" }]);
    expect(findBlockingPairs(input, allocateStable(input))).toEqual([]);
  });

  it("builds truncated lists from scores, ties by id, vetoed pairs excluded", () => {
    const edges: ScoredEdge[] = [
      { talentId: "t1", demandId: "d1", talentValue: 50, demandValue: 90 },
      { talentId: "t1", demandId: "d2", talentValue: 50, demandValue: 10 },
      { talentId: "t1", demandId: "d3", talentValue: 40, demandValue: 10 },
      { talentId: "t2", demandId: "d1", talentValue: 70, demandValue: 95, vetoed: true },
    ];
    const input = preferencesFromScores(["t1", "t2"], [{ id: "d1", capacity: 1 }, { id: "d2", capacity: 1 }, { id: "d3", capacity: 1 }], edges, { talentListLength: 2 });
    expect(input.talents).toEqual([
      { id: "t1", prefs: ["d1", "d2"], vetoedBy: 0 },
      { id: "t2", prefs: [], vetoedBy: 1 },
    ]);
    expect(input.demands[0]?.prefs).toEqual(["t1"]);
  });
});

const market = fc
  .record({ talents: fc.integer({ min: 1, max: 25 }), demands: fc.integer({ min: 1, max: 8 }), seed: fc.integer() })
  .chain(({ talents, demands }) =>
    fc.record({
      caps: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: demands, maxLength: demands }),
      edges: fc.array(
        fc.record({ t: fc.integer({ min: 0, max: talents - 1 }), d: fc.integer({ min: 0, max: demands - 1 }), tv: fc.integer({ min: 0, max: 9 }), dv: fc.integer({ min: 0, max: 9 }) }),
        { maxLength: talents * demands },
      ),
      tN: fc.integer({ min: 1, max: 5 }),
      dN: fc.integer({ min: 1, max: 8 }),
      talents: fc.constant(talents),
    }),
  );

describe("allocateStable: properties", () => {
  it("is stable over the truncated lists, respects capacity, and matches only mutually acceptable pairs", () => {
    fc.assert(
      fc.property(market, ({ caps, edges, tN, dN, talents }) => {
        const uniq = new Map(edges.map((e) => [`${e.t}-${e.d}`, e]));
        const input = preferencesFromScores(
          Array.from({ length: talents }, (_, i) => `t${i}`),
          caps.map((c, i) => ({ id: `d${i}`, capacity: c })),
          [...uniq.values()].map((e) => ({ talentId: `t${e.t}`, demandId: `d${e.d}`, talentValue: e.tv, demandValue: e.dv })),
          { talentListLength: tN, demandListLength: dN },
        );
        const r = allocateStable(input);
        expect(findBlockingPairs(input, r)).toEqual([]);
        const perDemand = new Map<string, number>();
        const seen = new Set<string>();
        for (const m of r.matches) {
          expect(seen.has(m.talentId)).toBe(false);
          seen.add(m.talentId);
          perDemand.set(m.demandId, (perDemand.get(m.demandId) ?? 0) + 1);
          expect(input.talents.find((t) => t.id === m.talentId)?.prefs).toContain(m.demandId);
          expect(input.demands.find((d) => d.id === m.demandId)?.prefs).toContain(m.talentId);
        }
        for (const d of input.demands) expect(perDemand.get(d.id) ?? 0).toBeLessThanOrEqual(d.capacity);
        expect(r.matches.length + r.unmatchedTalents.length).toBe(talents);
      }),
      { numRuns: 300 },
    );
  });
});
