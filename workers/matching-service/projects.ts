import { and, eq, inArray } from "drizzle-orm";
import { indexKeys, prepareProject, rankScore, scoreProject, topK, type MatchResult, type Weights } from "../../matching/index.ts";
import { projects } from "../../schema/tables/roadshows.ts";
import type { Db } from "../db.ts";
import type { TalentRow } from "../data/profiles.ts";
import { type ProjectRow, projectProfile } from "../data/roadshows-projects.ts";
import { lexicon } from "../lexicon.ts";
import { talentFeatures } from "./features.ts";
import { CANDIDATE_POOL, MAX_RANKED, type Ranked } from "./rank.ts";
import { candidates } from "./retrieve.ts";

/** Projects still looking for talent: not yet ended (signed, not signed, rejected or withdrawn). */
const OPEN = new Set(["submitted", "selected", "pitched", "negotiating"]);

/** Roadshow projects for a talent ("talent + project"), ranked on the same machinery as demands. */
export async function rankProjectsForTalent(db: Db, talent: TalentRow, opts: { now: Date; weights: Weights; minScore?: number | undefined }): Promise<(Ranked & { row: ProjectRow })[]> {
  const lex = lexicon();
  const t = talentFeatures(talent);
  const ids = await candidates(db, talent.tenantId, "project", indexKeys(t, lex), CANDIDATE_POOL);
  const rows: ProjectRow[] = [];
  for (let i = 0; i < ids.length; i += 90) {
    rows.push(...(await db.select().from(projects).where(and(eq(projects.tenantId, talent.tenantId), inArray(projects.id, ids.slice(i, i + 90))))));
  }
  const open = rows.filter((p) => OPEN.has(p.status) && p.talentId !== talent.id);
  const byId = new Map(open.map((p) => [p.id, p]));
  const now = opts.now.getTime();
  const ranked = topK(t, open.map((p) => prepareProject(projectProfile(p), lex)), MAX_RANKED, (tf, o) => rankScore(tf, o, opts.weights, now));
  const out: (Ranked & { row: ProjectRow })[] = [];
  for (const r of ranked) {
    const row = byId.get(r.id);
    if (row && r.score >= (opts.minScore ?? 0)) out.push({ id: r.id, row, score: r.score });
  }
  return out;
}

export function explainProject(talent: TalentRow, project: ProjectRow, weights: Weights, now: Date): MatchResult {
  return scoreProject(talentFeatures(talent), prepareProject(projectProfile(project), lexicon()), weights, now.getTime());
}
