import { sql } from "drizzle-orm";
import { meetings, SIGNUP_ROLES, type ProjectStatus, type SignupRole, signups } from "../../schema/tables/roadshows.ts";
import { type ProjectRow, projectsOfEvents } from "../data/roadshows-projects.ts";
import type { EventRow } from "../data/roadshows.ts";
import type { Db } from "../db.ts";
import { PITCHED_OR_LATER, SELECTED_OR_LATER, TOOK_PLACE } from "./lifecycle.ts";

/** Project figures, in the organizers' own terms; talents and teams are distinct people and teams. */
export interface ProjectFigures {
  projectsSolicited: number;
  projectsSelected: number;
  projectsPitched: number;
  projectsSigned: number;
  /** 签约意向金额, yuan. */
  intendedInvestment: number;
  talentsIntroduced: number;
  teamsIntroduced: number;
}

export interface EventFigures extends ProjectFigures {
  /** Confirmed seats (checked in or not) per role. */
  signups: Record<SignupRole, number>;
  checkIns: number;
  /** Confirmed but never checked in; counted once the event is held. */
  noShows: number;
  meetingsScheduled: number;
  /** Scheduled meetings whose two sides both checked in; counted once the event is held. */
  meetingsHeld: number;
}

export interface ChainFigures extends ProjectFigures {
  chain: string | null;
}

export interface EventReport {
  event: EventRow;
  figures: EventFigures;
  byChain: ChainFigures[];
}

export interface RoadshowReport {
  events: EventReport[];
  totals: EventFigures & { events: number };
  byChain: ChainFigures[];
}

/** A project's part in one event: now, or (from its history) before it was carried over. */
interface Participation {
  eventId: string;
  project: ProjectRow;
  status: ProjectStatus;
}

function participations(rows: readonly ProjectRow[], eventIds: ReadonlySet<string>): Participation[] {
  const out: Participation[] = [];
  for (const p of rows) {
    if (p.eventId && eventIds.has(p.eventId)) out.push({ eventId: p.eventId, project: p, status: p.status });
    for (const h of p.history) if (eventIds.has(h.event_id)) out.push({ eventId: h.event_id, project: p, status: h.status });
  }
  return out;
}

function projectFigures(parts: readonly Participation[]): ProjectFigures {
  const ids = (keep: (x: Participation) => boolean) => new Set(parts.filter(keep).map((x) => x.project.id));
  const signed = [...new Map(parts.filter((x) => x.status === "signed").map((x) => [x.project.id, x.project])).values()];
  return {
    projectsSolicited: ids(() => true).size,
    projectsSelected: ids((x) => SELECTED_OR_LATER.includes(x.status)).size,
    projectsPitched: ids((x) => PITCHED_OR_LATER.includes(x.status)).size,
    projectsSigned: signed.length,
    intendedInvestment: signed.reduce((sum, p) => sum + (p.intendedInvestment ?? 0), 0),
    talentsIntroduced: new Set(signed.flatMap((p) => p.talentsIntroduced)).size,
    teamsIntroduced: new Set(signed.flatMap((p) => p.teamsIntroduced)).size,
  };
}

function byChain(parts: readonly Participation[]): ChainFigures[] {
  const groups = new Map<string | null, Participation[]>();
  for (const x of parts) groups.set(x.project.industryChain, [...(groups.get(x.project.industryChain) ?? []), x]);
  return [...groups.entries()]
    .map(([chain, list]) => ({ chain, ...projectFigures(list) }))
    .sort((a, b) => b.projectsSolicited - a.projectsSolicited || (a.chain ?? "\uffff").localeCompare(b.chain ?? "\uffff", "zh"));
}

const noSignups = (): Record<SignupRole, number> => Object.fromEntries(SIGNUP_ROLES.map((r) => [r, 0])) as Record<SignupRole, number>;

/**
 * Figures of the given events: projects (including those carried over since, with the status they
 * reached there), seats by role, check-ins, no-shows, meetings; each event with its breakdown by
 * industry chain, and totals over all of them (people and projects counted once).
 */
export async function roadshowReport(db: Db, tenantId: string, events: readonly EventRow[]): Promise<RoadshowReport> {
  const ids = events.map((e) => e.id);
  const json = JSON.stringify(ids);
  const seatRows = await db.all<{ event_id: string; role: SignupRole; confirmed: number; checked_in: number; absent: number }>(sql`
    SELECT event_id, role, sum(status = 'confirmed') AS confirmed, sum(checked_in_at IS NOT NULL) AS checked_in,
      sum(status = 'confirmed' AND checked_in_at IS NULL) AS absent
    FROM ${signups} WHERE event_id IN (SELECT value FROM json_each(${json})) GROUP BY event_id, role`);
  const meetingRows = await db.all<{ event_id: string; party_a: string; party_b: string }>(sql`
    SELECT event_id, party_a, party_b FROM ${meetings} WHERE event_id IN (SELECT value FROM json_each(${json}))`);
  const took = JSON.stringify(events.filter((e) => TOOK_PLACE.includes(e.status)).map((e) => e.id));
  const present = await db.all<{ event_id: string; party: string }>(sql`
    SELECT event_id, coalesce(talent_id, organization_id) AS party FROM ${signups}
    WHERE event_id IN (SELECT value FROM json_each(${took})) AND checked_in_at IS NOT NULL`);
  const here = new Set(present.map((r) => `${r.event_id}|${r.party}`));
  const parts = participations(await projectsOfEvents(db, tenantId, ids), new Set(ids));

  const reports = events.map((event): EventReport => {
    const mine = parts.filter((x) => x.eventId === event.id);
    const seats = seatRows.filter((r) => r.event_id === event.id);
    const tookPlace = TOOK_PLACE.includes(event.status);
    const signupsByRole = noSignups();
    for (const r of seats) signupsByRole[r.role] = Number(r.confirmed);
    const planned = meetingRows.filter((m) => m.event_id === event.id);
    return {
      event,
      figures: {
        ...projectFigures(mine),
        signups: signupsByRole,
        checkIns: seats.reduce((sum, r) => sum + Number(r.checked_in), 0),
        noShows: tookPlace ? seats.reduce((sum, r) => sum + Number(r.absent), 0) : 0,
        meetingsScheduled: planned.length,
        meetingsHeld: tookPlace ? planned.filter((m) => here.has(`${m.event_id}|${m.party_a}`) && here.has(`${m.event_id}|${m.party_b}`)).length : 0,
      },
      byChain: byChain(mine),
    };
  });
  const sum = (get: (f: EventFigures) => number) => reports.reduce((total, r) => total + get(r.figures), 0);
  const signupsTotal = noSignups();
  for (const role of SIGNUP_ROLES) signupsTotal[role] = sum((f) => f.signups[role]);
  return {
    events: reports,
    totals: {
      events: reports.length,
      ...projectFigures(parts),
      signups: signupsTotal,
      checkIns: sum((f) => f.checkIns),
      noShows: sum((f) => f.noShows),
      meetingsScheduled: sum((f) => f.meetingsScheduled),
      meetingsHeld: sum((f) => f.meetingsHeld),
    },
    byChain: byChain(parts),
  };
}
