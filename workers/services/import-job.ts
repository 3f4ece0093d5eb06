import { and, desc, eq, isNull, lt, sql } from "drizzle-orm";
import { idempotencyKeys, imports as importsTable, type ImportStatus } from "../../schema/index.ts";
import { auditIfChangedStatement, auditStatement } from "../data/audit.ts";
import { isUniqueViolation } from "../data/constraints.ts";
import { idempotencyScope } from "../data/idempotency.ts";
import { BULK_CHUNK } from "../data/bulk.ts";
import { bumpVersionStatement } from "../data/versions.ts";
import { commit, type Db, type Statement } from "../db.ts";
import { ConflictError } from "../errors.ts";
import type { ImportIssue } from "../imports/index.ts";
import { newId } from "../lib/ids.ts";
import type { ImportReport } from "./import-report.ts";

/**
 * An import is a job: its row is written first (status `running`), every batch of lines commits
 * with the job's progress and an audit row, and the last batch marks it `completed` with its
 * report and event. A process that dies mid-import leaves the job `running`; a restart (Node) or
 * the sweep (a heartbeat older than two minutes) marks it `interrupted`, and importing the same
 * file again takes the job over and completes it.
 */
export interface ImportJob {
  id: string;
  /** Rows the interrupted run this job resumes had already created or updated (0 for a new job). */
  prior: { created: number; updated: number };
}

/** What a job knows before its first batch. */
export interface JobStart {
  kind: ImportReport["kind"];
  tenantId: string;
  catalogId: string | null;
  createdBy: string;
  format: string;
  fileSha256: string;
  rowsTotal: number;
  rejected: number;
  idempotencyKey: string | null;
  requestId: string;
  now: Date;
}

/** Progress as it is committed with a batch. */
export interface JobProgress {
  rowsDone: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  organizationsCreated: number;
}

/** A heartbeat older than this belongs to a process that died (each batch takes well under a second). */
export const STALE_IMPORT_MS = 2 * 60 * 1000;

/** Starts the job of an import, or takes over the interrupted job of the same file. */
export async function startImportJob(db: Db, s: JobStart): Promise<ImportJob> {
  const at = s.now.toISOString();
  const [previous] = await db
    .select({ id: importsTable.id, created: importsTable.created, updated: importsTable.updated })
    .from(importsTable)
    .where(
      and(
        eq(importsTable.tenantId, s.tenantId),
        eq(importsTable.kind, s.kind),
        s.catalogId === null ? isNull(importsTable.catalogId) : eq(importsTable.catalogId, s.catalogId),
        eq(importsTable.fileSha256, s.fileSha256),
        eq(importsTable.status, "interrupted"),
      ),
    )
    .orderBy(desc(importsTable.id))
    .limit(1);
  if (previous) {
    // drizzle types a mixed batch's results loosely: the first is the update's returned rows.
    const [taken] = (await db.batch([
      db
        .update(importsTable)
        .set({ status: "running", idempotencyKey: s.idempotencyKey, rowsDone: s.rejected, updatedAt: at })
        .where(and(eq(importsTable.id, previous.id), eq(importsTable.status, "interrupted")))
        .returning({ id: importsTable.id }),
      auditIfChangedStatement(db, { tenantId: s.tenantId, actor: s.createdBy, action: "import.resumed", subjectType: "import", subjectId: previous.id, requestId: s.requestId, at: s.now }),
    ])) as [{ id: string }[], unknown];
    // Of two re-runs at once, one takes the job over; the other starts its own.
    if (taken.length > 0) return { id: previous.id, prior: { created: previous.created, updated: previous.updated } };
  }
  const id = newId("import", s.now);
  await commit(db, [
    db.insert(importsTable).values({
      id,
      tenantId: s.tenantId,
      kind: s.kind,
      catalogId: s.catalogId,
      format: s.format,
      fileSha256: s.fileSha256,
      dryRun: false,
      status: "running",
      rowsTotal: s.rowsTotal,
      rowsDone: s.rejected,
      created: 0,
      updated: 0,
      unchanged: 0,
      rejected: s.rejected,
      rejections: [],
      idempotencyKey: s.idempotencyKey,
      createdBy: s.createdBy,
      createdAt: at,
      updatedAt: at,
    }),
    auditStatement(db, { tenantId: s.tenantId, actor: s.createdBy, action: "import.started", subjectType: "import", subjectId: id, requestId: s.requestId, detail: { kind: s.kind, rows_total: s.rowsTotal }, at: s.now }),
  ]);
  return { id, prior: { created: 0, updated: 0 } };
}

/** The progress update and audit row that go into a batch's commit. */
export function progressStatements(db: Db, job: ImportJob, p: JobProgress, who: { tenantId: string; actor: string; requestId: string; now: Date }): Statement[] {
  return [
    db
      .update(importsTable)
      .set({ ...p, updatedAt: who.now.toISOString() })
      .where(eq(importsTable.id, job.id)),
    auditStatement(db, { tenantId: who.tenantId, actor: who.actor, action: "import.batch_committed", subjectType: "import", subjectId: job.id, requestId: who.requestId, detail: { rows_done: p.rowsDone, created: p.created, updated: p.updated }, at: who.now }),
  ];
}

/** Marks the job completed with its whole report (goes into the last commit, with the event and audit). */
export function completeStatement(db: Db, report: ImportReport, at: string): Statement {
  return db
    .update(importsTable)
    .set({
      status: "completed",
      rowsDone: report.rowsTotal,
      created: report.created,
      updated: report.updated,
      unchanged: report.unchanged,
      rejected: report.rejected,
      rejections: report.rejections.map(stored),
      warnings: report.warnings.map(stored),
      unknownColumns: report.unknownColumns,
      organizationsCreated: report.organizationsCreated,
      updatedAt: at,
    })
    .where(eq(importsTable.id, report.id));
}

/** Best effort: a job whose run threw is `failed`, not left `running`. */
export async function failImportJob(db: Db, job: ImportJob, now: Date): Promise<void> {
  await db
    .update(importsTable)
    .set({ status: "failed" satisfies ImportStatus, updatedAt: now.toISOString() })
    .where(and(eq(importsTable.id, job.id), eq(importsTable.status, "running")))
    .catch(() => undefined);
}

function stored(i: ImportIssue) {
  return { row: i.row, column: i.column, value: i.value, reason_zh: i.reason_zh, reason_en: i.reason_en, suggestions: i.suggestions };
}

/**
 * Commits one batch of lines, rebuilt from a fresh read when a concurrent import took one of its
 * keys first (a new employer, phone or line key): the rebuilt batch updates what the other import
 * created. `build` reads and returns the statements and what to count once they commit.
 */
export async function commitWithRetry(db: Db, build: () => Promise<{ statements: Statement[]; done: () => void }>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const { statements, done } = await build();
    try {
      await commit(db, statements);
      done();
      return;
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      if (attempt >= 4) throw new ConflictError("Another import kept writing the same lines or talents; retry the import, which is idempotent per line.");
    }
  }
}

/** Counts of a resumed job: what earlier runs created or updated is not "unchanged" now. */
export function totals(c: { created: number; updated: number; unchanged: number }, job: ImportJob | null): { created: number; updated: number; unchanged: number } {
  const prior = job?.prior ?? { created: 0, updated: 0 };
  return { created: prior.created + c.created, updated: prior.updated + c.updated, unchanged: Math.max(0, c.unchanged - prior.created - prior.updated) };
}

/** A parsed line as it compares with what is stored. */
export interface BuiltRow<R> {
  row: R;
  outcome: "created" | "updated" | "unchanged";
}

/**
 * Writes `lines` in batches of `size`: each batch is one commit (through commitWithRetry) of its
 * changed rows (`write` gives their statements per BULK_CHUNK rows), the data-version bump and the
 * job's progress. `counts` and `changedIds` advance only once a batch has committed.
 */
export async function commitBatches<L, R extends { id: string }>(
  db: Db,
  job: ImportJob,
  who: { tenantId: string; actor: string; requestId: string; now: Date },
  run: {
    lines: readonly L[];
    size: number;
    kind: "demands" | "talents";
    counts: JobProgress;
    changedIds: string[];
    build: (lines: L[]) => Promise<BuiltRow<R>[]>;
    write: (chunk: R[]) => Statement[];
  },
): Promise<void> {
  for (let i = 0; i < run.lines.length; i += run.size) {
    const lines = run.lines.slice(i, i + run.size);
    await commitWithRetry(db, async () => {
      const rows = await run.build(lines);
      const writes = rows.flatMap((r) => (r.outcome === "unchanged" ? [] : [r.row]));
      const next = { ...run.counts, rowsDone: run.counts.rowsDone + lines.length };
      for (const r of rows) next[r.outcome]++;
      const statements: Statement[] = [];
      for (let j = 0; j < writes.length; j += BULK_CHUNK) statements.push(...run.write(writes.slice(j, j + BULK_CHUNK)));
      if (writes.length > 0) statements.push(bumpVersionStatement(db, who.tenantId, run.kind));
      return {
        statements: [...statements, ...progressStatements(db, job, { ...next, ...totals(next, job) }, who)],
        done: () => {
          Object.assign(run.counts, next);
          run.changedIds.push(...writes.map((w) => w.id));
        },
      };
    });
  }
}

/**
 * Marks `running` jobs as `interrupted` (all of them when this process is the only writer and has
 * just started; else those whose heartbeat is stale) and releases their Idempotency-Keys, so that
 * re-sending the same request re-runs the import instead of waiting out the key.
 */
export async function markInterruptedImports(db: Db, now: Date, opts: { all: boolean }): Promise<number> {
  const cutoff = new Date(now.getTime() - STALE_IMPORT_MS).toISOString();
  const stale = await db
    .update(importsTable)
    .set({ status: "interrupted", updatedAt: now.toISOString() })
    .where(and(eq(importsTable.status, "running"), opts.all ? sql`true` : lt(importsTable.updatedAt, cutoff)))
    .returning({ tenantId: importsTable.tenantId, createdBy: importsTable.createdBy, key: importsTable.idempotencyKey });
  // Keys are scoped to the tenant and the API key that sent the request.
  const held = stale.flatMap((s) =>
    s.key === null ? [] : [db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.scope, idempotencyScope(s.tenantId, s.createdBy)), eq(idempotencyKeys.key, s.key), eq(idempotencyKeys.state, "running")))],
  );
  const [first, ...rest] = held;
  if (first) await db.batch([first, ...rest]);
  return stale.length;
}
