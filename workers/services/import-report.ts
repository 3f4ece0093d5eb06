import { imports as importsTable } from "../../schema/index.ts";
import type { Db, Statement } from "../db.ts";
import type { Rejection } from "../imports/index.ts";
import { newId } from "../lib/ids.ts";
import type { Resolution, TaxonomyLevel } from "../taxonomy/index.ts";

/** What an import did, row by row: the body of the import response and the stored record. */
export interface ImportReport {
  id: string;
  kind: "demands" | "talents";
  catalogId: string | null;
  dryRun: boolean;
  format: string;
  rowsTotal: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Rows rejected (a row can have several rejections, one per bad cell). */
  rejected: number;
  rejections: Rejection[];
  unknownColumns: string[];
  organizationsCreated: number;
  fileSha256: string;
  /** Ids of the rows created or updated (not part of the wire report): what suggestions recompute. */
  changedIds: string[];
}

/** Why a name did not resolve to a code, in words an uploader can act on. */
export function resolutionReason(r: Resolution<TaxonomyLevel>): string {
  if (r.status === "ambiguous") {
    return `ambiguous: could be ${r.candidates
      .slice(0, 4)
      .map((c) => `${c.name} (${c.code})`)
      .join(", ")}; write the code or a fuller name`;
  }
  if (r.status === "unknown") {
    const near = r.suggestions.slice(0, 3).map((s) => `${s.name} (${s.code})`);
    return near.length > 0 ? `unknown name; did you mean ${near.join(", ")}?` : "unknown name";
  }
  return "";
}

export async function sha256OfBytes(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** The report of an import from its counts: rejections sorted by row, rows counted once however many cells failed. */
export async function buildReport(input: {
  kind: ImportReport["kind"];
  catalogId: string | null;
  dryRun: boolean;
  now: Date;
  upload: { table: { format: string; rows: readonly unknown[] }; mapping: { unknownHeaders: string[] }; bytes: Uint8Array };
  counts: { created: number; updated: number; unchanged: number };
  rejected: Rejection[];
  organizationsCreated: number;
  changedIds: string[];
}): Promise<ImportReport> {
  return {
    id: newId("import", input.now),
    kind: input.kind,
    catalogId: input.catalogId,
    dryRun: input.dryRun,
    format: input.upload.table.format,
    rowsTotal: input.upload.table.rows.length,
    ...input.counts,
    rejected: new Set(input.rejected.map((r) => r.row)).size,
    rejections: [...input.rejected].sort((a, b) => a.row - b.row),
    unknownColumns: input.upload.mapping.unknownHeaders,
    organizationsCreated: input.dryRun ? 0 : input.organizationsCreated,
    fileSha256: await sha256OfBytes(input.upload.bytes),
    changedIds: input.dryRun ? [] : input.changedIds,
  };
}

/** The stored record of a finished import (its report, for `GET` later and for the audit trail). */
export function importRecordStatement(db: Db, report: ImportReport, tenantId: string, createdBy: string, at: string): Statement {
  return db.insert(importsTable).values({
    id: report.id,
    tenantId,
    kind: report.kind,
    catalogId: report.catalogId,
    format: report.format,
    fileSha256: report.fileSha256,
    dryRun: false,
    rowsTotal: report.rowsTotal,
    created: report.created,
    updated: report.updated,
    unchanged: report.unchanged,
    rejected: report.rejected,
    rejections: report.rejections,
    createdBy,
    createdAt: at,
  });
}

/** Suggestions are recomputed for at most this many changed rows of one import; beyond it, allocate the catalog. */
export const SUGGEST_AFTER_IMPORT = 500;
