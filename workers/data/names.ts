import { and, eq, inArray } from "drizzle-orm";
import { demands, organizations, talents } from "../../schema/index.ts";
import type { Db } from "../db.ts";

// Well under D1's 100 bound parameters per statement, with the tenant id beside them.
const CHUNK = 90;

async function chunked<T>(ids: readonly string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(ids)];
  const out: T[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) out.push(...(await read(unique.slice(i, i + CHUNK))));
  return out;
}

/** What a person prints for a demand: its title (the position) and its employer's name. */
export interface DemandLabel {
  title: string;
  organizationId: string;
  employerName: string;
}

/** Titles and employer names of demands of the tenant, by id; ids of other tenants or deleted demands are absent. */
export async function demandLabels(db: Db, tenantId: string, ids: readonly string[]): Promise<Map<string, DemandLabel>> {
  const rows = await chunked(ids, (chunk) =>
    db
      .select({ id: demands.id, title: demands.title, organizationId: demands.organizationId, employerName: organizations.name })
      .from(demands)
      .innerJoin(organizations, eq(organizations.id, demands.organizationId))
      .where(and(eq(demands.tenantId, tenantId), inArray(demands.id, chunk))),
  );
  return new Map(rows.map((r) => [r.id, { title: r.title, organizationId: r.organizationId, employerName: r.employerName }]));
}

/** Display names of talents of the tenant, by id. */
export async function talentNames(db: Db, tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await chunked(ids, (chunk) =>
    db
      .select({ id: talents.id, name: talents.name })
      .from(talents)
      .where(and(eq(talents.tenantId, tenantId), inArray(talents.id, chunk))),
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Names of organizations of the tenant, by id. */
export async function organizationNames(db: Db, tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await chunked(ids, (chunk) =>
    db
      .select({ id: organizations.id, name: organizations.name })
      .from(organizations)
      .where(and(eq(organizations.tenantId, tenantId), inArray(organizations.id, chunk))),
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Display names of parties that are either talents or organizations (meeting participants, signups). */
export async function partyNames(db: Db, tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const [people, orgs] = await Promise.all([talentNames(db, tenantId, ids), organizationNames(db, tenantId, ids)]);
  return new Map([...people, ...orgs]);
}

/** Demand labels, talent and organization names for rows that pair a demand with a talent (suggestions, introductions). */
export interface PairNames {
  demands: Map<string, DemandLabel>;
  talents: Map<string, string>;
  organizations: Map<string, string>;
}

export async function pairNames(
  db: Db,
  tenantId: string,
  pairs: readonly { demandId: string; talentId: string; organizationId?: string }[],
): Promise<PairNames> {
  const [demandsById, talentsById, orgsById] = await Promise.all([
    demandLabels(db, tenantId, pairs.map((p) => p.demandId)),
    talentNames(db, tenantId, pairs.map((p) => p.talentId)),
    organizationNames(db, tenantId, pairs.flatMap((p) => (p.organizationId ? [p.organizationId] : []))),
  ]);
  return { demands: demandsById, talents: talentsById, organizations: orgsById };
}
