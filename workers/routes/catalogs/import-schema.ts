import { z } from "@hono/zod-openapi";
import { IMPORT_STATUSES, type imports, type StoredImportIssue } from "../../../schema/index.ts";
import { bilingual, type ImportIssue } from "../../imports/index.ts";
import type { ImportReport } from "../../services/import-report.ts";

type ImportRow = typeof imports.$inferSelect;

const IssueSchema = z
  .object({
    row: z.number().int().openapi({ description: "The row number as Excel shows it (header row included)." }),
    column: z.string().openapi({ description: "The column header as written in the file.", example: "学历要求" }),
    value: z.string().openapi({ description: "The cell as written; blanked in talent-import reports after 30 days and when the talent is erased." }),
    reason: z.string().openapi({ description: "reason_zh when the request's Accept-Language prefers Chinese, else reason_en." }),
    reason_zh: z.string().openapi({ example: "未找到该名称，是否为：化工工程技术人员 (2-02-06)；已按原文保留，未匹配代码" }),
    reason_en: z.string().openapi({ example: "unknown name; did you mean 化工工程技术人员 (2-02-06)?; kept as written, without a code" }),
    suggestions: z.array(z.object({ code: z.string(), name: z.string() })).openapi({ description: "Taxonomy entries the name may have meant." }),
  })
  .openapi("ImportIssue");

export const ImportReportSchema = z
  .object({
    id: z.string().openapi({ example: "imp_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z" }),
    kind: z.enum(["demands", "talents"]),
    catalog_id: z.string().nullable(),
    dry_run: z.boolean().openapi({ description: "True when nothing was written." }),
    status: z.enum(IMPORT_STATUSES).openapi({
      description: "running while batches commit; completed; interrupted when the process died mid-import (import the same file again to complete it); failed when it stopped on an error.",
    }),
    format: z.string().openapi({ example: "xlsx" }),
    rows_total: z.number().int(),
    rows_done: z.number().int().openapi({ description: "Rows settled so far (committed, unchanged or rejected); rows_total once completed." }),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int().openapi({ description: "Rows rejected; each bad cell is listed in `rejections`." }),
    rejections: z.array(IssueSchema).openapi({ description: "Cells that cost their row: a required field (catalogs: title, employer, headcount, place; talents: name, a contact) missing or broken, or a duplicate line." }),
    warnings: z.array(IssueSchema).openapi({ description: "Optional cells of kept rows that were left out (a value that does not parse) or kept as text without a code (a name that does not resolve), or adjusted (中专 → no minimum, 博士后 → 博士)." }),
    unknown_columns: z.array(z.string()).openapi({ description: "Columns that map to no field; their data was ignored." }),
    organizations_created: z.number().int().openapi({ description: "Employers named in the file that were created as enterprises." }),
    file_sha256: z.string(),
  })
  .openapi("ImportReport");

/** True when the request's Accept-Language puts Chinese first. */
export function prefersChinese(acceptLanguage: string | undefined): boolean {
  const first = (acceptLanguage ?? "").split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("zh");
}

type WireIssue = z.infer<typeof IssueSchema>;

function toIssue(i: StoredImportIssue | ImportIssue, zh: boolean): WireIssue {
  const reasonEn = i.reason_en ?? i.reason ?? "";
  const reasonZh = i.reason_zh ?? bilingual(i.reason ?? "").reason_zh;
  return { row: i.row, column: i.column, value: i.value, reason: zh ? reasonZh : reasonEn, reason_zh: reasonZh, reason_en: reasonEn, suggestions: i.suggestions ?? [] };
}

export function toImportReport(r: ImportReport, opts: { zh: boolean }): z.infer<typeof ImportReportSchema> {
  return {
    id: r.id,
    kind: r.kind,
    catalog_id: r.catalogId,
    dry_run: r.dryRun,
    status: r.status,
    format: r.format,
    rows_total: r.rowsTotal,
    rows_done: r.rowsDone,
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    rejected: r.rejected,
    rejections: r.rejections.map((i) => toIssue(i, opts.zh)),
    warnings: r.warnings.map((i) => toIssue(i, opts.zh)),
    unknown_columns: r.unknownColumns,
    organizations_created: r.organizationsCreated,
    file_sha256: r.fileSha256,
  };
}

/** A stored import (a job, possibly still running or interrupted) as its report. */
export function toStoredImportReport(row: ImportRow, opts: { zh: boolean }): z.infer<typeof ImportReportSchema> {
  return {
    id: row.id,
    kind: row.kind,
    catalog_id: row.catalogId,
    dry_run: false,
    status: row.status,
    format: row.format,
    rows_total: row.rowsTotal,
    rows_done: row.rowsDone,
    created: row.created,
    updated: row.updated,
    unchanged: row.unchanged,
    rejected: row.rejected,
    rejections: row.rejections.map((i) => toIssue(i, opts.zh)),
    warnings: row.warnings.map((i) => toIssue(i, opts.zh)),
    unknown_columns: row.unknownColumns,
    organizations_created: row.organizationsCreated,
    file_sha256: row.fileSha256,
  };
}

const binary = z.string().openapi({ format: "binary" });

/** The request body of an import: the file itself, in one of the accepted media types. */
export const importBody = {
  required: true,
  content: {
    "text/csv": { schema: binary },
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: binary },
    // Validated by the importer (row by row, with a report), not by the request validator.
    "application/json": { schema: z.unknown().openapi({ description: 'An array of row objects keyed by header, or { "rows": [...] }.' }) },
  },
};

export const ImportQuery = z.object({
  dry_run: z
    .enum(["true", "false"])
    .default("false")
    .openapi({ param: { name: "dry_run", in: "query" }, description: "Validate and report without writing." }),
  mapping: z
    .string()
    .max(5000)
    .optional()
    .openapi({ param: { name: "mapping", in: "query" }, description: 'JSON object: column header in the file → field ("" ignores the column).', example: '{"单位名称":"employer"}' }),
});
