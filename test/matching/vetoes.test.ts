import { describe, expect, it } from "vitest";
import { NOW, demand, score, talent } from "./fixtures.ts";

const DAY = 86_400_000;

describe("hard filters veto before scoring, and are reported", () => {
  it.each([
    ["education", { education: "associate" as const }, { minEducation: "bachelor" as const }],
    ["mode", { modes: ["consulting" as const] }, { modes: ["full_time" as const] }],
    ["city", { refusedCities: ["1502"] }, { city: "1502" }],
    ["city", { currentCity: "4403", willingToRelocate: false, modes: ["full_time" as const] }, { city: "1502", modes: ["full_time" as const, "project" as const] }],
    ["expired", {}, { validUntil: NOW - DAY }],
    ["filled", {}, { headcount: 2, filled: 2 }],
  ])("%s", (key, t, d) => {
    const r = score(talent(t), demand(d));
    expect(r.vetoed).toBe(true);
    expect(r.score).toBe(0);
    expect(r.vetoes.map((v) => v.key)).toEqual([key]);
    expect(r.vetoes[0]?.reasonZh).not.toBe("");
    expect(r.reasonEn).toMatch(/^Not a match/);
    expect(r.passed.map((p) => p.key)).not.toContain(key);
  });

  it.each([
    ["education", { education: undefined }, { minEducation: "doctor" as const }],
    ["city", { currentCity: "4403", willingToRelocate: false, modes: ["project" as const] }, { city: "1502", modes: ["full_time" as const, "project" as const] }],
    ["expired", {}, { validUntil: NOW + DAY }],
    ["filled", {}, { headcount: 2, filled: 1 }],
  ])("%s passes when it should", (key, t, d) => {
    const r = score(talent(t), demand(d));
    expect(r.vetoed).toBe(false);
    expect(r.passed.map((p) => p.key)).toContain(key);
  });

  it("still computes side fits and a gap for a vetoed pair, so the talent learns why", () => {
    const r = score(talent({ education: "bachelor" }), demand({ minEducation: "master" }));
    expect(r.enterpriseFit).toBeGreaterThan(0);
    expect(r.gaps[0]?.key).toBe("education");
    expect(r.gaps[0]?.gain).toBeGreaterThan(50);
  });

  it("reports several vetoes at once", () => {
    const r = score(talent({ education: "associate", refusedCities: ["1502"] }), demand({ minEducation: "master", validUntil: NOW - 1 }));
    expect(r.vetoes.map((v) => v.key).sort()).toEqual(["city", "education", "expired"]);
  });
});
