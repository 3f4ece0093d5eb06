import { sql } from "drizzle-orm";
import { auditLog } from "../../schema/index.ts";
import type { Principal } from "../context.ts";
import { rawStatement } from "./raw.ts";
import type { Db } from "../db.ts";
import { newId } from "../lib/ids.ts";

export interface AuditEntry {
  tenantId: string | null;
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  requestId: string | null;
  detail?: Record<string, unknown>;
  at: Date;
}

/** The audit insert for a write; callers put it in the same batch as the write it records. */
export function auditStatement(db: Db, entry: AuditEntry) {
  return db.insert(auditLog).values({
    id: newId("audit", entry.at),
    tenantId: entry.tenantId,
    actor: entry.actor,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    requestId: entry.requestId,
    detail: entry.detail ?? null,
    at: entry.at.toISOString(),
  });
}

/** How a principal is named in the audit log. */
export function actorOf(principal: Principal): string {
  return principal.kind === "operator" ? "operator" : principal.keyId;
}

/** The audit row, inserted only if the statement just before it changed a row (see eventIfChangedStatement). */
export function auditIfChangedStatement(db: Db, entry: AuditEntry) {
  return rawStatement(db, sql`INSERT INTO ${auditLog} (id, tenant_id, actor, action, subject_type, subject_id, request_id, detail, at)
    SELECT ${newId("audit", entry.at)}, ${entry.tenantId}, ${entry.actor}, ${entry.action}, ${entry.subjectType}, ${entry.subjectId},
      ${entry.requestId}, ${entry.detail ? JSON.stringify(entry.detail) : null}, ${entry.at.toISOString()}
    WHERE changes() > 0`);
}
