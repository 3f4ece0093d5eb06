import { isKnownHeader } from "./columns.ts";
import { ImportFileError } from "./errors.ts";

/** The formats readTable understands. */
export type TableFormat = "csv" | "xlsx" | "json";

/** One data row: its number as the user sees it, and its cells by header as written in the file. */
export interface TableRow {
  row: number;
  cells: Record<string, string>;
}

/** A file read into headers and rows of trimmed strings, blank rows left out. */
export interface Table {
  format: TableFormat;
  headers: string[];
  rows: TableRow[];
}

/** A merged range in grid coordinates (0-based, inclusive). */
export interface Span {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** Default ceiling on data rows: larger catalogs should be split. */
export const DEFAULT_MAX_ROWS = 50_000;

// A header row is searched for this far down: catalog title blocks are a few lines at most.
const HEADER_SEARCH_ROWS = 30;

const isBlank = (cells: readonly string[] | undefined): boolean => !cells || cells.every((c) => c === "");

/** Excel's column letters for a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export function tooManyRows(maxRows: number): ImportFileError {
  return new ImportFileError("too_many_rows", `The file has more than ${maxRows} data rows. Split it into smaller files (文件超过${maxRows}行，请拆分后上传).`);
}

/** Copy each merged range's top-left value into the whole range (clamped to the grid). */
function fillSpans(grid: string[][], spans: readonly Span[], width: number): void {
  for (const s of spans) {
    const value = grid[s.r0]?.[s.c0] ?? "";
    if (value === "") continue;
    for (let r = s.r0; r <= Math.min(s.r1, grid.length - 1); r++) {
      const row = grid[r];
      if (!row) continue;
      for (let c = s.c0; c <= Math.min(s.c1, width - 1); c++) if ((row[c] ?? "") === "") row[c] = value;
    }
  }
}

function findHeaderRow(grid: readonly string[][], blank: readonly boolean[]): number {
  let firstNonBlank = -1;
  let seen = 0;
  for (let r = 0; r < grid.length && seen < HEADER_SEARCH_ROWS; r++) {
    const cells = grid[r];
    if (!cells || blank[r]) continue;
    if (firstNonBlank < 0) firstNonBlank = r;
    seen++;
    let known = 0;
    for (const cell of new Set(cells)) if (isKnownHeader(cell)) known++;
    if (known >= 2) return r;
  }
  if (firstNonBlank < 0) throw new ImportFileError("empty_file", "The file has no rows (文件为空).");
  return firstNonBlank;
}

/**
 * Header names per column. Under a header merged across columns ("任职要求" over 学历, 专业), a
 * following row holding known headers is a second header row and names those columns.
 */
function headerNames(grid: readonly string[][], h: number, spans: readonly Span[], width: number): { names: string[]; dataStart: number } {
  const top = grid[h] ?? [];
  const names = Array.from({ length: width }, (_, c) => top[c] ?? "");
  const across = spans.filter((s) => s.r0 === h && s.r1 === h && s.c1 > s.c0);
  const below = grid[h + 1] ?? [];
  const hasSubHeader = across.some((s) => below.slice(s.c0, s.c1 + 1).some((cell) => isKnownHeader(cell)));
  if (hasSubHeader) {
    for (const s of across) {
      for (let c = s.c0; c <= Math.min(s.c1, width - 1); c++) {
        const sub = below[c] ?? "";
        if (sub !== "") names[c] = isKnownHeader(sub) ? sub : `${names[c] ?? ""}/${sub}`;
      }
    }
    return { names, dataStart: h + 2 };
  }
  return { names, dataStart: h + 1 };
}

/**
 * Turn a grid of trimmed cells into a Table: find the header row (the first with two known
 * headers, else the first non-blank one), skip the title rows above it and blank rows below,
 * drop empty unnamed columns, name unnamed columns that hold data after their Excel letter
 * (列F), and suffix repeated headers ("技能(2)"). `firstRow` is the user-visible number of grid row 0.
 */
export function gridToTable(format: TableFormat, grid: string[][], firstRow: number, maxRows: number, spans: readonly Span[] = []): Table {
  let width = 0;
  for (const cells of grid) {
    for (let c = cells.length - 1; c >= width; c--) {
      if (cells[c] !== "") {
        width = c + 1;
        break;
      }
    }
  }
  // Judged before filling merges: a row holding only the tail of a merged cell is still blank.
  const blank = grid.map(isBlank);
  if (spans.length > 0) fillSpans(grid, spans, width);
  const h = findHeaderRow(grid, blank);
  const { names, dataStart } = headerNames(grid, h, spans, width);

  const dataRows: number[] = [];
  for (let r = dataStart; r < grid.length; r++) {
    if (blank[r]) continue;
    if (dataRows.length === maxRows) throw tooManyRows(maxRows);
    dataRows.push(r);
  }

  const columns: { index: number; header: string }[] = [];
  const used = new Map<string, number>();
  for (let c = 0; c < width; c++) {
    let header = names[c] ?? "";
    const repeat = (used.get(header) ?? 0) + 1;
    // A merged header repeated over empty columns, or an empty unnamed column, is layout, not data.
    if ((header === "" || repeat > 1) && !dataRows.some((r) => (grid[r]?.[c] ?? "") !== "")) continue;
    if (header === "") header = `列${columnLetter(c)}`;
    else if (repeat > 1) header = `${header}(${repeat})`;
    used.set(names[c] ?? "", repeat);
    columns.push({ index: c, header });
  }

  const rows = dataRows.map((r) => {
    const cells = grid[r] ?? [];
    return { row: r + firstRow, cells: Object.fromEntries(columns.map((col) => [col.header, cells[col.index] ?? ""])) };
  });
  return { format, headers: columns.map((col) => col.header), rows };
}
