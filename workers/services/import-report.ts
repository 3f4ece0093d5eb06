import type { ImportStatus } from "../../schema/index.ts";
import { type ImportIssue, issue, type Suggestion } from "../imports/index.ts";
import type { Resolution, TaxonomyLevel } from "../taxonomy/index.ts";

/** What an import did, row by row: the body of the import response and the stored record. */
export interface ImportReport {
  id: string;
  kind: "demands" | "talents";
  catalogId: string | null;
  dryRun: boolean;
  status: ImportStatus;
  format: string;
  rowsTotal: number;
  /** Rows settled so far: committed, unchanged or rejected. Equals `rowsTotal` once completed. */
  rowsDone: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Rows rejected (a row can have several rejections, one per bad cell). */
  rejected: number;
  rejections: ImportIssue[];
  /** Cells left out or adjusted on rows that were kept. */
  warnings: ImportIssue[];
  unknownColumns: string[];
  organizationsCreated: number;
  fileSha256: string;
  /** Ids of the rows created or updated (not part of the wire report): what suggestions recompute. */
  changedIds: string[];
}

/** Why a name did not resolve to a code, in words an uploader can act on, with the codes it may have meant. */
export function resolutionIssue(at: { row: number; column: string; value: string }, r: Resolution<TaxonomyLevel>, kept: boolean): ImportIssue {
  const keptEn = kept ? "; kept as written, without a code" : "";
  const keptZh = kept ? "；已按原文保留，未匹配代码" : "";
  if (r.status === "ambiguous") {
    const options: Suggestion[] = r.candidates.slice(0, 4).map((c) => ({ code: c.code, name: c.name }));
    const list = options.map((c) => `${c.name} (${c.code})`).join(", ");
    return issue(at, { reason_en: `ambiguous: could be ${list}; write the code or a fuller name${keptEn}`, reason_zh: `名称有歧义，可能是${list}；请填写代码或更完整的名称${keptZh}` }, options);
  }
  const near: Suggestion[] = r.status === "unknown" ? r.suggestions.slice(0, 3).map((s) => ({ code: s.code, name: s.name })) : [];
  const list = near.map((s) => `${s.name} (${s.code})`).join(", ");
  return issue(
    at,
    near.length > 0
      ? { reason_en: `unknown name; did you mean ${list}?${keptEn}`, reason_zh: `未找到该名称，是否为：${list}${keptZh}` }
      : { reason_en: `unknown name${keptEn}`, reason_zh: `未找到该名称${keptZh}` },
    near,
  );
}

export async function sha256OfBytes(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Rows counted once however many of their cells failed. */
export function rejectedRows(rejections: readonly ImportIssue[]): number {
  return new Set(rejections.map((r) => r.row)).size;
}

/** Issues in file order: by row, then by column as the file has them (columns it lacks last). */
export function byRow(issues: readonly ImportIssue[], headers: readonly string[]): ImportIssue[] {
  const position = new Map(headers.map((h, i) => [h, i]));
  const at = (i: ImportIssue) => position.get(i.column) ?? headers.length;
  return [...issues].sort((a, b) => a.row - b.row || at(a) - at(b));
}

/** Suggestions are recomputed for at most this many changed rows of one import; beyond it, allocate the catalog. */
export const SUGGEST_AFTER_IMPORT = 500;
