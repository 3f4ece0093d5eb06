/**
 * A real-shaped Ordos catalog and a talent list with people all over China, as both runtimes
 * import them. Runtime-agnostic (no node:*), so the libSQL and the D1 suites run the same scenario
 * through their own transport.
 */
import { expect } from "vitest";
import { DEMO_CHAINS } from "../../workers/demo/catalog.ts";
import { csvLine, xlsxFile } from "../imports/files.ts";

export type Send = (method: string, path: string, key: string, body?: string | Uint8Array, type?: string) => Promise<Response>;

const CSV = "text/csv";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The demo region's ten chains with their codes, as the tenant's own data. */
export const ORDOS_CHAINS = DEMO_CHAINS.map((c) => ({ name: c.chain, industry_codes: [...new Set(c.positions.map((p) => p.industry))] }));
const firstCode = (chain: string) => ORDOS_CHAINS.find((c) => c.name === chain)?.industry_codes[0];

const CATALOG_HEADERS = ["外部编号", "岗位名称", "用人单位", "需求人数", "所属产业链", "行业", "职业", "工作地点"];

/** Catalog lines: [cells, expected city, industry, occupation, chain]. */
export const CATALOG: [string[], string, string | undefined, string | null, string | null][] = [
  [["ORD-1", "煤气化工艺工程师", "示范煤化工有限公司", "3", "煤化工", "煤化工", "", "东胜区"], "150602", firstCode("煤化工"), null, "煤化工"],
  [["ORD-2", "光伏组件工艺工程师", "示范新能源有限公司", "2", "新能源", "", "", "康巴什区"], "150603", firstCode("新能源"), null, "新能源"],
  [["ORD-3", "化工工艺工程师（4000+奖金+双休）", "示范煤化工有限公司", "5", "煤化工", "化学原料和化学制品制造业", "", "鄂托克旗"], "150624", "26", "2-02-06-03", "煤化工"],
  [["ORD-4", "软件开发", "示范数据有限公司", "1", "", "", "Java开发工程师", "伊金霍洛旗"], "150627", undefined, "2-02-10-03", null],
  [["ORD-5", "碳纤维材料研发工程师", "示范材料有限公司", "2", "", "新材料", "", "准格尔旗"], "150622", firstCode("新材料"), null, "新材料"],
  [["ORD-6", "电解铝工艺工程师", "示范铝业有限公司", "若干", "铝镍硅新材料", "", "", "达拉特旗"], "150621", firstCode("铝镍硅新材料"), null, "铝镍硅新材料"],
  [["ORD-7", "矿山机械设计工程师", "示范装备有限公司", "2", "现代装备制造", "", "", "鄂尔多斯市东胜区"], "150602", firstCode("现代装备制造"), null, "现代装备制造"],
  [["ORD-8", "羊绒面料设计师", "示范羊绒有限公司", "1", "羊绒纺织", "羊绒纺织", "", "内蒙古鄂尔多斯"], "1506", firstCode("羊绒纺织"), null, "羊绒纺织"],
  [["ORD-9", "风电场运维工程师", "示范新能源有限公司", "4", "新能源", "", "", "鄂托克旗、杭锦旗"], "1506", firstCode("新能源"), null, "新能源"],
];

const TALENT_HEADERS = ["外部编号", "姓名", "手机", "行业", "职业", "技能", "现居城市", "意向城市"];

/** Talent rows: [cells, expected city, desired cities, industries]. */
export const TALENTS: [string[], string, string[], string[]][] = [
  [["T-1", "李海淀", "13800000001", "煤化工", "化工工艺工程师", "煤气化、DCS", "北京市海淀区", "鄂尔多斯市"], "110108", ["1506"], ORDOS_CHAINS[0]?.industry_codes ?? []],
  [["T-2", "王浦东", "13800000002", "新能源", "电气工程师", "光伏组件", "上海市浦东新区", "上海市、鄂尔多斯"], "310115", ["3101", "1506"], ORDOS_CHAINS[1]?.industry_codes ?? []],
  [["T-3", "赵天津", "13800000003", "化学原料和化学制品制造业", "化工工程师", "HAZOP", "天津市", "天津"], "1201", ["1201"], ["26"]],
  [["T-4", "钱重庆", "13800000004", "", "Java开发工程师", "Java", "重庆市", "内蒙古"], "5001", ["15"], []],
  [["T-5", "孙阿克苏", "13800000005", "", "", "棉花种植", "阿克苏地区", "阿克苏"], "6529", ["6529"], []],
];

export const catalogCsv = (): string => [csvLine(CATALOG_HEADERS), ...CATALOG.map(([cells]) => csvLine(cells))].join("\r\n");
/** The same lines as Excel, under a merged title row like real catalogs have. */
export const catalogXlsx = (): Uint8Array => xlsxFile([["2026年鄂尔多斯市重点产业人才需求目录"], CATALOG_HEADERS, ...CATALOG.map(([cells]) => cells)], [{ s: { r: 0, c: 0 }, e: { r: 0, c: 7 } }]);
export const talentsCsv = (): string => [csvLine(TALENT_HEADERS), ...TALENTS.map(([cells]) => csvLine(cells))].join("\n");

const json = async <T>(res: Response, status = 200): Promise<T> => {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
};

interface Demand {
  id: string;
  external_id: string | null;
  city: string | null;
  city_name: string | null;
  industry_code: string | null;
  occupation_code: string | null;
  industry_chain: string | null;
}
interface Talent {
  id: string;
  external_id: string | null;
  city: string | null;
  desired_cities: string[];
  industries: string[];
}

/**
 * An Ordos tenant with its chains imports the catalog (CSV, then the same lines as XLSX: nothing
 * changes) and the talent list: every row lands with the right codes, and the 鄂托克旗 line ranks
 * the Beijing talent who wants 鄂尔多斯市 with the location satisfied.
 */
export async function runOrdosScenario(send: Send, operatorKey: string, slug: string): Promise<{ key: string }> {
  const tenant = await json<{ admin_key: { key: string } }>(await send("POST", "/v1/tenants", operatorKey, JSON.stringify({ name: "鄂尔多斯市", slug, region_code: "1506" }), "application/json"), 201);
  const key = tenant.admin_key.key;
  for (const chain of ORDOS_CHAINS) await json(await send("POST", "/v1/industry-chains", key, JSON.stringify(chain), "application/json"), 201);
  const catalog = await json<{ id: string }>(await send("POST", "/v1/catalogs", key, JSON.stringify({ name: "2026年目录", year: 2026 }), "application/json"), 201);

  const fromCsv = await json<{ created: number; rejected: number; rejections: unknown[] }>(await send("POST", `/v1/catalogs/${catalog.id}/imports`, key, catalogCsv(), CSV));
  expect(fromCsv.rejections, JSON.stringify(fromCsv.rejections)).toEqual([]);
  expect(fromCsv).toMatchObject({ created: CATALOG.length, rejected: 0 });
  const fromXlsx = await json<{ created: number; unchanged: number; rejected: number }>(await send("POST", `/v1/catalogs/${catalog.id}/imports`, key, catalogXlsx(), XLSX));
  expect(fromXlsx).toMatchObject({ created: 0, unchanged: CATALOG.length, rejected: 0 });

  const demands = (await json<{ data: Demand[] }>(await send("GET", `/v1/demands?catalog_id=${catalog.id}&limit=100`, key))).data;
  for (const [cells, city, industry, occupation, chain] of CATALOG) {
    const d = demands.find((x) => x.external_id === cells[0]);
    expect(d, cells[0]).toMatchObject({ city, industry_code: industry ?? null, industry_chain: chain });
    if (occupation) expect(d?.occupation_code, cells[0]).toBe(occupation);
  }
  expect(demands.find((x) => x.external_id === "ORD-3")?.city_name).toBe("鄂尔多斯市鄂托克旗");

  const talents = await json<{ created: number; rejected: number; rejections: unknown[] }>(await send("POST", "/v1/talents/imports", key, talentsCsv(), CSV));
  expect(talents.rejections, JSON.stringify(talents.rejections)).toEqual([]);
  expect(talents).toMatchObject({ created: TALENTS.length, rejected: 0 });
  const stored = (await json<{ data: Talent[] }>(await send("GET", "/v1/talents?limit=100", key))).data;
  for (const [cells, city, desired, industries] of TALENTS) {
    expect(stored.find((x) => x.external_id === cells[0]), cells[0]).toMatchObject({ city, desired_cities: desired, industries });
  }

  // A place filter takes everything inside it: the city lists its districts' lines.
  const inCity = (await json<{ data: Demand[] }>(await send("GET", `/v1/demands?catalog_id=${catalog.id}&city=1506&limit=100`, key))).data;
  expect(inCity).toHaveLength(CATALOG.length);

  const line = demands.find((x) => x.external_id === "ORD-3");
  const beijing = stored.find((x) => x.external_id === "T-1");
  const matches = await json<{ data: { talent: { id: string }; components: { key: string; value: number | null }[] }[] }>(await send("GET", `/v1/demands/${line?.id ?? ""}/matches?limit=20`, key));
  const match = matches.data.find((m) => m.talent.id === beijing?.id);
  expect(match, "the Beijing talent who wants 鄂尔多斯市 is a candidate").toBeDefined();
  expect(match?.components.find((c) => c.key === "location")?.value).toBe(1);
  return { key };
}
