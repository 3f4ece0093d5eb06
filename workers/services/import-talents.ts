import { talents } from "../../schema/index.ts";
import type { TenantPrincipal } from "../context.ts";
import { auditStatement } from "../data/audit.ts";
import { bumpVersionStatement } from "../data/versions.ts";
import { BULK_CHUNK, bulkInsertStatement, bulkReplaceKeysStatements } from "../data/bulk.ts";
import { type TalentRow, talentKeys } from "../data/profiles.ts";
import { findTalentsByKeys } from "../data/talents.ts";
import { commit, type Db, type Statement } from "../db.ts";
import { type ParsedTalent, parseTalentRows, type Rejection } from "../imports/index.ts";
import { newId } from "../lib/ids.ts";
import { blankTalent } from "../routes/talents/create.ts";
import { resolveIndustry, resolveOccupation, resolveRegion, type Resolution, type TaxonomyLevel } from "../taxonomy/index.ts";
import { headerOf, type ReadUpload } from "./import-file.ts";
import { buildReport, type ImportReport, importRecordStatement, resolutionReason } from "./import-report.ts";

/** Fields that say what a profile is, for telling an unchanged row from an updated one. */
function fingerprint(r: TalentRow): string {
  const { id: _i, tenantId: _t, createdBy: _c, createdAt: _ca, updatedAt: _u, ...content } = r;
  return JSON.stringify(content);
}

/**
 * Imports talent profiles: rows keyed by external id, else by phone; names of industries,
 * occupations and cities resolved to codes; the same report, dry run and idempotency as catalogs.
 */
export async function importTalents(db: Db, caller: TenantPrincipal, upload: ReadUpload, opts: { dryRun: boolean; now: Date; requestId: string; regionCode: string | null }): Promise<ImportReport> {
  const parsed = parseTalentRows(upload.table, upload.mapping);
  const rejected: Rejection[] = [...parsed.rejected];
  const at = opts.now.toISOString();
  const within = opts.regionCode ? { within: opts.regionCode.slice(0, 2) } : {};

  const ok: { p: ParsedTalent; industries: string[]; occupations: string[]; city: string | null; origin: string | null; desired: string[] }[] = [];
  for (const p of parsed.valid) {
    const problems: Rejection[] = [];
    const many = (field: string, values: string[], resolve: (v: string) => Resolution<TaxonomyLevel>): string[] =>
      values.flatMap((v) => {
        const r = resolve(v);
        if (r.status === "ok") return [r.code];
        problems.push({ row: p.row, column: headerOf(upload.mapping, field), value: v, reason: resolutionReason(r) });
        return [];
      });
    const city = (v: string) => resolveRegion(v, { level: "city", ...within });
    const industries = many("industries", p.industries, resolveIndustry);
    const occupations = many("occupations", p.occupations, resolveOccupation);
    const [current] = many("city", p.city ? [p.city] : [], city);
    const [origin] = many("origin_city", p.originCity ? [p.originCity] : [], city);
    const desired = many("desired_cities", p.desiredCities, city);
    if (problems.length > 0) rejected.push(...problems);
    else ok.push({ p, industries, occupations, city: current ?? null, origin: origin ?? null, desired });
  }

  const externalIds = ok.flatMap((r) => (r.p.externalId ? [r.p.externalId] : []));
  // Every phone is looked up, not only those of rows without an external id: a phone is unique in
  // the tenant, so a row whose phone another profile holds is rejected rather than failing the batch.
  const phones = ok.flatMap((r) => (r.p.phone ? [r.p.phone] : []));
  const byExternal = new Map<string, TalentRow>();
  const byPhone = new Map<string, TalentRow>();
  for (const r of await findTalentsByKeys(db, caller.tenantId, externalIds, phones)) {
    if (r.externalId) byExternal.set(r.externalId, r);
    if (r.phone) byPhone.set(r.phone, r);
  }

  const writes: TalentRow[] = [];
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  const phoneTakenBy = new Map<string, string>();
  for (const { p, industries, occupations, city, origin, desired } of ok) {
    const before = p.externalId ? byExternal.get(p.externalId) : p.phone ? byPhone.get(p.phone) : undefined;
    const base = before ?? blankTalent(newId("talent", opts.now), caller.tenantId, caller.keyId, at);
    if (p.phone) {
      const holder = phoneTakenBy.get(p.phone) ?? byPhone.get(p.phone)?.id;
      if (holder !== undefined && holder !== base.id) {
        rejected.push({ row: p.row, column: headerOf(upload.mapping, "phone"), value: p.phone, reason: "another talent already has this phone number (该手机号已属于另一位人才)" });
        continue;
      }
      phoneTakenBy.set(p.phone, base.id);
    }
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
    };
    if (before && fingerprint(before) === fingerprint(row)) {
      unchanged++;
      continue;
    }
    if (before) {
      updated++;
      row.updatedAt = at;
    } else created++;
    writes.push(row);
  }

  const report = await buildReport({
    kind: "talents",
    catalogId: null,
    dryRun: opts.dryRun,
    now: opts.now,
    upload,
    counts: { created, updated, unchanged },
    rejected,
    changedIds: writes.map((w) => w.id),
    organizationsCreated: 0,
  });
  if (opts.dryRun) return report;

  const chunks: Statement[][] = [];
  for (let i = 0; i < writes.length; i += BULK_CHUNK) {
    const chunk = writes.slice(i, i + BULK_CHUNK);
    chunks.push([bulkInsertStatement(db, talents, chunk, { upsert: true }), ...bulkReplaceKeysStatements(db, caller.tenantId, "talent", chunk.map((t) => ({ id: t.id, keys: talentKeys(t) })))]);
  }
  // Five chunks (about 1,000 rows) per batch: fewer commits, each still far inside D1's limits.
  for (let i = 0; i < chunks.length; i += 5) await commit(db, [...chunks.slice(i, i + 5).flat(), bumpVersionStatement(db, caller.tenantId, "talents")]);
  await commit(db, [
    importRecordStatement(db, report, caller.tenantId, caller.keyId, at),
    auditStatement(db, {
      tenantId: caller.tenantId,
      actor: caller.keyId,
      action: "talents.imported",
      subjectType: "import",
      subjectId: report.id,
      requestId: opts.requestId,
      detail: { created, updated, unchanged, rejected: report.rejected },
      at: opts.now,
    }),
  ]);
  return report;
}
