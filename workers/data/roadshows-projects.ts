import { and, desc, eq, inArray, lt, or, type SQL } from "drizzle-orm";
import { type EngagementMode, type ProjectProfile, prepareProject, queryKeys } from "../../matching/index.ts";
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

/** Every project of the given events (reports). */
export async function projectsOfEvents(db: Db, eventIds: readonly string[]): Promise<ProjectRow[]> {
  const out: ProjectRow[] = [];
  for (let i = 0; i < eventIds.length; i += 90) out.push(...(await db.select().from(projects).where(inArray(projects.eventId, eventIds.slice(i, i + 90)))));
  return out;
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

export function updateProjectStatements(db: Db, row: ProjectRow): Statement[] {
  return [
    db
      .update(projects)
      .set(row)
      .where(and(eq(projects.tenantId, row.tenantId), eq(projects.id, row.id))),
    ...replaceKeysStatements(db, row.tenantId, "project", row.id, projectKeys(row)),
  ];
}
