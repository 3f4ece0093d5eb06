import * as XLSX from "@e965/xlsx";
import { z } from "@hono/zod-openapi";

/**
 * Every file the API hands out (allocation, matches, roadshow and quarter reports, the catalog
 * template) is built here, so each cell passes the same formula-injection guard: a spreadsheet
 * must never run a name a talent or an enterprise typed in.
 */

export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const CSV_MEDIA_TYPE = "text/csv; charset=utf-8";

export type ExportCell = string | number | null | undefined;

export interface ExportTable {
  /** The sheet's name in an XLSX file (Excel allows 31 characters). */
  sheet: string;
  columns: readonly string[];
  rows: readonly (readonly ExportCell[])[];
}

export const EXPORT_FORMATS = ["json", "csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The `?format=` parameter of an exportable route. */
export const ExportFormatQuery = z
  .enum(EXPORT_FORMATS)
  .optional()
  .openapi({ param: { name: "format", in: "query" }, description: "json (default), csv or xlsx; or send `Accept: text/csv` or the XLSX media type." });

// Excel, LibreOffice and Google Sheets start a formula (or DDE) at these; tab and CR hide one behind whitespace.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made inert: one that a spreadsheet would read as a formula gets a leading apostrophe. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function safeCell(value: ExportCell): string | number {
  if (value === null || value === undefined) return "";
  return typeof value === "number" ? value : neutralise(value);
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV with the table's headers, CRLF line ends and a BOM, so Excel opens it as UTF-8. */
export function toCsv(table: ExportTable): string {
  const lines = [table.columns.map((h) => csvField(safeCell(h))).join(",")];
  for (const row of table.rows) lines.push(row.map((v) => csvField(safeCell(v))).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

// CJK characters are about two Latin characters wide.
const textWidth = (value: string | number): number => [...String(value)].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1), 0);

/** One-sheet XLSX with the headers in the first row, every text cell a plain string, columns sized to their content. */
export function toXlsx(table: ExportTable): Uint8Array {
  const grid = [table.columns.map(safeCell), ...table.rows.map((row) => row.map(safeCell))];
  const sheet = XLSX.utils.aoa_to_sheet(grid);
  sheet["!cols"] = table.columns.map((_, i) => ({
    wch: Math.min(40, Math.max(10, ...grid.slice(0, 200).map((row) => textWidth(row[i] ?? ""))) + 2),
  }));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, table.sheet.slice(0, 31));
  const out: ArrayBuffer = XLSX.write(book, { type: "array", bookType: "xlsx", compression: true });
  return new Uint8Array(out);
}

/** The format asked for: `?format=` first, else the Accept header (CSV or the XLSX media type), else JSON. */
export function exportFormat(format: ExportFormat | undefined, accept: string | undefined): ExportFormat {
  if (format) return format;
  const a = (accept ?? "").toLowerCase();
  if (a.includes(XLSX_MEDIA_TYPE)) return "xlsx";
  if (a.includes("text/csv")) return "csv";
  return "json";
}

/**
 * `Content-Disposition` for a download: an ASCII `filename` for old clients and the UTF-8
 * `filename*` (RFC 6266), so a Chinese name survives.
 */
export function attachment(filename: string): string {
  const safe = [...filename].map((ch) => (ch < " " || '\\/:*?"<>|'.includes(ch) ? "_" : ch)).join("");
  const ascii = safe.replace(/[^\x20-\x7e]/g, "_");
  if (ascii === safe) return `attachment; filename="${ascii}"`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(safe)}`;
}

/** The table as a download in `format` (csv or xlsx): body and headers. */
export function exportFile(table: ExportTable, format: "csv" | "xlsx", basename: string): { body: string | ArrayBuffer; headers: Record<string, string> } {
  if (format === "csv") return { body: toCsv(table), headers: { "content-type": CSV_MEDIA_TYPE, "content-disposition": attachment(`${basename}.csv`) } };
  const bytes = toXlsx(table);
  return { body: bytes.slice().buffer, headers: { "content-type": XLSX_MEDIA_TYPE, "content-disposition": attachment(`${basename}.xlsx`) } };
}

/** OpenAPI content entries of the two file formats, beside a route's JSON. */
export const EXPORT_CONTENT = {
  "text/csv": { schema: z.string().openapi({ description: "UTF-8 with BOM, Chinese headers." }) },
  [XLSX_MEDIA_TYPE]: { schema: z.string().openapi({ format: "binary" }) },
};
