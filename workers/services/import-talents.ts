import { talents } from "../../schema/index.ts";
import type { TenantPrincipal } from "../context.ts";
import { auditStatement } from "../data/audit.ts";
import { BULK_CHUNK, bulkInsertStatement, bulkReplaceKeysStatements } from "../data/bulk.ts";
import { type TalentRow, talentKeys } from "../data/profiles.ts";
import { findTalentsByKeys } from "../data/talents.ts";
import { commit, type Db } from "../db.ts";
import { type ImportIssue, type ParsedTalent, parseTalentRows } from "../imports/index.ts";
import { newId } from "../lib/ids.ts";
import { blankTalent } from "../routes/talents/create.ts";
import { listIndustryChains } from "../data/industry-chains.ts";
import { placeOptions, resolveIndustryOrChain, resolveJobTitle, resolvePlace, type Resolution, type TaxonomyLevel } from "../taxonomy/index.ts";
import type { ImportOptions } from "./import-demands.ts";
import { headerOf, type ReadUpload } from "./import-file.ts";
import { commitBatches, completeStatement, failImportJob, type ImportJob, startImportJob, totals } from "./import-job.ts";
import { byRow, type ImportReport, rejectedRows, resolutionIssue, sha256OfBytes } from "./import-report.ts";

const ROWS_PER_BATCH = BULK_CHUNK * 5;

/** Fields that say what a profile is, for telling an unchanged row from an updated one. */
function fingerprint(r: TalentRow): string {
  const { id: _i, tenantId: _t, createdBy: _c, createdAt: _ca, updatedAt: _u, ...content } = r;
  return JSON.stringify(content);
}

interface Resolved {
  p: ParsedTalent;
  industries: string[];
  occupations: string[];
  city: string | null;
  origin: string | null;
  desired: string[];
  unresolved: Record<string, string[]> | null;
}

/**
 * Imports talent profiles as a job (see import-job.ts): rows keyed by external id, else by phone;
 * names of industries, occupations and cities resolved to codes, an unresolved one kept as text
 * with a warning; the same report, dry run and idempotency as catalogs.
 */
export async function importTalents(db: Db, caller: TenantPrincipal, upload: ReadUpload, opts: ImportOptions): Promise<ImportReport> {
  const parsed = parseTalentRows(upload.table, upload.mapping);
  const rejections: ImportIssue[] = [...parsed.rejected];
  const warnings: ImportIssue[] = [...parsed.warnings];
  const at = opts.now.toISOString();
  const chains = await listIndustryChains(db, caller.tenantId);

  const resolved: Resolved[] = [];
  for (const p of parsed.valid) {
    const unresolved: Record<string, string[]> = {};
    const many = (field: string, values: string[], resolve: (v: string) => Resolution<TaxonomyLevel>): string[] =>
      values.flatMap((v) => {
        const r = resolve(v);
        if (r.status === "ok") return [r.code];
        warnings.push(resolutionIssue({ row: p.row, column: headerOf(upload.mapping, field), value: v }, r, true));
        (unresolved[field] ??= []).push(v);
        return [];
      });
    // Any GB/T 2260 level; an ambiguous name is settled by the row's other places, then the tenant's region.
    const place = (near: readonly (string | undefined)[]) => (v: string) => resolvePlace(v, placeOptions(opts.regionCode, near));
    // A chain name (煤化工) stands for all of the chain's codes.
    const industries = p.industries.flatMap((v) => {
      const r = resolveIndustryOrChain(v, chains);
      return many("industries", [v], () => r.resolution).length > 0 ? r.codes : [];
    });
    const occupations = many("occupations", p.occupations, resolveJobTitle);
    const [current] = many("city", p.city ? [p.city] : [], place([]));
    const [origin] = many("origin_city", p.originCity ? [p.originCity] : [], place([current]));
    const desired = many("desired_cities", p.desiredCities, place([current, origin]));
    resolved.push({
      p,
      industries: [...new Set(industries)].slice(0, 10),
      occupations,
      city: current ?? null,
      origin: origin ?? null,
      desired,
      unresolved: Object.keys(unresolved).length > 0 ? unresolved : null,
    });
  }

  const rejected = rejectedRows(rejections);
  const fileSha256 = await sha256OfBytes(upload.bytes);
  const counts = { rowsDone: rejected, created: 0, updated: 0, unchanged: 0, rejected, organizationsCreated: 0 };
  const changedIds: string[] = [];
  const report = (id: string, job: ImportJob | null): ImportReport => ({
    id,
    kind: "talents",
    catalogId: null,
    dryRun: opts.dryRun,
    status: "completed",
    format: upload.table.format,
    rowsTotal: upload.table.rows.length,
    rowsDone: upload.table.rows.length,
    ...totals(counts, job),
    rejected,
    rejections: byRow(rejections, upload.table.headers),
    warnings: byRow(warnings, upload.table.headers),
    unknownColumns: upload.mapping.unknownHeaders,
    organizationsCreated: 0,
    fileSha256,
    changedIds,
  });

  if (opts.dryRun) {
    for (let i = 0; i < resolved.length; i += ROWS_PER_BATCH) {
      for (const r of await buildProfiles(db, caller, resolved.slice(i, i + ROWS_PER_BATCH), opts.now)) counts[r.outcome]++;
    }
    return report(newId("import", opts.now), null);
  }

  const job = await startImportJob(db, {
    kind: "talents",
    tenantId: caller.tenantId,
    catalogId: null,
    createdBy: caller.keyId,
    format: upload.table.format,
    fileSha256,
    rowsTotal: upload.table.rows.length,
    rejected,
    idempotencyKey: opts.idempotencyKey,
    requestId: opts.requestId,
    now: opts.now,
  });
  const who = { tenantId: caller.tenantId, actor: caller.keyId, requestId: opts.requestId, now: opts.now };
  try {
    // A concurrent import that created the same phone or external id first makes a batch fail on
    // the unique index; rebuilt from a fresh read, it updates that profile instead.
    await commitBatches(db, job, who, {
      lines: resolved,
      size: ROWS_PER_BATCH,
      kind: "talents",
      counts,
      changedIds,
      build: (lines) => buildProfiles(db, caller, lines, opts.now),
      write: (chunk) => [bulkInsertStatement(db, talents, chunk, { upsert: true }), ...bulkReplaceKeysStatements(db, caller.tenantId, "talent", chunk.map((t) => ({ id: t.id, keys: talentKeys(t) })))],
    });
    const final = report(job.id, job);
    await commit(db, [
      completeStatement(db, final, at),
      auditStatement(db, {
        tenantId: caller.tenantId,
        actor: caller.keyId,
        action: "talents.imported",
        subjectType: "import",
        subjectId: final.id,
        requestId: opts.requestId,
        detail: { created: final.created, updated: final.updated, unchanged: final.unchanged, rejected: final.rejected },
        at: opts.now,
      }),
    ]);
    return final;
  } catch (err) {
    await failImportJob(db, job, opts.now);
    throw err;
  }
}

/** The profiles a batch of rows writes, from the tenant's current profiles with the same keys. */
async function buildProfiles(db: Db, caller: TenantPrincipal, lines: readonly Resolved[], now: Date) {
  const at = now.toISOString();
  const externalIds = lines.flatMap((r) => (r.p.externalId ? [r.p.externalId] : []));
  const phones = lines.flatMap((r) => (!r.p.externalId && r.p.phone ? [r.p.phone] : []));
  const byExternal = new Map<string, TalentRow>();
  const byPhone = new Map<string, TalentRow>();
  for (const r of await findTalentsByKeys(db, caller.tenantId, externalIds, phones)) {
    if (r.externalId) byExternal.set(r.externalId, r);
    if (r.phone) byPhone.set(r.phone, r);
  }
  const rows: { row: TalentRow; outcome: "created" | "updated" | "unchanged" }[] = [];
  for (const { p, industries, occupations, city, origin, desired, unresolved } of lines) {
    const before = p.externalId ? byExternal.get(p.externalId) : p.phone ? byPhone.get(p.phone) : undefined;
    const base = before ?? blankTalent(newId("talent", now), caller.tenantId, caller.keyId, at);
    const row: TalentRow = {
      ...base,
      externalId: p.externalId ?? base.externalId,
      name: p.name,
      phone: p.phone ?? base.phone,
      email: p.email ?? base.email,
      education: p.education,
      school: p.school,
      major: p.major,
      titleLevel: p.titleLevel,
      skillLevel: p.skillLevel,
      experienceYears: p.experienceYears,
      industries,
      occupations,
      skills: p.skills,
      city,
      originCity: origin,
      desiredCities: desired,
      modes: p.modes,
      salaryExpected: p.salaryExpected,
      categoryLevel: p.categoryLevel,
      unresolvedNames: unresolved,
    };
    if (before && fingerprint(before) === fingerprint(row)) rows.push({ row, outcome: "unchanged" });
    else {
      if (before) row.updatedAt = at;
      rows.push({ row, outcome: before ? "updated" : "created" });
    }
  }
  return rows;
}
