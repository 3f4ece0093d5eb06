import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import areas from "../../data/taxonomy/areas.json" with { type: "json" };
import occupations from "../../data/taxonomy/occupations.json" with { type: "json" };
import { readTable } from "../../workers/imports/index.ts";
import { regionTaxonomy } from "../../workers/taxonomy/data.ts";
import {
  findChain,
  normalizeJobTitle,
  placeOptions,
  regionDisplayName,
  resolveIndustryOrChain,
  resolveJobTitle,
  resolveOccupation,
  resolvePlace,
  resolveRegion,
  type Resolution,
  type TaxonomyLevel,
} from "../../workers/taxonomy/index.ts";

/** `code` is the answer, or among the candidates of an ambiguous one. */
function reaches(r: Resolution<TaxonomyLevel>, code: string): boolean {
  if (r.status === "ok") return r.code === code;
  return r.status === "ambiguous" && r.candidates.some((c) => c.code === code);
}

const PLACEHOLDER = /^(市辖区|县|.*直辖县级行政区划)$/u;

describe("places: every district, county and banner of GB/T 2260", () => {
  const tax = regionTaxonomy();
  const parentName = (code: string) => tax.byCode.get(code)?.name ?? "";

  it("resolves every area by its own name, as an import does (any level)", () => {
    const misses = areas.filter((a) => !reaches(resolveRegion(a.name, placeOptions(null)), a.code)).map((a) => `${a.code} ${a.name}`);
    expect(misses).toEqual([]);
    expect(areas.length).toBeGreaterThan(2800);
  });

  it("resolves every area named with its city (鄂尔多斯市东胜区) or, under a placeholder, its province", () => {
    const misses: string[] = [];
    for (const a of areas) {
      const city = tax.byCode.get(a.parent);
      const head = city && !PLACEHOLDER.test(city.name) ? city.name : parentName(a.code.slice(0, 2));
      if (!reaches(resolveRegion(`${head}${a.name}`), a.code)) misses.push(`${head}${a.name} ${a.code}`);
    }
    expect(misses).toEqual([]);
  });

  it("settles an ambiguous district by the tenant's region or the row's other places", () => {
    expect(resolveRegion("朝阳区", placeOptions(null))).toMatchObject({ status: "ambiguous", candidates: [{ code: "110105" }, { code: "220104" }] });
    expect(resolveRegion("朝阳区", placeOptions("2201"))).toMatchObject({ status: "ok", code: "220104" });
    expect(resolveRegion("朝阳区", placeOptions("1101"))).toMatchObject({ status: "ok", code: "110105" });
    expect(resolveRegion("朝阳区", placeOptions(null, ["110108"]))).toMatchObject({ status: "ok", code: "110105" });
    // The row's own places come before the tenant's region.
    expect(resolveRegion("朝阳区", placeOptions("1101", ["2201"]))).toMatchObject({ status: "ok", code: "220104" });
  });
});

describe("places: the four municipalities", () => {
  const MUNICIPALITIES: [string, string, string][] = [
    ["北京市", "11", "1101"],
    ["天津市", "12", "1201"],
    ["上海市", "31", "3101"],
    ["重庆市", "50", "5001"],
  ];

  it.each(MUNICIPALITIES)("%s is a city (%s → %s), with and without 市, and still the province by level", (name, province, city) => {
    expect(resolveRegion(name)).toMatchObject({ status: "ok", code: city, name, level: "city" });
    expect(resolveRegion(name.slice(0, 2))).toMatchObject({ status: "ok", code: city });
    expect(resolveRegion(name, { level: "province" })).toMatchObject({ status: "ok", code: province });
    expect(regionDisplayName(city)).toBe(name);
  });

  it.each(MUNICIPALITIES)("every district and county of %s resolves, alone and after the municipality's name", (name, province) => {
    const inside = areas.filter((a) => a.code.startsWith(province));
    expect(inside.length).toBeGreaterThan(8);
    for (const a of inside) {
      expect(reaches(resolveRegion(a.name), a.code), a.name).toBe(true);
      expect(resolveRegion(`${name}${a.name}`), `${name}${a.name}`).toMatchObject({ status: "ok", code: a.code });
      expect(resolveRegion(`${name.slice(0, 2)}-${a.name}`), `${name.slice(0, 2)}-${a.name}`).toMatchObject({ status: "ok", code: a.code });
    }
  });
});

describe("places: compound and job-board forms", () => {
  it.each([
    ["鄂尔多斯市东胜区", "150602"],
    ["内蒙古鄂尔多斯", "1506"],
    ["内蒙古自治区鄂尔多斯市鄂托克旗", "150624"],
    ["内蒙古伊金霍洛旗", "150627"],
    ["北京市海淀区", "110108"],
    ["上海市浦东新区", "310115"],
    ["深圳-南山区", "440305"],
    ["深圳-龙华新区", "440309"],
    ["惠州-大亚湾区", "4413"],
    ["重庆市城口县", "500229"],
    ["新疆阿克苏", "6529"],
    ["阿克苏地区", "6529"],
  ])("%s → %s", (name, code) => {
    expect(resolveRegion(name)).toMatchObject({ status: "ok", code });
  });
});

const corpusFile = (name: string) => fileURLToPath(new URL(`../../../shared/data/corpus/${name}`, import.meta.url).href);
const CORPUS_PLACES: [string, string][] = [
  ["jobs_51job_shanghai.csv", "location"],
  ["jobs_zhilian_bigdata_multicity.csv", "address"],
  ["jobs_zhilian_shenzhen_2018.csv", "location"],
];

describe("places in real job-board postings", () => {
  for (const [name, column] of CORPUS_PLACES) {
    const present = existsSync(corpusFile(name));
    it.skipIf(!present)(`every posting's place resolves: ${name} (${column}: 深圳-南山区, 上海-徐汇区, 北京) ${present ? "" : "(skipped: the corpus file is absent)"}`, () => {
      const table = readTable(new Uint8Array(readFileSync(corpusFile(name))), "text/csv");
      const places = table.rows.map((r) => r.cells[column] ?? "").filter((p) => p !== "");
      expect(places.length).toBeGreaterThan(200);
      expect(places.filter((p) => resolveRegion(p, placeOptions(null)).status !== "ok").slice(0, 5)).toEqual([]);
    });
  }
});

describe("places: a cell that lists several", () => {
  it.each([
    ["东胜区、康巴什区", "1506", "city"],
    ["鄂托克旗,杭锦旗,乌审旗", "1506", "city"],
    ["鄂尔多斯、包头", "15", "province"],
    ["海淀区、朝阳区", "1101", "city"],
    ["重庆市城口县、渝中区", "5001", "city"],
  ])("%s → their smallest common region %s", (cell, code, level) => {
    expect(resolvePlace(cell, placeOptions(null))).toEqual({ status: "ok", code, name: expect.any(String), level, matchedBy: "common_region" });
  });

  it("lists places with nothing in common as the candidates, and keeps a single compound place whole", () => {
    expect(resolvePlace("北京、上海")).toMatchObject({ status: "ambiguous", candidates: [{ code: "1101" }, { code: "3101" }] });
    expect(resolvePlace("深圳/南山区")).toMatchObject({ status: "ok", code: "440305" });
    expect(resolvePlace("东胜区、火星")).toMatchObject({ status: "unknown" });
  });
});

describe("job-board titles", () => {
  it.each([
    ["Java开发工程师（4000+奖金+双休）", "java开发工程师"],
    ["电商数据分析(双休+五险一金+餐补)", "电商数据分析"],
    ["高级会计【急聘】", "会计"],
    ["税务经理(J10093)", "税务经理"],
    ["销售代表 底薪4000+提成", "销售代表"],
    ["资深Java开发工程师 8k-15k", "java开发工程师"],
  ])("%s cleans to %s", (title, core) => {
    expect(normalizeJobTitle(title)).toBe(core);
  });

  it.each([
    ["Java开发工程师", "2-02-10-03"],
    ["化工工艺工程师（4000+奖金+双休）", "2-02-06-03"],
    ["化工工程师", "2-02-06-03"],
    ["高级会计", "2-06-03-00"],
    ["电商数据分析(双休+五险一金+餐补)", "4-07-02-05"],
  ])("%s → %s", (title, code) => {
    expect(resolveJobTitle(title)).toMatchObject({ status: "ok", code });
  });

  it("resolves every job-board alias of 职业分类大典 to its occupation, also with salary and perks after it", () => {
    const misses: string[] = [];
    for (const o of occupations) {
      for (const alias of o.aliases ?? []) {
        const bare = resolveJobTitle(alias);
        // An alias two entries share is settled by their names (理赔 is also in an insurance occupation's name): one of the two.
        const shared = resolveOccupation(alias);
        const settled = bare.status === "ok" && shared.status === "ambiguous" && shared.candidates.some((c) => c.code === bare.code) && reaches(shared, o.code);
        if (!reaches(bare, o.code) && !reachesAncestor(bare, o.code) && !settled) misses.push(`${alias} → ${o.code}`);
        expect(resolveJobTitle(`${alias}（6000+奖金+双休）`), alias).toEqual(bare);
      }
    }
    expect(misses).toEqual([]);
  });

  const CORPUS = fileURLToPath(new URL("../../../shared/data/corpus/jobs_zhilian_bigdata_multicity.csv", import.meta.url).href);
  it.skipIf(!existsSync(CORPUS))(`resolves most real job-board titles ${existsSync(CORPUS) ? "" : "(skipped: the corpus file is absent)"}`, () => {
    const table = readTable(new Uint8Array(readFileSync(CORPUS)), "text/csv");
    const titles = table.rows.map((r) => r.cells.title ?? "").filter((t) => t !== "");
    const resolved = titles.filter((t) => resolveJobTitle(t).status === "ok").length;
    expect(titles.length).toBeGreaterThan(200);
    expect(resolved / titles.length).toBeGreaterThan(0.8);
  });
});

/** An alias shared by an occupation and its group may resolve to the group (the most general is never wrong). */
function reachesAncestor(r: Resolution<TaxonomyLevel>, code: string): boolean {
  return r.status === "ok" && code.startsWith(r.code);
}

describe("industry chains", () => {
  const chains = [
    { name: "煤化工", industryCodes: ["2522", "2614", "2523"] },
    { name: "现代中(蒙)医药", industryCodes: ["2740", "2730"] },
  ];

  it("resolves a chain name to the chain and its codes, ignoring width, brackets and 产业链", () => {
    expect(resolveIndustryOrChain("煤化工", chains)).toEqual({
      resolution: { status: "ok", code: "2522", name: "煤化工", level: "class", matchedBy: "chain" },
      codes: ["2522", "2614", "2523"],
      chain: chains[0],
    });
    expect(findChain(chains, "煤化工产业链")).toBe(chains[0]);
    expect(findChain(chains, "现代中（蒙）医药")).toBe(chains[1]);
  });

  it("resolves anything else as an industry, and a chain name as nothing without the chain", () => {
    expect(resolveIndustryOrChain("化学原料和化学制品制造业", chains)).toMatchObject({ resolution: { status: "ok", code: "26" }, codes: ["26"], chain: null });
    expect(resolveIndustryOrChain("煤化工", [])).toMatchObject({ resolution: { status: "unknown" }, codes: [], chain: null });
  });
});
