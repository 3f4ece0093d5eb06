import { and, desc, eq, inArray, isNotNull, lt, or, type SQL, sql } from "drizzle-orm";
import { type EngagementMode, type ProjectProfile, prepareProject, queryKeys } from "../../matching/index.ts";
import type { SQLiteUpdateSetSource } from "drizzle-orm/sqlite-core";
import { demands, talents } from "../../schema/index.ts";
import { type ProjectStatus, projects } from "../../schema/tables/roadshows.ts";
import type { Db, Statement } from "../db.ts";
import { NotFoundError } from "../errors.ts";
import { lexicon } from "../lexicon.ts";
import { replaceKeysStatements } from "./match-keys.ts";

export type ProjectRow = typeof projects.$inferSelect;

export async function getProjectInTenant(db: Db, tenantId: string, id: string): Promise<ProjectRow> {
  const rows = await db
    .select()
    .from(projects)
    .where(and(eq(projects.tenantId, tenantId), eq(projects.id, id)))
    .limit(1);
  const row = rows[0];
  if (!row) throw new NotFoundError("project", id);
  return row;
}

export interface ProjectFilters {
  eventId?: string | undefined;
  status?: ProjectStatus | undefined;
  /** Restricts to what a talent or enterprise may see: its own, plus (for enterprises) selected and signed ones. */
  visibleTo?: { talentId?: string; organizationId?: string; publicStatuses?: ProjectStatus[] } | undefined;
}

/** A page of projects, newest first. */
export async function listProjects(db: Db, tenantId: string, f: ProjectFilters, opts: { limit: number; after: string | null }): Promise<ProjectRow[]> {
  const conditions: (SQL | undefined)[] = [eq(projects.tenantId, tenantId)];
  if (f.eventId) conditions.push(eq(projects.eventId, f.eventId));
  if (f.status) conditions.push(eq(projects.status, f.status));
  if (f.visibleTo) {
    const v = f.visibleTo;
    conditions.push(
      or(
        v.talentId ? eq(projects.talentId, v.talentId) : undefined,
        v.organizationId ? eq(projects.organizationId, v.organizationId) : undefined,
        v.publicStatuses && v.publicStatuses.length > 0 ? inArray(projects.status, v.publicStatuses) : undefined,
      ),
    );
  }
  if (opts.after) conditions.push(lt(projects.id, opts.after));
  return db
    .select()
    .from(projects)
    .where(and(...conditions))
    .orderBy(desc(projects.id))
    .limit(opts.limit + 1);
}

/** Every project that is in one of the events now, or was before it was carried over (reports). */
export async function projectsOfEvents(db: Db, tenantId: string, eventIds: readonly string[]): Promise<ProjectRow[]> {
  if (eventIds.length === 0) return [];
  const ids = JSON.stringify([...new Set(eventIds)]);
  const inEvents = sql`(SELECT value FROM json_each(${ids}))`;
  return db
    .select()
    .from(projects)
    .where(
      and(
        eq(projects.tenantId, tenantId),
        or(
          sql`${projects.eventId} IN ${inEvents}`,
          sql`(${projects.history} <> '[]' AND EXISTS (SELECT 1 FROM json_each(${projects.history}) h WHERE json_extract(h.value, '$.event_id') IN ${inEvents}))`,
        ),
      ),
    );
}

/** Which of `ids` are talents of the tenant, each with its team name (null: not a team). */
export async function talentTeams(db: Db, tenantId: string, ids: readonly string[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 90) {
    const rows = await db
      .select({ id: talents.id, team: talents.teamName })
      .from(talents)
      .where(and(eq(talents.tenantId, tenantId), inArray(talents.id, unique.slice(i, i + 90))));
    for (const r of rows) out.set(r.id, r.team);
  }
  return out;
}

/** The industry chain most of the tenant's demands in these industries belong to (a project that names none gets it), or null. */
export async function inferIndustryChain(db: Db, tenantId: string, industryCodes: readonly string[]): Promise<string | null> {
  if (industryCodes.length === 0) return null;
  const rows = await db
    .select({ chain: demands.industryChain, n: sql<number>`count(*)` })
    .from(demands)
    .where(and(eq(demands.tenantId, tenantId), inArray(demands.industryCode, [...industryCodes]), isNotNull(demands.industryChain)))
    .groupBy(demands.industryChain)
    .orderBy(sql`count(*) DESC`, demands.industryChain)
    .limit(1);
  return rows[0]?.chain ?? null;
}

/**
 * Moves a project only if it is still in `from` (and, when given, still in the event read),
 * naming the write with `token`; put `eventIfChangedStatement` / `auditIfChangedStatement` right
 * after it. Of two racing moves exactly one changes the row.
 */
export function transitionStatement(db: Db, p: { tenantId: string; id: string; from: ProjectStatus; eventId?: string | null }, set: SQLiteUpdateSetSource<typeof projects>, token: string): Statement {
  const conditions: (SQL | undefined)[] = [eq(projects.tenantId, p.tenantId), eq(projects.id, p.id), eq(projects.status, p.from)];
  if (p.eventId !== undefined) conditions.push(p.eventId === null ? sql`${projects.eventId} IS NULL` : eq(projects.eventId, p.eventId));
  return db
    .update(projects)
    .set({ ...set, changeToken: token })
    .where(and(...conditions));
}

/** Appends one history entry in SQL, so the list is extended by whichever write wins, never overwritten. */
export function historyAppend(entry: { event_id: string; status: ProjectStatus; at: string }): SQL {
  return sql`json_insert(${projects.history}, '$[#]', json(${JSON.stringify(entry)}))`;
}

function epoch(date: string | null): number | undefined {
  return date ? Date.parse(date) : undefined;
}

/** A stored project as the matching core sees it. */
export function projectProfile(row: ProjectRow): ProjectProfile {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary ?? undefined,
    industryCodes: row.industryCodes,
    skillsSought: row.skillsSought,
    city: row.city ?? undefined,
    stage: row.stage ?? undefined,
    modes: row.modes as EngagementMode[],
    validUntil: epoch(null),
  };
}

/** The index keys a project looks talents up by (written as kind `project`). */
export function projectKeys(row: ProjectRow): string[] {
  const lex = lexicon();
  return queryKeys(prepareProject(projectProfile(row), lex), lex);
}

export function insertProjectStatements(db: Db, row: ProjectRow): Statement[] {
  return [db.insert(projects).values(row), ...replaceKeysStatements(db, row.tenantId, "project", row.id, projectKeys(row))];
}

/** Writes the project's fields if its status is still `expected`; `token` names the write. */
export function updateProjectStatements(db: Db, row: ProjectRow, expected: ProjectStatus, token: string): Statement[] {
  return [
    transitionStatement(db, { tenantId: row.tenantId, id: row.id, from: expected }, row, token),
    ...replaceKeysStatements(db, row.tenantId, "project", row.id, projectKeys(row)),
  ];
}
