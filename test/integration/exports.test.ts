import * as XLSX from "@e965/xlsx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { neutralise, toCsv, toXlsx, XLSX_MEDIA_TYPE } from "../../workers/exports/index.ts";
import { readTable, type Table } from "../../workers/imports/index.ts";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { createOrganization, createTenant, type TenantFixture } from "../helpers/factories.ts";
import { createDemand, createTalent } from "../helpers/profiles.ts";
import { advanceEvent, createEvent } from "./roadshow-fixtures.ts";

const HOSTILE = ['=HYPERLINK("http://x")', "+SUM(1,2)", "-1+1", "@cmd", "\t=1"];
const FORMULA_START = /^[=+\-@\t\r]/;

/** Every cell of the table is inert: nothing starts the way a spreadsheet starts a formula. */
function expectInert(table: Table): string[] {
  const cells = [...table.headers, ...table.rows.flatMap((r) => Object.values(r.cells))];
  for (const cell of cells) expect(cell).not.toMatch(FORMULA_START);
  return cells;
}

/** No cell of the workbook is stored as a formula. */
function expectNoFormulas(bytes: Uint8Array): void {
  const book = XLSX.read(bytes, { type: "array", cellFormula: true });
  for (const name of book.SheetNames) {
    const sheet = book.Sheets[name] ?? {};
    for (const [ref, cell] of Object.entries(sheet)) if (!ref.startsWith("!")) expect((cell as XLSX.CellObject).f).toBeUndefined();
  }
}

async function download(t: TestApp, path: string, key: string, accept?: string): Promise<{ res: Response; bytes: Uint8Array }> {
  const res = await t.call("GET", path, { key, headers: accept ? { accept } : {} });
  expect(res.status, path).toBe(200);
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe("the export module", () => {
  it("prefixes every text cell a spreadsheet would run, and leaves the rest alone", () => {
    expect(HOSTILE.map(neutralise)).toEqual(['\'=HYPERLINK("http://x")', "'+SUM(1,2)", "'-1+1", "'@cmd", "'\t=1"]);
    expect(neutralise("\r=1")).toBe("'\r=1");
    expect(neutralise("李明")).toBe("李明");
    expect(neutralise("a=1")).toBe("a=1");
    const table = { sheet: "测试", columns: ["姓名", "分数"], rows: HOSTILE.map((h, i) => [h, -i]) };
    const csv = toCsv(table);
    expect(csv.startsWith("\uFEFF姓名,分数\r\n")).toBe(true);
    expect(csv).toContain('"\'=HYPERLINK(""http://x"")",0');
    expect(csv).toContain("'@cmd,-3");
    const fromCsv = readTable(new TextEncoder().encode(csv), "text/csv");
    expect(fromCsv.rows.map((r) => r.cells["姓名"])).toEqual(['\'=HYPERLINK("http://x")', "'+SUM(1,2)", "'-1+1", "'@cmd", "'\t=1"]);
    const bytes = toXlsx(table);
    expectNoFormulas(bytes);
    const fromXlsx = readTable(bytes, XLSX_MEDIA_TYPE);
    expect(fromXlsx.headers).toEqual(["姓名", "分数"]);
    expect(fromXlsx.rows.map((r) => r.cells["姓名"])).toEqual(fromCsv.rows.map((r) => r.cells["姓名"]));
    expect(fromXlsx.rows.map((r) => r.cells["分数"])).toEqual(["0", "-1", "-2", "-3", "-4"]);
  });
});

describe("every export route, with hostile names", () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let demandId: string;
  let allocationId: string;
  let eventId: string;

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t);
    const org = await createOrganization(t, tenant.adminKey, { name: '=HYPERLINK("http://x","点我")' });
    const catalogId = ((await (await t.call("POST", "/v1/catalogs", { key: tenant.adminKey, body: { name: "目录", year: 2026 } })).json()) as { id: string }).id;
    const demand = await createDemand(t, tenant.adminKey, org.id, {
      title: "+SUM(1,2)",
      industry_code: "2522",
      required_skills: ["煤气化"],
      headcount: 5,
      catalog_id: catalogId,
      city: "1506",
    });
    demandId = demand.id;
    for (const name of HOSTILE) await createTalent(t, tenant.adminKey, { name, skills: ["煤气化"], city: "1506", industries: ["2522"], major: "@SUM(A1)" });
    await t.jobs.drain();
    const started = await t.call("POST", `/v1/catalogs/${catalogId}/allocations`, { key: tenant.adminKey, body: {} });
    allocationId = ((await started.json()) as { id: string }).id;
    await t.jobs.drain();
    eventId = (await createEvent(t, tenant.adminKey, { name: "-2+3 路演", starts_at: "2026-07-18T01:00:00Z" })).id;
    await t.call("POST", `/v1/events/${eventId}/projects`, {
      key: tenant.adminKey,
      body: { title: "@项目", industry_chain: "=煤化工", organization_id: org.id },
    });
    await advanceEvent(t, tenant.adminKey, eventId, "held");
  });
  afterAll(() => t.close());

  it("allocation JSON names the employer, position and talent", async () => {
    const body = (await (await t.call("GET", `/v1/allocations/${allocationId}`, { key: tenant.adminKey })).json()) as {
      assignments: { demand_id: string; demand_title: string; employer_name: string; talent_name: string; reason_zh: string }[];
    };
    expect(body.assignments.length).toBe(5);
    for (const a of body.assignments) {
      expect(a).toMatchObject({ demand_id: demandId, demand_title: "+SUM(1,2)", employer_name: '=HYPERLINK("http://x","点我")' });
    }
    expect(body.assignments.map((a) => a.talent_name).sort()).toEqual(["+SUM(1,2)", "-1+1", "=1", '=HYPERLINK("http://x")', "@cmd"].sort());
  });

  it("allocation CSV and XLSX: employer column, names, Chinese headers, nothing runs", async () => {
    const csv = await download(t, `/v1/allocations/${allocationId}?format=csv`, tenant.adminKey);
    expect(csv.res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.res.headers.get("content-disposition")).toMatch(/^attachment; filename=".*\.csv"; filename\*=UTF-8''%E5%88%86%E9%85%8D/);
    expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const table = readTable(csv.bytes, "text/csv");
    expect(table.headers.slice(0, 5)).toEqual(["单位名称", "岗位编号", "岗位名称", "人才编号", "人才姓名"]);
    const cells = expectInert(table);
    expect(cells).toEqual(expect.arrayContaining(['\'=HYPERLINK("http://x","点我")', "'+SUM(1,2)", "'-1+1", "'@cmd", "'=1"]));
    const xlsx = await download(t, `/v1/allocations/${allocationId}`, tenant.adminKey, XLSX_MEDIA_TYPE);
    expect(xlsx.res.headers.get("content-type")).toBe(XLSX_MEDIA_TYPE);
    expect(xlsx.res.headers.get("content-disposition")).toMatch(/\.xlsx"; filename\*=UTF-8''.*\.xlsx$/);
    expectNoFormulas(xlsx.bytes);
    const sheet = readTable(xlsx.bytes, XLSX_MEDIA_TYPE);
    expect(sheet.headers).toEqual(table.headers);
    expect(expectInert(sheet)).toEqual(expect.arrayContaining(["'+SUM(1,2)", "'@cmd"]));
  });

  it("matches of a demand download as CSV and XLSX, by ?format= or Accept", async () => {
    const csv = await download(t, `/v1/demands/${demandId}/matches?format=csv`, tenant.adminKey);
    expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const table = readTable(csv.bytes, "text/csv");
    expect(table.headers.slice(0, 5)).toEqual(["单位名称", "岗位名称", "人才编号", "人才姓名", "学历"]);
    expect(table.rows.length).toBe(5);
    expect(expectInert(table)).toEqual(expect.arrayContaining(["'@SUM(A1)", '\'=HYPERLINK("http://x","点我")']));
    const viaAccept = await download(t, `/v1/demands/${demandId}/matches`, tenant.adminKey, "text/csv");
    expect(viaAccept.res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const xlsx = await download(t, `/v1/demands/${demandId}/matches?format=xlsx&limit=2`, tenant.adminKey);
    expectNoFormulas(xlsx.bytes);
    const sheet = readTable(xlsx.bytes, XLSX_MEDIA_TYPE);
    expect(sheet.rows.length).toBe(2);
    expect(xlsx.res.headers.get("x-next-cursor")).toBeTruthy();
    expectInert(sheet);
    const json = await t.call("GET", `/v1/demands/${demandId}/matches`, { key: tenant.adminKey });
    expect(json.headers.get("content-type")).toMatch(/^application\/json/);
  });

  it("roadshow and quarter reports defuse event names and chains", async () => {
    const event = await download(t, `/v1/events/${eventId}/report?format=csv`, tenant.adminKey);
    const eventTable = readTable(event.bytes, "text/csv");
    expect(expectInert(eventTable)).toEqual(expect.arrayContaining(["'-2+3 路演", "'=煤化工"]));
    const quarter = await download(t, "/v1/reports?quarter=2026Q3&format=csv", tenant.adminKey);
    expect(expectInert(readTable(quarter.bytes, "text/csv"))).toContain("'-2+3 路演");
    const xlsx = await download(t, `/v1/events/${eventId}/report?format=xlsx`, tenant.adminKey);
    expect(xlsx.res.headers.get("content-type")).toBe(XLSX_MEDIA_TYPE);
    expectNoFormulas(xlsx.bytes);
    expect(expectInert(readTable(xlsx.bytes, XLSX_MEDIA_TYPE))).toEqual(expect.arrayContaining(["'-2+3 路演", "'=煤化工"]));
  });

  it("the catalog template reads back through the importer", async () => {
    const file = await download(t, "/v1/catalogs/template.xlsx", tenant.adminKey);
    expectNoFormulas(file.bytes);
    const table = readTable(file.bytes, XLSX_MEDIA_TYPE);
    expect(table.headers[0]).toBe("岗位名称");
    expect(table.rows.length).toBe(1);
    expectInert(table);
  });
});
