import fc from "fast-check";
import { CSV, csvLine, DEMAND_HEADERS_ZH, demandRow, XLSX_TYPE, xlsxFile } from "../../imports/files.ts";
import { badValue, nastyString } from "./inputs.ts";

const TALENT_HEADERS = ["姓名", "手机", "邮箱", "最高学历", "专业", "工作年限", "技能", "现居城市", "外部编号"];

function talentRow(i: number): string[] {
  return [`人才${i}`, `1391234${String(i).padStart(4, "0")}`, `t${i}@example.com`, "硕士", "化学工程", `${i % 20}`, "煤气化、Aspen Plus", "鄂尔多斯市", `TAL-${i}`];
}

/** A cell a spreadsheet could hold that a parser must refuse or keep, never choke on. */
const badCell: fc.Arbitrary<string> = fc.oneof(
  nastyString,
  fc.constantFrom("-5", "1e9", "99999999999999999999", "2026-02-30", "0000-00-00", "=1+1", "=HYPERLINK(\"x\")", "#REF!", "TRUE", "１２３", "十万", "-8000--12000", "面议面议"),
);

/**
 * An import file that is nearly right: the template's headers and a few realistic rows, one cell
 * (or one header) spoilt, as CSV, XLSX or JSON rows.
 */
export function importFile(kind: "demand" | "talent"): fc.Arbitrary<{ contentType: string; body: string | Uint8Array }> {
  const headers = kind === "demand" ? DEMAND_HEADERS_ZH : TALENT_HEADERS;
  const rowOf = kind === "demand" ? demandRow : talentRow;
  return fc
    .record({
      rows: fc.integer({ min: 0, max: 3 }),
      seed: fc.nat(1000),
      cell: fc.tuple(fc.nat(), fc.nat(), badCell),
      header: fc.option(fc.tuple(fc.nat(), badCell), { freq: 4 }),
      format: fc.constantFrom("csv", "csv", "xlsx", "json"),
      jsonValue: badValue,
    })
    .map(({ rows, seed, cell, header, format, jsonValue }) => {
      const head = [...headers];
      if (header) head[header[0] % head.length] = header[1];
      const body = Array.from({ length: rows }, (_, i) => rowOf(seed + i));
      const target = body[cell[0] % Math.max(1, body.length)];
      if (target) target[cell[1] % target.length] = cell[2];
      if (format === "csv") return { contentType: CSV, body: [csvLine(head), ...body.map(csvLine)].join("\r\n") };
      // Excel cells hold at most 32,767 characters; the writer refuses longer ones.
      if (format === "xlsx") return { contentType: XLSX_TYPE, body: xlsxFile([head, ...body].map((r) => r.map((c) => c.slice(0, 32_767)))) };
      const objects: Record<string, unknown>[] = body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
      if (objects[0]) objects[0][head[0] ?? "x"] = jsonValue;
      return { contentType: "application/json", body: JSON.stringify(cell[0] % 2 === 0 ? objects : { rows: objects }) };
    });
}
