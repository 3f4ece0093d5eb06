import { describe, expect, it } from "vitest";
import { DEFAULT_WEIGHTS, InvalidWeightsError, resolveWeights } from "../../matching/index.ts";

describe("resolveWeights", () => {
  it("returns the defaults for no overrides", () => {
    expect(resolveWeights(undefined)).toEqual(DEFAULT_WEIGHTS);
  });

  it("merges a partial override", () => {
    const w = resolveWeights({ components: { skills: 50 }, enterpriseShare: 0.7 });
    expect(w.components.skills).toBe(50);
    expect(w.components.location).toBe(DEFAULT_WEIGHTS.components.location);
    expect(w.enterpriseShare).toBe(0.7);
  });

  it.each([
    [{ components: { nonsense: 1 } }, "components.nonsense"],
    [{ components: { skills: -1 } }, "components.skills"],
    [{ components: { skills: "10" } }, "components.skills"],
    [{ components: { skills: Number.NaN } }, "components.skills"],
    [{ enterpriseShare: 1.5 }, "enterpriseShare"],
    [{ components: { location: 0, mode: 0, salary: 0 } }, "components"],
  ])("rejects %j at %s", (overrides, field) => {
    expect(() => resolveWeights(overrides)).toThrow(InvalidWeightsError);
    try {
      resolveWeights(overrides);
    } catch (e) {
      expect((e as InvalidWeightsError).field).toBe(field);
    }
  });
});
