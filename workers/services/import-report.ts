import type { Rejection } from "../imports/index.ts";
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
