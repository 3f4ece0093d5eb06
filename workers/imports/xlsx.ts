import * as XLSX from "@e965/xlsx";
import type { CellObject, WorkSheet } from "@e965/xlsx";
import { excelSerialToIso } from "./cells.ts";
import { ImportFileError } from "./errors.ts";
import { gridToTable } from "./table.ts";
import type { Span, Table } from "./table.ts";

// Rows above the header (titles) and blank rows may come on top of maxRows data rows.
const ROW_SLACK = 1_000;
// The 1904 date system (old Mac Excel) counts days from 1904-01-01: 1462 days after 1900's origin.
const DATE_1904_OFFSET = 1462;

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function isOle(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/** A number as Excel shows it in General format: at most 15 significant digits, no float noise. */
function numberText(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
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
      return cell.w ?? "#ERROR!";
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
 * its positions repeats on each row). Row numbers are Excel's.
 */
export function readXlsx(bytes: Uint8Array, maxRows: number): Table {
  if (isOle(bytes)) {
    throw new ImportFileError("malformed_file", "This is an old .xls workbook (or a password-protected one). Save it as .xlsx or CSV UTF-8 and upload again (请另存为.xlsx或CSV UTF-8格式).");
  }
  if (!isZip(bytes)) throw new ImportFileError("malformed_file", "The file is not an XLSX workbook (不是有效的Excel .xlsx文件).");
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
