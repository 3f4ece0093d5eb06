import { and, eq, inArray } from "drizzle-orm";
import { demands, organizations } from "../../schema/index.ts";
import type { TenantPrincipal } from "../context.ts";
import { auditStatement } from "../data/audit.ts";
import { bumpVersionStatement } from "../data/versions.ts";
import { BULK_CHUNK, bulkInsertStatement, bulkReplaceKeysStatements } from "../data/bulk.ts";
import type { CatalogRow } from "../data/catalogs.ts";
import { demandContentHash, findDemandsByImportKeys } from "../data/demands.ts";
import { eventStatement } from "../data/outbox.ts";
import { type DemandRow, demandKeys } from "../data/profiles.ts";
import { commit, type Db, type Statement } from "../db.ts";
import { type ParsedDemand, parseDemandRows, type Rejection } from "../imports/index.ts";
import { newId } from "../lib/ids.ts";
import { blankDemand } from "../routes/demands/schema.ts";
import { listIndustryChains } from "../data/industry-chains.ts";
import { findChain, placeOptions, resolveIndustryOrChain, resolveJobTitle, resolvePlace, type Resolution, type TaxonomyLevel } from "../taxonomy/index.ts";
import { headerOf, type ReadUpload } from "./import-file.ts";
import { buildReport, type ImportReport, importRecordStatement, resolutionReason } from "./import-report.ts";

/**
 * Imports a catalog file: valid rows land even when others are rejected; each rejected row is
 * reported with its row number, column, value and reason. Lines are keyed by external id, else by
 * employer + title + city, so importing the same file again changes nothing. Employers named in
 * the file are matched to organizations by name or created as enterprises.
 */
export async function importDemands(
  db: Db,
  caller: TenantPrincipal,
  catalog: CatalogRow,
  upload: ReadUpload,
  opts: { dryRun: boolean; now: Date; requestId: string; regionCode: string | null },
): Promise<ImportReport> {
  const parsed = parseDemandRows(upload.table, upload.mapping);
  const rejected: Rejection[] = [...parsed.rejected];
  const at = opts.now.toISOString();

  // Resolve names to codes; a row with an unknown or ambiguous name is rejected with the reason.
  const places = placeOptions(opts.regionCode);
  const chains = await listIndustryChains(db, caller.tenantId);
  const resolved: { p: ParsedDemand; industry: string | null; occupation: string | null; city: string | null; chain: string | null }[] = [];
  for (const p of parsed.valid) {
    const problems: Rejection[] = [];
    const code = (field: string, value: string | null, r: Resolution<TaxonomyLevel> | null): string | null => {
      if (!value || !r) return null;
      if (r.status === "ok") return r.code;
      problems.push({ row: p.row, column: headerOf(upload.mapping, field), value, reason: resolutionReason(r) });
      return null;
    };
    const byIndustry = p.industry ? resolveIndustryOrChain(p.industry, chains) : null;
    const industry = code("industry", p.industry, byIndustry?.resolution ?? null);
    // A 所属产业链 cell naming one of the tenant's chains gives the chain's spelling and, failing an 行业, its industry.
    const chain = (p.industryChain ? findChain(chains, p.industryChain) : null) ?? byIndustry?.chain ?? null;
    const occupation = code("occupation", p.occupation, p.occupation ? resolveJobTitle(p.occupation) : null);
    // Without an occupation column, a title that names an occupation gives it; one that does not is no error.
    const fromTitle = p.occupation ? null : resolveJobTitle(p.title);
    const city = code("city", p.city, p.city ? resolvePlace(p.city, places) : null);
    if (problems.length > 0) rejected.push(...problems);
    else
      resolved.push({
        p,
        industry: industry ?? chain?.industryCodes[0] ?? null,
        occupation: occupation ?? (fromTitle?.status === "ok" ? fromTitle.code : null),
        city,
        chain: chain?.name ?? p.industryChain,
      });
  }

  // Employers: match by name, create the missing ones as enterprises.
  const names = [...new Set(resolved.map((r) => r.p.employer))];
  const orgByName = new Map<string, string>();
  for (let i = 0; i < names.length; i += 90) {
    const rows = await db
      .select({ id: organizations.id, name: organizations.name })
      .from(organizations)
      .where(and(eq(organizations.tenantId, caller.tenantId), inArray(organizations.name, names.slice(i, i + 90))));
    for (const r of rows) orgByName.set(r.name, r.id);
  }
  const newOrgs = names.filter((n) => !orgByName.has(n)).map((name) => ({ id: newId("organization", opts.now), tenantId: caller.tenantId, name, kind: "enterprise" as const, createdAt: at, updatedAt: at }));
  for (const o of newOrgs) orgByName.set(o.name, o.id);

  // Existing lines of the catalog with the same import keys.
  const keyOf = (p: ParsedDemand, city: string | null) => (p.externalId ? `ext:${p.externalId}` : `nat:${p.employer}|${p.title}|${city ?? ""}`);
  const keys = resolved.map((r) => keyOf(r.p, r.city));
  const existing = new Map<string, DemandRow>();
  for (const r of await findDemandsByImportKeys(db, catalog.id, keys)) if (r.importKey) existing.set(r.importKey, r);

  const writes: DemandRow[] = [];
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const [i, { p, industry, occupation, city, chain }] of resolved.entries()) {
    const importKey = keys[i] ?? "";
    const before = existing.get(importKey);
    const base = before ?? blankDemand({ id: newId("demand", opts.now), tenantId: caller.tenantId, organizationId: orgByName.get(p.employer) ?? "", createdBy: caller.keyId, at });
    const row: DemandRow = {
      ...base,
      organizationId: orgByName.get(p.employer) ?? base.organizationId,
      catalogId: catalog.id,
      externalId: p.externalId,
      importKey,
      title: p.title,
      description: p.description,
      industryCode: industry,
      occupationCode: occupation,
      industryChain: chain,
      city,
      headcount: p.headcount,
      minEducation: p.minEducation,
      minTitle: p.minTitle,
      minSkillLevel: p.minSkillLevel,
      minExperienceYears: p.minExperienceYears,
      major: p.major,
      requiredSkills: p.requiredSkills,
      preferredSkills: p.preferredSkills,
      modes: p.modes,
      salaryMin: p.salaryMin,
      salaryMax: p.salaryMax,
      benefits: p.benefits,
      urgency: p.urgency,
      categoryLevel: p.categoryLevel,
      validUntil: p.validUntil,
    };
    row.contentHash = await demandContentHash(row);
    if (before && before.contentHash === row.contentHash) {
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
    kind: "demands",
    catalogId: catalog.id,
    dryRun: opts.dryRun,
    now: opts.now,
    upload,
    counts: { created, updated, unchanged },
    rejected,
    changedIds: writes.map((w) => w.id),
    organizationsCreated: newOrgs.length,
  });
  if (opts.dryRun) return report;

  // Chunked so no statement or batch nears D1's limits; each chunk is atomic, and a re-run completes an interrupted import.
  const chunks: Statement[][] = [];
  if (newOrgs.length > 0) for (let i = 0; i < newOrgs.length; i += BULK_CHUNK) chunks.push([bulkInsertStatement(db, organizations, newOrgs.slice(i, i + BULK_CHUNK))]);
  for (let i = 0; i < writes.length; i += BULK_CHUNK) {
    const chunk = writes.slice(i, i + BULK_CHUNK);
    chunks.push([bulkInsertStatement(db, demands, chunk, { upsert: true }), ...bulkReplaceKeysStatements(db, caller.tenantId, "demand", chunk.map((d) => ({ id: d.id, keys: demandKeys(d) })))]);
  }
  // Five chunks (about 1,000 rows) per batch: fewer commits, each still far inside D1's limits.
  for (let i = 0; i < chunks.length; i += 5) await commit(db, [...chunks.slice(i, i + 5).flat(), bumpVersionStatement(db, caller.tenantId, "demands")]);
  await commit(db, [
    importRecordStatement(db, report, caller.tenantId, caller.keyId, at),
    eventStatement(db, {
      tenantId: caller.tenantId,
      type: "catalog.imported",
      audience: caller.organizationId ? [caller.organizationId] : [],
      subjectType: "catalog",
      subjectId: catalog.id,
      payload: { import_id: report.id, catalog_id: catalog.id, created, updated, unchanged, rejected: report.rejected },
      at: opts.now,
    }),
    auditStatement(db, {
      tenantId: caller.tenantId,
      actor: caller.keyId,
      action: "catalog.imported",
      subjectType: "catalog",
      subjectId: catalog.id,
      requestId: opts.requestId,
      detail: { import_id: report.id, created, updated, unchanged, rejected: report.rejected },
      at: opts.now,
    }),
  ]);
  return report;
}
