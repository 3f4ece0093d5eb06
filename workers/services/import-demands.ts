import { and, eq, inArray } from "drizzle-orm";
import { demands, organizations } from "../../schema/index.ts";
import type { TenantPrincipal } from "../context.ts";
import { auditStatement } from "../data/audit.ts";
import { BULK_CHUNK, bulkInsertStatement, bulkReplaceKeysStatements } from "../data/bulk.ts";
import type { CatalogRow } from "../data/catalogs.ts";
import { demandContentHash, findDemandsByImportKeys } from "../data/demands.ts";
import { eventStatement } from "../data/outbox.ts";
import { type DemandRow, demandKeys } from "../data/profiles.ts";
import { commit, type Db, type Statement } from "../db.ts";
import { type ImportIssue, type ParsedDemand, parseDemandRows } from "../imports/index.ts";
import { newId } from "../lib/ids.ts";
import { blankDemand } from "../routes/demands/schema.ts";
import { listIndustryChains } from "../data/industry-chains.ts";
import { findChain, placeOptions, resolveIndustryOrChain, resolveJobTitle, resolvePlace, type Resolution, type TaxonomyLevel } from "../taxonomy/index.ts";
import { headerOf, type ReadUpload } from "./import-file.ts";
import { commitBatches, completeStatement, failImportJob, type ImportJob, progressStatements, startImportJob, totals } from "./import-job.ts";
import { byRow, type ImportReport, rejectedRows, resolutionIssue, sha256OfBytes } from "./import-report.ts";

/** Lines per commit: five bulk chunks, far inside D1's limits, and the unit of progress. */
const LINES_PER_BATCH = BULK_CHUNK * 5;

export interface ImportOptions {
  dryRun: boolean;
  now: Date;
  requestId: string;
  regionCode: string | null;
  idempotencyKey: string | null;
}

interface Resolved {
  p: ParsedDemand;
  industry: string | null;
  occupation: string | null;
  city: string | null;
  chain: string | null;
  unresolved: Record<string, string[]> | null;
}

const importKeyOf = (p: ParsedDemand, city: string | null) => (p.externalId ? `ext:${p.externalId}` : `nat:${p.employer}|${p.title}|${city ?? ""}`);

/**
 * Imports a catalog file as a job (see import-job.ts). Valid rows land even when others are
 * rejected; a rejected row is reported with its row number, column, value and reason, a kept
 * row's doubtful cells as warnings. Lines are keyed by external id, else by employer + title +
 * city, so importing the same file again changes nothing. Employers named in the file are
 * matched to organizations by name or created as enterprises.
 */
export async function importDemands(db: Db, caller: TenantPrincipal, catalog: CatalogRow, upload: ReadUpload, opts: ImportOptions): Promise<ImportReport> {
  const parsed = parseDemandRows(upload.table, upload.mapping);
  const rejections: ImportIssue[] = [...parsed.rejected];
  const warnings: ImportIssue[] = [...parsed.warnings];
  const at = opts.now.toISOString();

  // Industry and occupation are optional: an unresolved name is kept as text, with a warning. The
  // place decides where the line is, so a place that does not resolve rejects the row.
  const places = placeOptions(opts.regionCode);
  const chains = await listIndustryChains(db, caller.tenantId);
  const resolved: Resolved[] = [];
  const lost = new Set<number>();
  for (const p of parsed.valid) {
    const unresolved: Record<string, string[]> = {};
    const soft = (field: string, value: string | null, resolve: (v: string) => Resolution<TaxonomyLevel>): string | null => {
      if (!value) return null;
      const r = resolve(value);
      if (r.status === "ok") return r.code;
      warnings.push(resolutionIssue({ row: p.row, column: headerOf(upload.mapping, field), value }, r, true));
      unresolved[field] = [value];
      return null;
    };
    const byIndustry = p.industry ? resolveIndustryOrChain(p.industry, chains) : null;
    const industry = soft("industry", p.industry, () => byIndustry?.resolution ?? { status: "unknown", suggestions: [] });
    // A 所属产业链 cell naming one of the tenant's chains gives the chain's spelling and, failing an 行业, its industry.
    const chain = (p.industryChain ? findChain(chains, p.industryChain) : null) ?? byIndustry?.chain ?? null;
    const occupation = soft("occupation", p.occupation, resolveJobTitle);
    // Without an occupation column, a title that names an occupation gives it; one that does not is no warning.
    const fromTitle = p.occupation ? null : resolveJobTitle(p.title);
    let city: string | null = null;
    if (p.city) {
      const r = resolvePlace(p.city, places);
      if (r.status !== "ok") {
        rejections.push(resolutionIssue({ row: p.row, column: headerOf(upload.mapping, "city"), value: p.city }, r, false));
        lost.add(p.row);
        continue;
      }
      city = r.code;
    }
    resolved.push({
      p,
      industry: industry ?? chain?.industryCodes[0] ?? null,
      occupation: occupation ?? (fromTitle?.status === "ok" ? fromTitle.code : null),
      city,
      chain: chain?.name ?? p.industryChain,
      unresolved: Object.keys(unresolved).length > 0 ? unresolved : null,
    });
  }

  // A rejected row's warnings would only repeat what its rejection already asks to fix.
  if (lost.size > 0) warnings.splice(0, warnings.length, ...warnings.filter((w) => !lost.has(w.row)));
  const rejected = rejectedRows(rejections);
  const fileSha256 = await sha256OfBytes(upload.bytes);
  const names = [...new Set(resolved.map((r) => r.p.employer))];
  const counts = { rowsDone: rejected, created: 0, updated: 0, unchanged: 0, rejected, organizationsCreated: 0 };
  const changedIds: string[] = [];
  const report = (id: string, job: ImportJob | null): ImportReport => ({
    id,
    kind: "demands",
    catalogId: catalog.id,
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
    organizationsCreated: counts.organizationsCreated,
    fileSha256,
    changedIds,
  });

  if (opts.dryRun) {
    const orgByName = await organizationsByName(db, caller.tenantId, names);
    for (let i = 0; i < resolved.length; i += LINES_PER_BATCH) {
      const { rows } = await buildLines(db, caller, catalog, resolved.slice(i, i + LINES_PER_BATCH), orgByName, opts.now);
      for (const r of rows) counts[r.outcome]++;
    }
    // Dry runs write nothing, so their report is never stored and its id only names the response.
    return report(newId("import", opts.now), null);
  }

  const job = await startImportJob(db, {
    kind: "demands",
    tenantId: caller.tenantId,
    catalogId: catalog.id,
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
    // Employers first: a concurrent import naming the same new employer inserts nothing twice
    // (ON CONFLICT DO NOTHING), and both read back the one organization.
    const known = await organizationsByName(db, caller.tenantId, names);
    const newOrgs = names.filter((n) => !known.has(n)).map((name) => ({ id: newId("organization", opts.now), tenantId: caller.tenantId, name, kind: "enterprise" as const, createdAt: at, updatedAt: at }));
    if (newOrgs.length > 0) {
      const inserts: Statement[] = [];
      for (let i = 0; i < newOrgs.length; i += BULK_CHUNK) inserts.push(bulkInsertStatement(db, organizations, newOrgs.slice(i, i + BULK_CHUNK), { ignoreConflicts: true }));
      await commit(db, [...inserts, ...progressStatements(db, job, counts, who)]);
    }
    const orgByName = newOrgs.length > 0 ? await organizationsByName(db, caller.tenantId, names) : known;
    const mine = new Set(newOrgs.map((o) => o.id));
    counts.organizationsCreated = [...orgByName.values()].filter((id) => mine.has(id)).length;

    await commitBatches(db, job, who, {
      lines: resolved,
      size: LINES_PER_BATCH,
      kind: "demands",
      counts,
      changedIds,
      build: async (lines) => (await buildLines(db, caller, catalog, lines, orgByName, opts.now)).rows,
      write: (chunk) => [bulkInsertStatement(db, demands, chunk, { upsert: true }), ...bulkReplaceKeysStatements(db, caller.tenantId, "demand", chunk.map((d) => ({ id: d.id, keys: demandKeys(d) })))],
    });

    const final = report(job.id, job);
    await commit(db, [
      completeStatement(db, final, at),
      eventStatement(db, {
        tenantId: caller.tenantId,
        type: "catalog.imported",
        audience: caller.organizationId ? [caller.organizationId] : [],
        subjectType: "catalog",
        subjectId: catalog.id,
        payload: { import_id: final.id, catalog_id: catalog.id, created: final.created, updated: final.updated, unchanged: final.unchanged, rejected: final.rejected },
        at: opts.now,
      }),
      auditStatement(db, {
        tenantId: caller.tenantId,
        actor: caller.keyId,
        action: "catalog.imported",
        subjectType: "catalog",
        subjectId: catalog.id,
        requestId: opts.requestId,
        detail: { import_id: final.id, created: final.created, updated: final.updated, unchanged: final.unchanged, rejected: final.rejected },
        at: opts.now,
      }),
    ]);
    return final;
  } catch (err) {
    await failImportJob(db, job, opts.now);
    throw err;
  }
}

async function organizationsByName(db: Db, tenantId: string, names: readonly string[]): Promise<Map<string, string>> {
  const byName = new Map<string, string>();
  for (let i = 0; i < names.length; i += 90) {
    const rows = await db
      .select({ id: organizations.id, name: organizations.name })
      .from(organizations)
      .where(and(eq(organizations.tenantId, tenantId), inArray(organizations.name, names.slice(i, i + 90))));
    for (const r of rows) byName.set(r.name, r.id);
  }
  return byName;
}

/** The rows a batch of lines writes, from the catalog's current lines with the same import keys. */
async function buildLines(db: Db, caller: TenantPrincipal, catalog: CatalogRow, lines: readonly Resolved[], orgByName: ReadonlyMap<string, string>, now: Date) {
  const at = now.toISOString();
  const keys = lines.map((r) => importKeyOf(r.p, r.city));
  const existing = new Map<string, DemandRow>();
  for (const r of await findDemandsByImportKeys(db, catalog.id, keys)) if (r.importKey) existing.set(r.importKey, r);
  const rows: { row: DemandRow; outcome: "created" | "updated" | "unchanged" }[] = [];
  for (const [i, { p, industry, occupation, city, chain, unresolved }] of lines.entries()) {
    const importKey = keys[i] ?? "";
    const before = existing.get(importKey);
    const organizationId = orgByName.get(p.employer) ?? before?.organizationId ?? "";
    const base = before ?? blankDemand({ id: newId("demand", now), tenantId: caller.tenantId, organizationId, createdBy: caller.keyId, at });
    const row: DemandRow = {
      ...base,
      organizationId,
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
      unresolvedNames: unresolved,
    };
    row.contentHash = await demandContentHash(row);
    if (before && before.contentHash === row.contentHash) rows.push({ row, outcome: "unchanged" });
    else {
      if (before) row.updatedAt = at;
      rows.push({ row, outcome: before ? "updated" : "created" });
    }
  }
  return { rows };
}
