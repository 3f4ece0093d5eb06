import { sql } from "drizzle-orm";
import { rawStatement } from "../data/raw.ts";
import type { Db, Statement } from "../db.ts";

/** Talent-import reports keep row numbers and reasons, but not the cells' values, past this age. */
export const REPORT_VALUES_KEPT_DAYS = 30;

// Each issue's `value` blanked, everything else (row, column, reasons, suggestions) kept.
const blanked = (column: "rejections" | "warnings") =>
  sql.raw(`(SELECT coalesce(json_group_array(json_set(j.value, '$.value', '')), '[]') FROM json_each(imports.${column}) j)`);

/** Blanks the values of talent-import reports older than 30 days; returns how many reports were redacted. */
export async function redactOldTalentImportReports(db: Db, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - REPORT_VALUES_KEPT_DAYS * 86_400_000).toISOString();
  const rows = await db.all<{ id: string }>(sql`UPDATE imports SET rejections = ${blanked("rejections")}, warnings = ${blanked("warnings")}, redacted_at = ${now.toISOString()}
    WHERE kind = 'talents' AND status <> 'running' AND redacted_at IS NULL AND created_at < ${cutoff} RETURNING id`);
  return rows.length;
}

/**
 * The statements that blank, in the tenant's talent-import reports, every cell whose value holds
 * one of an erased talent's contacts (as written: spaces, dashes and +86 are ignored for phones).
 * They go into the erasure's batch, so the reports forget the person when the profile does.
 */
export function redactImportReportsFor(db: Db, tenantId: string, contacts: { phone: string | null; email: string | null }): Statement[] {
  const needles = [contacts.phone, contacts.email?.toLowerCase() ?? null].filter((v): v is string => v !== null && v.length >= 5);
  if (needles.length === 0) return [];
  const list = JSON.stringify(needles);
  // A cell names the talent when its value, lower-cased and without separators, contains a contact.
  const names = sql`EXISTS (SELECT 1 FROM json_each(${list}) n WHERE instr(replace(replace(replace(replace(lower(json_extract(j.value, '$.value')), ' ', ''), '-', ''), '(', ''), ')', ''), n.value) > 0)`;
  const redact = (column: "rejections" | "warnings") =>
    sql`(SELECT coalesce(json_group_array(CASE WHEN ${names} THEN json_set(j.value, '$.value', '') ELSE json(j.value) END), '[]') FROM json_each(${sql.raw(`imports.${column}`)}) j)`;
  const mentions = sql`(EXISTS (SELECT 1 FROM json_each(imports.rejections) j WHERE ${names}) OR EXISTS (SELECT 1 FROM json_each(imports.warnings) j WHERE ${names}))`;
  return [
    rawStatement(
      db,
      sql`UPDATE imports SET rejections = ${redact("rejections")}, warnings = ${redact("warnings")} WHERE tenant_id = ${tenantId} AND kind = 'talents' AND ${mentions}`,
    ),
  ];
}
