import { describe, expect, it } from "vitest";
import { demand, score, talent, valueOf } from "./fixtures.ts";

// Places are stored at the level they were given: a district (150624), a city (1506), a province (15).
describe("location on every level of GB/T 2260", () => {
  it.each([
    ["a demand in a banner, a talent who wants its city", { currentCity: "110108", desiredCities: ["1506"] }, "150624", 1],
    ["a demand in a city, a talent who wants one of its districts", { currentCity: "4403", desiredCities: ["150602"] }, "1506", 1],
    ["a demand in a banner, a talent living in another district of the city", { currentCity: "150602" }, "150624", 1],
    ["a talent who wants the whole province", { currentCity: "4403", desiredCities: ["15"] }, "150624", 1],
    ["a talent who lives somewhere in the province", { currentCity: "15" }, "1502", 0.75],
    ["a district of Beijing is Beijing", { currentCity: "110108" }, "1101", 1],
    ["a county of Chongqing (5002…) is Chongqing (5001)", { currentCity: "500229" }, "500101", 1],
    ["another province is no match", { currentCity: "4403", desiredCities: ["44"] }, "150624", 0.35],
  ])("%s", (_label, t, city, v) => {
    expect(valueOf(score(talent(t), demand({ city, modes: ["full_time", "project"] })), "location")).toBe(v);
  });

  it("vetoes every city of a refused province", () => {
    expect(score(talent({ refusedCities: ["15"] }), demand({ city: "150624" })).vetoes.map((v) => v.key)).toEqual(["city"]);
    expect(score(talent({ refusedCities: ["15"] }), demand({ city: "4403" })).vetoes).toEqual([]);
  });

  it("lets a talent who will not move but wants the province pass the city veto", () => {
    const r = score(talent({ currentCity: "4403", desiredCities: ["15"], willingToRelocate: false, modes: ["full_time"] }), demand({ city: "150624", modes: ["full_time"] }));
    expect(r.vetoes).toEqual([]);
  });
});
