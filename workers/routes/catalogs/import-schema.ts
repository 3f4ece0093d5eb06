import { z } from "@hono/zod-openapi";
import type { ImportReport } from "../../services/import-report.ts";

export const ImportReportSchema = z
  .object({
    id: z.string().openapi({ example: "imp_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z" }),
    kind: z.enum(["demands", "talents"]),
    catalog_id: z.string().nullable(),
    dry_run: z.boolean().openapi({ description: "True when nothing was written." }),
    format: z.string().openapi({ example: "xlsx" }),
    rows_total: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int().openapi({ description: "Rows rejected; each bad cell is listed in `rejections`." }),
    rejections: z.array(
      z.object({
        row: z.number().int().openapi({ description: "The row number as Excel shows it (header row included)." }),
        column: z.string().openapi({ description: "The column header as written in the file.", example: "学历要求" }),
        value: z.string(),
        reason: z.string(),
      }),
    ),
    unknown_columns: z.array(z.string()).openapi({ description: "Columns that map to no field; their data was ignored." }),
    organizations_created: z.number().int().openapi({ description: "Employers named in the file that were created as enterprises." }),
    file_sha256: z.string(),
  })
  .openapi("ImportReport");

export function toImportReport(r: ImportReport): z.infer<typeof ImportReportSchema> {
  return {
    id: r.id,
    kind: r.kind,
    catalog_id: r.catalogId,
    dry_run: r.dryRun,
    format: r.format,
    rows_total: r.rowsTotal,
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    rejected: r.rejected,
    rejections: r.rejections,
    unknown_columns: r.unknownColumns,
    organizations_created: r.organizationsCreated,
    file_sha256: r.fileSha256,
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
