import type { Context } from "hono";
import type { AppEnv } from "../context.ts";
import { ApiError, InvalidParameterError, ValidationError } from "../errors.ts";
import { type ColumnMapping, ImportFileError, type ImportSchema, mapColumns, readTable, type Table } from "../imports/index.ts";

/** Media types an import accepts (Excel files sent as octet-stream are recognised by content). */
export const IMPORT_MEDIA_TYPES = [
  "text/csv",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/json",
  "application/octet-stream",
];

export interface ReadUpload {
  table: Table;
  mapping: ColumnMapping;
  bytes: Uint8Array;
}

/** Parses the `mapping` query parameter: a JSON object of header in the file → field ("" ignores a column). */
export function parseMappingParam(raw: string | undefined): Record<string, string> | undefined {
  if (raw === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(raw);
    if (v && typeof v === "object" && !Array.isArray(v) && Object.values(v).every((x) => typeof x === "string")) return v as Record<string, string>;
  } catch {
    // fall through
  }
  throw new InvalidParameterError([{ path: "mapping", message: 'must be a JSON object of column header → field, e.g. {"单位":"employer"}' }]);
}

/**
 * Reads an uploaded file into a table and maps its columns, turning every way a whole file can be
 * unreadable into a problem the uploader can act on (415 for a media type we cannot read, 422 for
 * a file we can read but not use).
 */
export async function readUpload(c: Context<AppEnv>, schema: ImportSchema, userMapping: Record<string, string> | undefined): Promise<ReadUpload> {
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!IMPORT_MEDIA_TYPES.includes(type)) {
    throw new ApiError("unsupported_media_type", `Send the file as ${IMPORT_MEDIA_TYPES.slice(0, 3).join(", ")} (got '${type.slice(0, 80) || "none"}').`);
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  try {
    const table = readTable(bytes, c.req.header("content-type") ?? type);
    const mapping = mapColumns(table.headers, schema, userMapping);
    if (mapping.missingRequired.length > 0) {
      throw new ValidationError(
        mapping.missingRequired.map((f) => ({ path: `columns.${f}`, message: "no column maps to this required field; add it or pass a mapping" })),
        `The file has no column for: ${mapping.missingRequired.join(", ")}.`,
      );
    }
    return { table, mapping, bytes };
  } catch (err) {
    if (!(err instanceof ImportFileError)) throw err;
    if (err.code === "unsupported_media_type") throw new ApiError("unsupported_media_type", err.message);
    if (err.code === "invalid_mapping") throw new InvalidParameterError([{ path: "mapping", message: err.message }]);
    throw new ValidationError([{ path: "file", message: err.message }], err.code === "too_many_rows" ? "The file has too many rows." : "The file cannot be imported.");
  }
}

/** The header as written in the file for a field, for rejections that name the column. */
export function headerOf(mapping: ColumnMapping, field: string): string {
  for (const [header, f] of Object.entries(mapping.fields)) if (f === field) return header;
  return field;
}
