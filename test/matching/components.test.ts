import { describe, expect, it } from "vitest";
import { demand, score, scoreP, talent, project, valueOf } from "./fixtures.ts";

describe("industry: same class > group > division > section", () => {
  it.each([
    ["2614", "2614", 1],
    ["2613", "2614", 0.75],
    ["2621", "2614", 0.5],
    ["3311", "2614", 0.25],
    ["6513", "2614", 0],
    ["2614", "26", 1], // the demand asks for the division: a talent inside it meets it
  ])("talent %s vs demand %s → %d", (t, d, v) => {
    expect(valueOf(score(talent({ industryCodes: [t] }), demand({ industryCode: d })), "industry")).toBe(v);
  });

  it("takes the best of several talent codes", () => {
    expect(valueOf(score(talent({ industryCodes: ["6513", "2613"] }), demand({ industryCode: "2614" })), "industry")).toBe(0.75);
  });
});

describe("occupation: hierarchy plus aliases", () => {
  it.each([
    ["2-02-06-03", 1],
    ["2-02-06-01", 0.7],
    ["2-02-10-03", 0.4],
    ["4-01-01-01", 0],
  ])("talent %s vs demand 2-02-06-03 → %d", (code, v) => {
    expect(valueOf(score(talent({ occupationCodes: [code], skills: [] }), demand()), "occupation")).toBe(v);
  });

  it("infers the occupation from an alias in the skills (化工工程师 → 2-02-06-03)", () => {
    expect(valueOf(score(talent({ occupationCodes: [], skills: ["化工工程师"] }), demand()), "occupation")).toBe(1);
  });

  it("infers the demand's occupation from its title when no code is given", () => {
    const r = score(talent({ occupationCodes: ["2-02-10-03"], skills: [] }), demand({ occupationCode: undefined, title: "Java开发工程师" }));
    expect(valueOf(r, "occupation")).toBe(1);
  });
});

describe("education, qualification, experience, category, urgency", () => {
  it.each([
    [{ education: "doctor" as const }, { minEducation: "master" as const }, "education", 1],
    [{ education: undefined }, { minEducation: "master" as const }, "education", 0.3],
    [{ title: "intermediate" as const }, { minTitle: "intermediate" as const }, "qualification", 1],
    [{ title: "intermediate" as const }, { minTitle: "associate_senior" as const }, "qualification", 0.5],
    [{ title: "junior" as const }, { minTitle: "senior" as const }, "qualification", 0],
    [{ title: undefined, skillLevel: "technician" as const }, { minTitle: undefined, minSkillLevel: "technician" as const }, "qualification", 1],
    [{ title: undefined, skillLevel: "advanced" as const }, { minTitle: undefined, minSkillLevel: "senior_technician" as const }, "qualification", 0.2],
    [{ yearsExperience: 2 }, { minYearsExperience: 4 }, "experience", 0.5],
    [{ yearsExperience: 9 }, { minYearsExperience: 4 }, "experience", 1],
    [{ yearsExperience: undefined }, { minYearsExperience: 4 }, "experience", 0],
    [{ categoryLevel: 3 }, { categoryLevel: 4 }, "category", 1],
    [{ categoryLevel: 5 }, { categoryLevel: 4 }, "category", 0.5],
    [{ categoryLevel: undefined }, { categoryLevel: 4 }, "category", 0.2],
    [{}, { urgency: 5 }, "urgency", 1],
    [{}, { urgency: 1 }, "urgency", 0.2],
  ])("%j vs %j → %s %d", (t, d, key, v) => {
    expect(valueOf(score(talent(t), demand(d)), key)).toBe(v);
  });

  it.each(["education", "qualification", "experience", "category", "urgency", "salary"])("%s does not apply when the demand does not ask", (key) => {
    const r = score(
      talent(),
      demand({ minEducation: undefined, minTitle: undefined, minYearsExperience: undefined, categoryLevel: undefined, urgency: undefined, salaryMin: undefined, salaryMax: undefined }),
    );
    expect(valueOf(r, key)).toBeNaN();
    expect(r.components.find((c) => c.key === key)?.contribution).toBe(0);
  });
});

describe("location: same city > same province > returnee origin > willing to relocate", () => {
  it.each([
    [{ currentCity: "1502" }, 1],
    [{ currentCity: "4403", desiredCities: ["1502"] }, 1],
    [{ currentCity: "1501" }, 0.75],
    [{ currentCity: "4403", originCity: "1502" }, 0.6],
    [{ currentCity: "4403", originCity: "1501" }, 0.5],
    [{ currentCity: "4403" }, 0.35],
    [{ currentCity: "4403", willingToRelocate: false, modes: ["project" as const] }, 0.1],
  ])("%j → %d", (t, v) => {
    expect(valueOf(score(talent(t), demand({ city: "1502", modes: ["full_time", "project"] })), "location")).toBe(v);
  });
});

describe("mode and salary", () => {
  it.each([
    [["full_time", "project"], ["full_time"], 1],
    [["project", "consulting", "full_time"], ["full_time"], 0.8],
    [undefined, ["seasonal"], 1],
  ] as const)("talent %j vs offered %j → %d", (tm, dm, v) => {
    expect(valueOf(score(talent({ modes: tm }), demand({ modes: dm })), "mode")).toBe(v);
  });

  it.each([
    [15000, 1],
    [20000, 1],
    [25000, 0.6],
    [40000, 0],
  ])("expected %d vs band 12000–20000 → %d", (expected, v) => {
    expect(valueOf(score(talent({ expectedSalary: expected }), demand({ salaryMin: 12000, salaryMax: 20000 })), "salary")).toBeCloseTo(v, 3);
  });
});

describe("skills and text relevance", () => {
  it.each([
    [["有机合成", "催化剂研发"], 1],
    [["有机合成"], 0.5],
    [[], 0],
  ])("required coverage with skills %j", (skills, cover) => {
    const r = score(talent({ skills, occupationCodes: [] }), demand({ description: "", title: "岗位", preferredSkills: [] }));
    // Text relevance is one quarter of the component; the required share is 0.6 of 0.85.
    const v = valueOf(r, "skills");
    expect(v).toBeGreaterThanOrEqual((0.6 / 0.85) * cover - 1e-9);
  });

  it("matches mixed Chinese/English skills across spellings (ＰＬＣ编程 vs PLC 编程)", () => {
    const r = score(talent({ skills: ["ＰＬＣ编程"] }), demand({ requiredSkills: ["PLC 编程"] }));
    expect(r.components.find((c) => c.key === "skills")?.reasonEn).toContain("1 of 1 required");
  });

  it("scores projects on the same machinery, with demand-only components left out", () => {
    const r = scoreP(talent({ modes: ["equity"] }), project());
    expect(r.kind).toBe("project");
    expect(valueOf(r, "education")).toBeNaN();
    expect(valueOf(r, "mode")).toBe(1);
    expect(r.score).toBeGreaterThan(50);
  });
});

describe("component layout", () => {
  it("the fast-path index of each component matches COMPONENT_KEYS", async () => {
    const { C } = await import("../../matching/components.ts");
    const { COMPONENT_KEYS } = await import("../../matching/index.ts");
    expect(Object.entries(C).map(([k, i]) => COMPONENT_KEYS[i] === k)).not.toContain(false);
    expect(Object.keys(C)).toHaveLength(COMPONENT_KEYS.length);
  });
});
