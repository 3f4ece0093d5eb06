import * as XLSX from "@e965/xlsx";
import type { CellObject, WorkSheet } from "@e965/xlsx";
import { excelSerialToIso } from "./cells.ts";
import { ImportFileError } from "./errors.ts";
import { gridToTable } from "./table.ts";
import { DATE_1904_OFFSET, numberText, readSheetLean } from "./xlsx-lean.ts";
import type { Span, Table } from "./table.ts";

// Rows above the header (titles) and blank rows may come on top of maxRows data rows.
const ROW_SLACK = 1_000;

// Excel's error codes, as the cell shows them.
const ERRORS: Record<number, string> = { 0: "#NULL!", 7: "#DIV/0!", 15: "#VALUE!", 23: "#REF!", 29: "#NAME?", 36: "#NUM!", 42: "#N/A", 43: "#GETTING_DATA" };

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function isOle(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

function cellText(cell: CellObject | undefined, date1904: boolean): string {
  if (!cell) return "";
  switch (cell.t) {
    case "s":
      return String(cell.v ?? "").trim();
    case "n": {
      const value = typeof cell.v === "number" ? cell.v : Number(cell.v);
      // A number shown through a date format is a date serial: keep the date, drop any time.
      if (cell.z !== undefined && XLSX.SSF.is_date(cell.z)) return excelSerialToIso(value + (date1904 ? DATE_1904_OFFSET : 0));
      return numberText(value);
    }
    case "d":
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v ?? "");
    case "b":
      return cell.v ? "TRUE" : "FALSE";
    case "e":
      return cell.w ?? ERRORS[Number(cell.v)] ?? "#N/A";
    default:
      return "";
  }
}

function sheetGrid(sheet: WorkSheet, date1904: boolean): string[][] {
  const data: (CellObject | undefined)[][] = sheet["!data"] ?? [];
  const grid: string[][] = new Array<string[]>(data.length);
  for (let r = 0; r < data.length; r++) {
    const cells = data[r];
    const row: string[] = cells ? new Array<string>(cells.length) : [];
    if (cells) for (let c = 0; c < cells.length; c++) row[c] = cellText(cells[c], date1904);
    grid[r] = row;
  }
  return grid;
}

/**
 * XLSX → Table: the first sheet with any content; formula cells give their cached values;
 * date-formatted numbers become ISO dates; merged cells are filled from their top-left value
 * (a title row above the headers is then skipped by the header search, an employer merged down
 * its positions repeats on each row). Row numbers are Excel's. The lean reader handles what Excel
 * and WPS write; anything else goes through SheetJS.
 */
export function readXlsx(bytes: Uint8Array, maxRows: number): Table {
  checkSignature(bytes);
  const lean = readSheetLean(bytes, maxRows + ROW_SLACK, maxRows);
  if (lean === undefined) return readXlsxWithSheetJs(bytes, maxRows);
  return gridToTable("xlsx", lean.grid, 1, maxRows, lean.spans);
}

function checkSignature(bytes: Uint8Array): void {
  if (isOle(bytes)) {
    throw new ImportFileError("malformed_file", "This is an old .xls workbook (or a password-protected one). Save it as .xlsx or CSV UTF-8 and upload again (请另存为.xlsx或CSV UTF-8格式).");
  }
  if (!isZip(bytes)) throw new ImportFileError("malformed_file", "The file is not an XLSX workbook (不是有效的Excel .xlsx文件).");
}

/** XLSX → Table through SheetJS's general parser: the fallback for workbooks the lean reader declines. */
export function readXlsxWithSheetJs(bytes: Uint8Array, maxRows: number): Table {
  checkSignature(bytes);
  let workbook: XLSX.WorkBook;
  const sheetRows = maxRows + ROW_SLACK;
  try {
    workbook = XLSX.read(bytes, { type: "array", dense: true, cellFormula: false, cellHTML: false, cellText: false, cellNF: true, sheetRows });
  } catch {
    throw new ImportFileError("malformed_file", "The XLSX workbook is damaged and cannot be read (Excel文件已损坏，无法读取).");
  }
  const date1904 = workbook.Workbook?.WBProps?.date1904 === true;
  for (const name of workbook.SheetNames) {
    const sheet = workbook.Sheets[name];
    if (!sheet) continue;
    const full = sheet["!fullref"];
    if (full !== undefined && XLSX.utils.decode_range(full).e.r + 1 > sheetRows) {
      throw new ImportFileError("too_many_rows", `Sheet "${name}" has more than ${sheetRows} rows. Split it into files of at most ${maxRows} rows, or delete formatted empty rows below the data (工作表行数过多，请拆分或删除下方空行).`);
    }
    const grid = sheetGrid(sheet, date1904);
    if (grid.every((row) => row.every((c) => c === ""))) continue;
    const spans: Span[] = (sheet["!merges"] ?? []).map((m) => ({ r0: m.s.r, c0: m.s.c, r1: m.e.r, c1: m.e.c }));
    return gridToTable("xlsx", grid, 1, maxRows, spans);
  }
  throw new ImportFileError("empty_file", "The workbook has no data (Excel文件为空).");
}
