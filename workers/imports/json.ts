import { ImportFileError } from "./errors.ts";
import { tooManyRows } from "./table.ts";
import type { Table, TableRow } from "./table.ts";

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  // A list is the same multi-valued cell a spreadsheet writes as "a、b".
  if (Array.isArray(value)) return value.map(cellText).filter((v) => v !== "").join("、");
  return JSON.stringify(value);
}

/**
 * JSON → Table: an array of objects, or `{ "rows": [...] }`. Strings, numbers and booleans become
 * cell text, arrays the "、"-joined multi-value text; headers are the keys in order of first
 * appearance; `row` is the 1-based array index; objects with no values are skipped.
 */
export function readJson(bytes: Uint8Array, maxRows: number): Table {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes));
  } catch (err) {
    const detail = err instanceof SyntaxError ? `: ${err.message}` : "";
    throw new ImportFileError("malformed_file", `The file is not valid UTF-8 JSON${detail} (JSON格式不正确).`);
  }
  const list = Array.isArray(data) ? data : typeof data === "object" && data !== null && "rows" in data ? data.rows : undefined;
  if (!Array.isArray(list)) throw new ImportFileError("malformed_file", 'Expected a JSON array of objects, or { "rows": [...] } (应为对象数组).');
  if (list.length > maxRows) throw tooManyRows(maxRows);
  const headers = new Set<string>();
  const items: { row: number; values: Map<string, string> }[] = [];
  list.forEach((item: unknown, index) => {
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      throw new ImportFileError("malformed_file", `Item ${index + 1} is not an object (第${index + 1}项不是对象).`);
    }
    const values = new Map<string, string>();
    for (const [key, value] of Object.entries(item)) {
      headers.add(key.trim());
      values.set(key.trim(), cellText(value));
    }
    if ([...values.values()].some((v) => v !== "")) items.push({ row: index + 1, values });
  });
  if (headers.size === 0) throw new ImportFileError("empty_file", "The file has no rows (文件为空).");
  const all = [...headers];
  // Every row carries every header, as a spreadsheet row does; fromEntries keeps "__proto__" a plain key.
  const rows: TableRow[] = items.map(({ row, values }) => ({ row, cells: Object.fromEntries(all.map((h) => [h, values.get(h) ?? ""])) }));
  return { format: "json", headers: all, rows };
}
