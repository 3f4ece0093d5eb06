import {
  DEFAULT_WEIGHTS,
  type LeftOutReason,
  type OfferFeatures,
  prepareProject,
  scheduleMeetings,
  scoreDemand,
  scoreProject,
  type TalentFeatures,
} from "../../matching/index.ts";
import { listDemands } from "../data/demands.ts";
import type { MeetingRequestRow } from "../data/roadshows-meetings.ts";
import { getProjectInTenant, projectProfile } from "../data/roadshows-projects.ts";
import type { SignupRow } from "../data/roadshows-signups.ts";
import type { EventRow } from "../data/roadshows.ts";
import { getTalentInTenant } from "../data/talents.ts";
import type { Db } from "../db.ts";
import { lexicon } from "../lexicon.ts";
import { demandFeatures, talentFeatures } from "../matching-service/features.ts";

/** A mutual pair outranks any one-sided one: scores are 0–100 and requester priority adds at most 20. */
export const MUTUAL_BONUS = 200;
const PRIORITY_POINTS = 4;
/** An organization's open demands scored against a talent, at most. */
const DEMANDS_PER_ORG = 20;

export interface PlannedPair {
  key: string;
  a: string;
  b: string;
  mutual: boolean;
  score: number | null;
  priority: number;
}

export interface PlanOutcome {
  meetings: { pair: PlannedPair; slot: string; table: string }[];
  leftOut: { a: string; b: string; reason: LeftOutReason | "not_confirmed"; priority: number }[];
  totalPriority: number;
  upperBound: number;
}

/** The party a signup seats: its talent or its organization. */
export function partyOf(s: Pick<SignupRow, "talentId" | "organizationId">): string {
  return s.talentId ?? s.organizationId ?? "";
}

const isTalent = (party: string) => party.startsWith("tal_");

/**
 * Builds the scheduler's input from an event's requests and confirmed signups, and runs it.
 * Requests both ways make a mutual pair; priority is mutual bonus + match score + requester
 * priority. The score is talent × project when a request names a project, else the talent's best
 * score over the organization's open demands; two organizations or two talents score nothing.
 */
export async function planMeetings(db: Db, event: EventRow, requests: readonly MeetingRequestRow[], confirmed: readonly SignupRow[], now: Date): Promise<PlanOutcome> {
  const seated = new Map(confirmed.map((s) => [partyOf(s), s]));
  const pairs = new Map<string, { a: string; b: string; directions: Set<string>; priority: number; projectId: string | null }>();
  for (const r of requests) {
    const [a, b] = r.fromParty < r.toParty ? [r.fromParty, r.toParty] : [r.toParty, r.fromParty];
    const key = `${a}|${b}`;
    const pair = pairs.get(key) ?? { a, b, directions: new Set<string>(), priority: 0, projectId: null };
    pair.directions.add(r.fromParty);
    pair.priority = Math.max(pair.priority, r.priority);
    if (r.toKind === "project") pair.projectId = r.toId;
    if (r.fromKind === "project") pair.projectId = r.fromId;
    pairs.set(key, pair);
  }
  const cache: Cache = { talents: new Map(), demands: new Map() };
  const leftOut: PlanOutcome["leftOut"] = [];
  const planned: PlannedPair[] = [];
  for (const [key, p] of pairs) {
    const mutual = p.directions.size === 2;
    const score = await pairScore(db, event.tenantId, p.a, p.b, p.projectId, now, cache);
    const priority = Math.round(((mutual ? MUTUAL_BONUS : 0) + (score ?? 0) + PRIORITY_POINTS * p.priority) * 10) / 10;
    if (!seated.has(p.a) || !seated.has(p.b)) {
      leftOut.push({ a: p.a, b: p.b, reason: "not_confirmed", priority });
      continue;
    }
    planned.push({ key, a: p.a, b: p.b, mutual, score, priority });
  }
  const availability = new Map<string, readonly string[]>();
  for (const [party, s] of seated) if (s.availability) availability.set(party, s.availability);
  const result = scheduleMeetings({
    requests: planned.map((p) => ({ id: p.key, a: p.a, b: p.b, priority: p.priority })),
    slots: event.meetingSlots,
    tables: event.tables,
    availability,
  });
  const byKey = new Map(planned.map((p) => [p.key, p]));
  const meetings: PlanOutcome["meetings"] = [];
  for (const m of result.meetings) {
    const pair = byKey.get(m.requestId);
    if (pair) meetings.push({ pair, slot: m.slot, table: m.table });
  }
  for (const l of result.leftOut) {
    const pair = byKey.get(l.requestId);
    if (pair) leftOut.push({ a: pair.a, b: pair.b, reason: l.reason, priority: pair.priority });
  }
  leftOut.sort((x, y) => y.priority - x.priority || (x.a + x.b < y.a + y.b ? -1 : 1));
  return { meetings, leftOut, totalPriority: Math.round(result.totalPriority * 10) / 10, upperBound: Math.round(result.upperBound * 10) / 10 };
}

/** Rows read once per plan, however many pairs name them. */
interface Cache {
  talents: Map<string, TalentFeatures>;
  demands: Map<string, OfferFeatures[]>;
}

async function pairScore(db: Db, tenantId: string, a: string, b: string, projectId: string | null, now: Date, cache: Cache): Promise<number | null> {
  if (isTalent(a) === isTalent(b)) return null;
  const talentId = isTalent(a) ? a : b;
  const other = isTalent(a) ? b : a;
  let talent = cache.talents.get(talentId);
  if (!talent) {
    talent = talentFeatures(await getTalentInTenant(db, tenantId, talentId));
    cache.talents.set(talentId, talent);
  }
  if (projectId) {
    const project = await getProjectInTenant(db, tenantId, projectId);
    if (project.talentId !== talentId) return scoreProject(talent, prepareProject(projectProfile(project), lexicon()), DEFAULT_WEIGHTS, now.getTime()).score;
  }
  let offers = cache.demands.get(other);
  if (!offers) {
    const rows = await listDemands(db, tenantId, { organizationId: other, status: "open" }, { limit: DEMANDS_PER_ORG - 1, after: null });
    offers = rows.map(demandFeatures);
    cache.demands.set(other, offers);
  }
  if (offers.length === 0) return null;
  const t = talent;
  return Math.max(...offers.map((d) => scoreDemand(t, d, DEFAULT_WEIGHTS, now.getTime()).score));
}
