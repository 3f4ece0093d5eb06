import { describe, expect, it } from "vitest";
import { decodeOffsetCursor, encodeOffsetCursor, queryFingerprint } from "../../workers/taxonomy/cursor.ts";
import { industryTaxonomy, occupationTaxonomy, regionTaxonomy } from "../../workers/taxonomy/data.ts";
import { resolveIndustry, resolveOccupation, resolveRegion, searchTaxonomy } from "../../workers/taxonomy/index.ts";
import { buildTaxonomy } from "../../workers/taxonomy/build.ts";
import { resolveOccupationIn } from "../../workers/taxonomy/resolver.ts";
import { OCCUPATION_LEVELS, type OccupationLevel, type RegionResolveOptions } from "../../workers/taxonomy/types.ts";

const ok = (code: string, matchedBy: string) => expect.objectContaining({ status: "ok", code, matchedBy });

describe("resolveIndustry", () => {
  it.each([
    ["exact division code", "26", ok("26", "code")],
    ["section letter, lower case", "c", ok("C", "code")],
    ["class code with its section", "C2614", ok("2614", "code")],
    ["full-width code", "２６１４", ok("2614", "code")],
    ["exact name", "化学原料和化学制品制造业", ok("26", "name")],
    ["name with spaces and full-width punctuation", " 农，林，牧，渔业 ", ok("A", "name")],
    ["name without 业", "化学原料和化学制品制造", ok("26", "short_name")],
    ["group and its only class of the same name: the group", "其他农业", ok("019", "name")],
  ])("%s: %s", (_label, input, expected) => {
    expect(resolveIndustry(input)).toEqual(expected);
  });

  it("answers the full ok shape", () => {
    expect(resolveIndustry("26")).toEqual({ status: "ok", code: "26", name: "化学原料和化学制品制造业", level: "division", matchedBy: "code" });
  });

  it("refuses a code under the wrong section, suggesting the right one", () => {
    expect(resolveIndustry("B2614")).toEqual({ status: "unknown", suggestions: [{ code: "2614", name: "有机化学原料制造" }] });
  });

  it("suggests the nearest existing ancestor and its children for an unknown code", () => {
    const r = resolveIndustry("2699");
    expect(r.status).toBe("unknown");
    if (r.status !== "unknown") return;
    expect(r.suggestions[0]).toEqual({ code: "26", name: "化学原料和化学制品制造业" });
    expect(r.suggestions.slice(1).every((s) => s.code.startsWith("26") && s.code.length === 3)).toBe(true);
  });

  it("suggests near names for an unknown name", () => {
    const r = resolveIndustry("化学原料制造");
    expect(r).toMatchObject({ status: "unknown" });
    if (r.status === "unknown") expect(r.suggestions.map((s) => s.code)).toContain("261");
  });

  it("has no same-named entries that are not nested, so only the ancestor rule ever applies", () => {
    for (const tax of [industryTaxonomy(), occupationTaxonomy()]) {
      for (const [, nodes] of tax.byName) {
        expect(nodes.some((a) => nodes.every((b) => a === b || b.path.some((p) => p.code === a.code)))).toBe(true);
      }
    }
  });
});

describe("resolveOccupation", () => {
  it.each([
    ["code with dashes", "2-02-09-04", ok("2-02-09-04", "code")],
    ["code without separators", "2020904", ok("2-02-09-04", "code")],
    ["code with dots", "2.02.09", ok("2-02-09", "code")],
    ["full-width code", "２－０２－０９－０４", ok("2-02-09-04", "code")],
    ["exact name", "电子仪器与电子测量工程技术人员", ok("2-02-09-04", "name")],
    ["job-board alias", "联合创始人", ok("1-06-01-01", "alias")],
    ["one part of a slashed alias", "总账主管", ok("1-03-00-02", "alias")],
    ["name without 人员", "电子仪器与电子测量工程技术", ok("2-02-09-04", "short_name")],
    ["minor group and occupation of the same name: the minor group", "国家权力机关负责人", ok("1-02-01", "name")],
  ])("%s: %s", (_label, input, expected) => {
    expect(resolveOccupation(input)).toEqual(expected);
  });

  it("suggests the nearest group for an unknown code", () => {
    const r = resolveOccupation("2-02-09-99");
    expect(r).toMatchObject({ status: "unknown", suggestions: expect.arrayContaining([{ code: "2-02-09", name: expect.any(String) }]) });
  });

  it("answers unknown with no suggestions for nonsense", () => {
    expect(resolveOccupation("qqqqqq")).toEqual({ status: "unknown", suggestions: [] });
  });

  describe("aliases shared by several occupations (a fixture: the shipped aliases are unique today)", () => {
    const tax = buildTaxonomy<OccupationLevel>({
      kind: "occupations",
      levels: OCCUPATION_LEVELS,
      sortKey: (r) => r.code,
      shortName: (k) => k,
      rows: [
        { code: "9", name: "测试大类", parent: null, level: "major" },
        { code: "9-01", name: "测试中类", parent: "9", level: "middle" },
        { code: "9-01-01", name: "测试小类", parent: "9-01", level: "minor" },
        { code: "9-01-01-01", name: "软件工程师", parent: "9-01-01", level: "occupation", aliases: ["Java开发", "程序员/码农"] },
        { code: "9-01-01-02", name: "前端工程师", parent: "9-01-01", level: "occupation", aliases: ["程序员", "软件工程师"] },
      ],
    });
    it.each([
      ["an alias of one", "java 开发", ok("9-01-01-01", "alias")],
      ["an alias of two", "程序员", { status: "ambiguous", candidates: [expect.objectContaining({ code: "9-01-01-01" }), expect.objectContaining({ code: "9-01-01-02" })] }],
      ["an alias of one that is another's exact name", "软件工程师", ok("9-01-01-01", "name")],
    ])("%s: %s", (_label, input, expected) => {
      expect(resolveOccupationIn(tax, input)).toEqual(expected);
    });
  });
});

describe("resolveRegion", () => {
  const cases: [string, string, RegionResolveOptions, unknown][] = [
    ["province code", "15", {}, ok("15", "code")],
    ["area code", "150602", {}, ok("150602", "code")],
    ["6-digit form of a city code", "150600", {}, ok("1506", "code")],
    ["12-digit statistical form", "150000000000", {}, ok("15", "code")],
    ["exact name", "鄂尔多斯市", {}, ok("1506", "name")],
    ["city without 市", "鄂尔多斯", {}, ok("1506", "short_name")],
    ["autonomous region without 自治区", "内蒙古", {}, ok("15", "short_name")],
    ["autonomous prefecture without its peoples", "延边", {}, ok("2224", "short_name")],
    ["full-width and spaced", "　鄂 尔 多 斯 市 ", {}, ok("1506", "name")],
    ["name qualified by province", "北京市朝阳区", {}, ok("110105", "qualified_name")],
    ["name qualified by province and city, short", "内蒙古鄂尔多斯东胜区", {}, ok("150602", "qualified_name")],
    ["exact name narrowed by within", "朝阳区", { within: "22" }, ok("220104", "name")],
    ["short name: the most general level wins", "吉林", {}, ok("22", "short_name")],
    ["short name with a level", "吉林", { level: "city" }, ok("2202", "short_name")],
    ["short name narrowed by within", "朝阳", { within: "11" }, ok("110105", "short_name")],
    ["within never turns a match into a miss", "鄂尔多斯", { within: "11" }, ok("1506", "short_name")],
  ];
  it.each(cases)("%s: %s %j", (_label, input, opts, expected) => {
    expect(resolveRegion(input, opts)).toEqual(expected);
  });

  it("makes 朝阳区 ambiguous between Beijing and Changchun, with paths", () => {
    expect(resolveRegion("朝阳区")).toEqual({
      status: "ambiguous",
      candidates: [
        { code: "110105", name: "朝阳区", level: "area", path: [{ code: "11", name: "北京市" }, { code: "1101", name: "北京市" }] },
        { code: "220104", name: "朝阳区", level: "area", path: [{ code: "22", name: "吉林省" }, { code: "2201", name: "长春市" }] },
      ],
    });
  });

  it("never lets a suffix the input carries reach another kind of place", () => {
    expect(resolveRegion("朝阳区", { level: "city" })).toEqual({ status: "unknown", suggestions: [{ code: "2113", name: "朝阳市" }] });
  });

  it.each(["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", " 市 辖 区 "])("never resolves the placeholder %s by itself", (name) => {
    expect(resolveRegion(name)).toEqual({ status: "unknown", suggestions: [] });
  });

  it("suggests the right spelling", () => {
    expect(resolveRegion("鄂尔多思")).toEqual({ status: "unknown", suggestions: [{ code: "1506", name: "鄂尔多斯市" }] });
  });

  it("suggests the nearest ancestor of the level asked for a code of another level", () => {
    expect(resolveRegion("110105", { level: "province" })).toEqual({ status: "unknown", suggestions: [{ code: "11", name: "北京市" }] });
  });

  it("suggests a province's cities for its code asked at city level", () => {
    const r = resolveRegion("15", { level: "city" });
    expect(r).toMatchObject({ status: "unknown", suggestions: expect.arrayContaining([{ code: "1501", name: "呼和浩特市" }]) });
  });

  it("resolves every nameable region by its own name or, when shared, lists it among the candidates", () => {
    const tax = regionTaxonomy();
    for (const node of tax.nodes) {
      if (!tax.byName.get(node.name)?.includes(node)) continue;
      const r = resolveRegion(node.name);
      // A municipality's name is its city as well (北京市 → 1101), the province is reached by code or level.
      const expected = node.level === "province" && ["11", "12", "31", "50"].includes(node.code) ? `${node.code}01` : node.code;
      if (r.status === "ok") expect(r.code).toBe(expected);
      else expect(r).toMatchObject({ status: "ambiguous", candidates: expect.arrayContaining([expect.objectContaining({ code: node.code })]) });
    }
  });

  it("resolves 150,000 names in well under a second (maps, not scans)", () => {
    const names = ["鄂尔多斯", "朝阳区", "内蒙古", "东胜区", "化工"];
    const start = performance.now();
    for (let i = 0; i < 50_000; i++) {
      resolveRegion(names[i % names.length] ?? "");
      resolveOccupation("电子仪器与电子测量工程技术人员");
      resolveIndustry("化学原料和化学制品制造业");
    }
    expect(performance.now() - start).toBeLessThan(3000);
  });
});

describe("searchTaxonomy", () => {
  const page = { limit: 100, offset: 0 };

  it("orders exact matches first, then prefixes, then the rest, each by code", () => {
    const { rows, total } = searchTaxonomy("industries", "农业", page);
    expect(rows.map((r) => r.code)).toEqual(["01", "051", "0512", "5171", "7112", "733", "7330", "019", "0190", "0519", "3572"]);
    expect(total).toBe(11);
    expect(searchTaxonomy("regions", "朝阳", page).rows.map((r) => r.code)).toEqual(["110105", "2113", "211321", "220104"]);
  });

  it("finds by code prefix, with the exact code first and paths from the root", () => {
    const { rows, total } = searchTaxonomy("industries", "261", page);
    expect(rows[0]).toMatchObject({
      code: "261",
      level: "group",
      parent: "26",
      section: "C",
      path: [
        { code: "C", name: "制造业" },
        { code: "26", name: "化学原料和化学制品制造业" },
      ],
    });
    expect(total).toBe(rows.length);
    expect(rows.slice(1).every((r) => r.code.startsWith("261") && r.level === "class")).toBe(true);
  });

  it("finds a region by the 6-digit form of its code", () => {
    const { rows } = searchTaxonomy("regions", "150600", page);
    expect(rows[0]).toMatchObject({ code: "1506", name: "鄂尔多斯市", path: [{ code: "15", name: "内蒙古自治区" }] });
    expect(rows.slice(1).every((r) => r.parent === "1506")).toBe(true);
  });

  it("finds occupations by an undashed code prefix and by alias", () => {
    expect(searchTaxonomy("occupations", "20209", page).rows[0]?.code).toBe("2-02-09");
    expect(searchTaxonomy("occupations", "联合创始人", page).rows.map((r) => r.code)).toEqual(["1-06-01-01"]);
  });

  it("lists a section's entries in hierarchical order and filters by level and parent", () => {
    const divisions = searchTaxonomy("industries", "C", { ...page, level: "division" }).rows;
    expect(divisions[0]?.code).toBe("13");
    expect(divisions.every((r) => r.section === "C" && r.level === "division")).toBe(true);
    const cities = searchTaxonomy("regions", undefined, { ...page, parent: "15" });
    expect(cities.total).toBe(12);
    expect(cities.rows.every((r) => r.parent === "15" && r.level === "city")).toBe(true);
  });

  it("pages by offset", () => {
    const all = searchTaxonomy("regions", "", { limit: 5000, offset: 0 });
    const second = searchTaxonomy("regions", "", { limit: 10, offset: 10 });
    expect(all.total).toBe(31 + 342 + 2978);
    expect(second.rows).toEqual(all.rows.slice(10, 20));
  });
});

describe("offset cursors", () => {
  const fp = queryFingerprint(["regions", "朝阳", undefined, undefined]);

  it("round-trips and is opaque base64url", () => {
    const cursor = encodeOffsetCursor(40, fp);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeOffsetCursor(cursor, fp)).toBe(40);
  });

  it.each([
    ["garbage", "not-a-cursor"],
    ["another query's cursor", encodeOffsetCursor(40, queryFingerprint(["regions", "吉林", undefined, undefined]))],
    ["a negative offset", encodeOffsetCursor(-1, fp)],
    ["a fractional offset", encodeOffsetCursor(1.5, fp)],
  ])("refuses %s with the cursor problem", (_label, cursor) => {
    expect(() => decodeOffsetCursor(cursor, fp)).toThrow(
      expect.objectContaining({ code: "invalid_parameter", message: "The cursor is not valid.", errors: [{ path: "cursor", message: "Not a cursor returned by this API." }] }),
    );
  });
});
