/**
 * The match benches' data set: `talents` talents and `demands` demands in one tenant, generated
 * deterministically (seeded PRNG, bench/synthetic.ts profiles: the shipped taxonomy's occupations
 * and their job-board aliases) and written through the bulk statements the imports use
 * (workers/data/bulk.ts: json_each INSERTs of 200 rows plus their match_keys). The built database
 * is cached under /tmp, keyed by a hash of everything that decides its content (schema
 * tables and bulk statements, and a sample of the generated rows with their index keys), so a
 * rerun skips the load. Each run works on a copy, so writes never dirty the cache.
 */
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { organizations } from "../../schema/index.ts";
import { catalogs, demands, talents } from "../../schema/index.ts";
import { BULK_CHUNK, bulkInsertStatement, bulkReplaceKeysStatements } from "../../workers/data/bulk.ts";
import { demandContentHash } from "../../workers/data/demands.ts";
import { type DemandRow, demandKeys, type TalentRow, talentKeys } from "../../workers/data/profiles.ts";
import { commit, type Db } from "../../workers/db.ts";
import { openDatabase } from "../../workers/node/database.ts";
import { blankDemand } from "../../workers/routes/demands/schema.ts";
import { blankTalent } from "../../workers/routes/talents/create.ts";
import { provisionTenant } from "../../workers/services/provision-tenant.ts";
import { makeDemand, makeTalent, prng } from "../synthetic.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
const CACHE_DIR = "/tmp/wutong-bench-cache";
/** Bump when the generator changes in a way the source hash would not catch. */
const GENERATOR = "dataset-v1";
export const ORGANIZATIONS = 200;
/** The first CATALOG_LINES demands form one catalog (the allocation bench's). */
export const CATALOG_LINES = 2000;
const AT = "2026-01-01T00:00:00.000Z";
const BASE_MS = Date.parse(AT);
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A valid, time-ordered, deterministic id (`tal_` + 26 Crockford characters), like workers/lib/ids.ts makes. */
export function benchId(prefix: string, i: number, r: () => number): string {
  let time = BASE_MS + i;
  let head = "";
  for (let k = 0; k < 10; k++) {
    head = CROCKFORD.charAt(time % 32) + head;
    time = Math.floor(time / 32);
  }
  let tail = "";
  for (let k = 0; k < 16; k++) tail += CROCKFORD.charAt(Math.floor(r() * 32));
  return `${prefix}_${head}${tail}`;
}

export function talentRow(r: () => number, i: number, tenantId: string): TalentRow {
  const p = makeTalent(r, i);
  const row = blankTalent(benchId("tal", i, r), tenantId, "bench-seed", AT);
  return {
    ...row,
    externalId: `BT-${i}`,
    name: `人才${i}`,
    email: `talent${i}@example.com`,
    education: p.education ?? null,
    titleLevel: p.title ?? null,
    experienceYears: p.yearsExperience ?? null,
    industries: [...(p.industryCodes ?? [])],
    occupations: [...(p.occupationCodes ?? [])],
    skills: [...(p.skills ?? [])],
    summary: `${p.yearsExperience ?? 0}年经验，熟悉${(p.skills ?? []).join("、")}`,
    city: p.currentCity ?? null,
    originCity: p.originCity ?? null,
    desiredCities: [...(p.desiredCities ?? [])],
    willingToRelocate: r() < 0.7,
    modes: [...(p.modes ?? [])],
    salaryExpected: p.expectedSalary ?? null,
    categoryLevel: p.categoryLevel ?? null,
  };
}

export function demandRow(r: () => number, i: number, tenantId: string, organizationId: string, catalogId: string | null): DemandRow {
  const p = makeDemand(r, i, BASE_MS);
  const row = blankDemand({ id: benchId("dem", i, r), tenantId, organizationId, createdBy: "bench-seed", at: AT });
  return {
    ...row,
    catalogId,
    importKey: catalogId ? `ext:BD-${i}` : null,
    externalId: `BD-${i}`,
    title: p.title,
    description: p.description ?? null,
    industryCode: p.industryCode ?? null,
    occupationCode: p.occupationCode ?? null,
    city: p.city ?? null,
    headcount: p.headcount ?? null,
    minEducation: p.minEducation ?? null,
    minTitle: p.minTitle ?? null,
    minExperienceYears: p.minYearsExperience ?? null,
    requiredSkills: [...(p.requiredSkills ?? [])],
    preferredSkills: [...(p.preferredSkills ?? [])],
    modes: [...(p.modes ?? [])],
    salaryMin: p.salaryMin ?? null,
    salaryMax: p.salaryMax ?? null,
    urgency: p.urgency ?? null,
    // Far enough ahead that a cached database never expires its demands.
    validUntil: "2030-12-31",
  };
}

export interface DatasetMeta {
  version: string;
  talents: number;
  demands: number;
  tenantId: string;
  adminKey: string;
  catalogId: string;
  organizationIds: string[];
  /** Ids of every 100th talent and demand: the benches' spread of subjects. */
  sampleTalentIds: string[];
  sampleDemandIds: string[];
  build: { ms: number; talentsMs: number; demandsMs: number; mainBytes: number; walBytes: number };
}

export interface Dataset {
  /** The working copy (safe to write). */
  file: string;
  meta: DatasetMeta;
  cached: boolean;
  copyMs: number;
  remove(): void;
}

/**
 * What decides the cached file's content: the tables it writes, the bulk statements, and the rows
 * and index keys the generator produces now (a sample of each, so an edit to the matching core
 * that changes index keys invalidates the cache, and one that does not leaves it alone). Newer
 * migrations need no rebuild: opening the copy applies them, as `npm start` would.
 */
function sourceVersion(): string {
  const h = createHash("sha256").update(GENERATOR);
  for (const f of ["schema/talents.ts", "schema/demands.ts", "schema/match-index.ts", "workers/data/bulk.ts"]) h.update(f).update(readFileSync(join(ROOT, f)));
  const rt = prng(42);
  for (let i = 0; i < 300; i++) {
    const t = talentRow(rt, i, "ten_x");
    h.update(JSON.stringify(t)).update(talentKeys(t).join(" "));
  }
  const rd = prng(4242);
  for (let i = 0; i < 300; i++) {
    const d = demandRow(rd, i, "ten_x", "org_x", null);
    h.update(JSON.stringify(d)).update(demandKeys(d).join(" "));
  }
  return h.digest("hex").slice(0, 12);
}

/** Builds (or reuses) the cached database and returns a fresh working copy of it. */
export async function dataset(nTalents: number, nDemands: number, log: (line: string) => void = console.log): Promise<Dataset> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const version = sourceVersion();
  const base = join(CACHE_DIR, `match-${version}-${nTalents}-${nDemands}`);
  const cached = existsSync(`${base}.json`) && existsSync(`${base}.db`);
  if (!cached) {
    for (const f of readdirSync(CACHE_DIR)) if (f.startsWith("match-") && !f.startsWith(`match-${version}-`)) rmSync(join(CACHE_DIR, f), { force: true });
    log(`building the data set (${nTalents.toLocaleString("en")} talents, ${nDemands.toLocaleString("en")} demands) into ${base}.db …`);
    await build(`${base}.db`, `${base}.json`, version, nTalents, nDemands, log);
  } else log(`data set cached: ${base}.db (version ${version})`);
  // Working copies left by runs that were killed (their process is gone): 0.8 GB each.
  for (const f of readdirSync(CACHE_DIR)) {
    const pid = /^work-(\d+)\.db/.exec(f)?.[1];
    if (pid && !alive(Number(pid))) rmSync(join(CACHE_DIR, f), { force: true });
  }
  const meta = JSON.parse(readFileSync(`${base}.json`, "utf8")) as DatasetMeta;
  const work = join(CACHE_DIR, `work-${process.pid}.db`);
  const t0 = performance.now();
  copyFileSync(`${base}.db`, work);
  const copyMs = performance.now() - t0;
  const remove = () => {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(work + suffix, { force: true });
  };
  return { file: work, meta, cached, copyMs, remove };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function build(file: string, metaFile: string, version: string, nTalents: number, nDemands: number, log: (line: string) => void): Promise<void> {
  const tmp = `${file}.building`;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(tmp + suffix, { force: true });
  const t0 = performance.now();
  const { db, close } = await openDatabase(`file:${tmp}`);
  const now = new Date(AT);
  const { tenant, adminSecret } = await provisionTenant(db, { name: "基准市", slug: "bench", regionCode: "1506" }, { actor: "bench-seed", requestId: null, now });
  const r = prng(20260601);
  const orgs = Array.from({ length: ORGANIZATIONS }, (_, i) => ({ id: benchId("org", i, r), tenantId: tenant.id, name: `基准企业${i}有限公司`, kind: "enterprise" as const, createdAt: AT, updatedAt: AT }));
  const catalogId = benchId("cat", 0, r);
  await commit(db, [
    bulkInsertStatement(db, organizations, orgs),
    db.insert(catalogs).values({ id: catalogId, tenantId: tenant.id, name: "基准目录", year: 2026, industryChains: [], createdAt: AT, updatedAt: AT }),
  ]);

  const rt = prng(42);
  const sampleTalentIds: string[] = [];
  let t1 = performance.now();
  for (let i = 0; i < nTalents; i += BULK_CHUNK) {
    const chunk = Array.from({ length: Math.min(BULK_CHUNK, nTalents - i) }, (_, k) => talentRow(rt, i + k, tenant.id));
    for (const [k, t] of chunk.entries()) if ((i + k) % 100 === 0) sampleTalentIds.push(t.id);
    await commit(db, [bulkInsertStatement(db, talents, chunk), ...bulkReplaceKeysStatements(db, tenant.id, "talent", chunk.map((t) => ({ id: t.id, keys: talentKeys(t) })))]);
    if ((i + BULK_CHUNK) % 50_000 === 0) log(`  ${(i + BULK_CHUNK).toLocaleString("en")} talents …`);
  }
  const talentsMs = performance.now() - t1;

  const rd = prng(4242);
  const sampleDemandIds: string[] = [];
  t1 = performance.now();
  for (let i = 0; i < nDemands; i += BULK_CHUNK) {
    const chunk: DemandRow[] = [];
    for (let k = i; k < Math.min(nDemands, i + BULK_CHUNK); k++) {
      const org = orgs[k % ORGANIZATIONS];
      if (!org) throw new Error("no organization");
      const d = demandRow(rd, k, tenant.id, org.id, k < CATALOG_LINES ? catalogId : null);
      d.contentHash = await demandContentHash(d);
      if (k % 100 === 0) sampleDemandIds.push(d.id);
      chunk.push(d);
    }
    await commit(db, [bulkInsertStatement(db, demands, chunk), ...bulkReplaceKeysStatements(db, tenant.id, "demand", chunk.map((d) => ({ id: d.id, keys: demandKeys(d) })))]);
  }
  const demandsMs = performance.now() - t1;
  await db.run(sql`PRAGMA wal_checkpoint(TRUNCATE)`);
  close();
  const ms = performance.now() - t0;
  const size = (f: string) => (existsSync(f) ? statSync(f).size : 0);
  const meta: DatasetMeta = {
    version,
    talents: nTalents,
    demands: nDemands,
    tenantId: tenant.id,
    adminKey: adminSecret,
    catalogId,
    organizationIds: orgs.map((o) => o.id),
    sampleTalentIds,
    sampleDemandIds,
    build: { ms, talentsMs, demandsMs, mainBytes: size(tmp), walBytes: size(`${tmp}-wal`) },
  };
  for (const suffix of ["-wal", "-shm"]) rmSync(tmp + suffix, { force: true });
  renameSync(tmp, file);
  writeFileSync(metaFile, JSON.stringify(meta));
  log(`  built in ${(ms / 1000).toFixed(1)} s (talents ${(talentsMs / 1000).toFixed(1)} s, demands ${(demandsMs / 1000).toFixed(1)} s), ${(meta.build.mainBytes / 1048576).toFixed(0)} MB`);
}

/** Opens a database file in this process (for in-process measures beside the server). */
export async function openFile(file: string): Promise<{ db: Db; close: () => void }> {
  const { db, close } = await openDatabase(`file:${file}`);
  return { db, close };
}
