import { decodeText, detectDelimiter, parseCsv } from "./csv.ts";
import { ImportFileError } from "./errors.ts";
import { readJson } from "./json.ts";
import { DEFAULT_MAX_ROWS, gridToTable } from "./table.ts";
import type { Table, TableFormat } from "./table.ts";
import { readXlsx } from "./xlsx.ts";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Limits applied while reading. */
export interface ReadLimits {
  /** Most data rows accepted (default 50,000); more is an ImportFileError "too_many_rows". */
  maxRows?: number;
}

function sniff(bytes: Uint8Array): TableFormat {
  // A zip is XLSX; an OLE container is a legacy .xls, which the XLSX reader explains.
  if ((bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0xd0 && bytes[1] === 0xcf)) return "xlsx";
  const text = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/u, "").trimStart();
  return text.startsWith("[") || text.startsWith("{") ? "json" : "csv";
}

/** The format a media type names; browsers label .csv as Excel and anything as octet-stream, so those are sniffed. */
export function formatOf(mediaType: string, bytes: Uint8Array): TableFormat {
  const type = (mediaType.split(";")[0] ?? "").trim().toLowerCase();
  switch (type) {
    case "text/csv":
    case "application/csv":
    case "text/plain":
    case "text/tab-separated-values":
      return "csv";
    case XLSX_TYPE:
      return "xlsx";
    case "application/json":
      return "json";
    case "application/vnd.ms-excel":
    case "application/octet-stream":
    case "":
      return sniff(bytes);
    default:
      throw new ImportFileError("unsupported_media_type", `Unsupported file type "${mediaType}": upload CSV, XLSX or JSON (仅支持CSV、XLSX、JSON文件).`);
  }
}

/**
 * Read an uploaded file into headers and rows of trimmed strings. `row` is the number a person
 * sees in Excel (header and title rows included) or, for JSON, the 1-based array index. Throws
 * ImportFileError for files that cannot be read as a whole: unsupported type, malformed content,
 * an encoding other than UTF-8/GBK, no rows, or more than `maxRows` data rows.
 */
export function readTable(bytes: Uint8Array, mediaType: string, limits: ReadLimits = {}): Table {
  const maxRows = limits.maxRows ?? DEFAULT_MAX_ROWS;
  const format = formatOf(mediaType, bytes);
  if (bytes.length === 0) throw new ImportFileError("empty_file", "The file is empty (文件为空).");
  if (format === "xlsx") return readXlsx(bytes, maxRows);
  if (format === "json") return readJson(bytes, maxRows);
  const text = decodeText(bytes);
  return gridToTable("csv", parseCsv(text, detectDelimiter(text)), 1, maxRows);
}
