import { sql } from "drizzle-orm";
import { meetings, signups } from "../../schema/tables/roadshows.ts";
import { projectsOfEvents } from "../data/roadshows-projects.ts";
import { eventsBetween } from "../data/roadshows.ts";
import type { Db } from "../db.ts";
import type { Quarter } from "./quarter.ts";

/** One event's figures, in the organizers' own terms. */
export interface EventFigures {
  eventId: string;
  title: string;
  startsAt: string;
  projectsSolicited: number;
  projectsSelected: number;
  projectsSigned: number;
  /** 签约意向金额, yuan. */
  intendedInvestment: number;
  confirmedSignups: number;
  checkedIn: number;
  talentsIntroduced: number;
  teamsIntroduced: number;
  meetingsScheduled: number;
}

export interface QuarterReport {
  quarter: string;
  events: EventFigures[];
  totals: Omit<EventFigures, "eventId" | "title" | "startsAt"> & { events: number };
}

const FIGURES = [
  "projectsSolicited",
  "projectsSelected",
  "projectsSigned",
  "intendedInvestment",
  "confirmedSignups",
  "checkedIn",
  "talentsIntroduced",
  "teamsIntroduced",
  "meetingsScheduled",
] as const;

/**
 * The quarter's roadshow figures: every event starting in the quarter, with projects solicited,
 * selected and signed, intended investment of the signed ones, confirmed seats, check-ins, talents
 * and teams introduced (checked in), and meetings scheduled.
 */
export async function quarterReport(db: Db, tenantId: string, quarter: Quarter): Promise<QuarterReport> {
  const events = await eventsBetween(db, tenantId, quarter.from, quarter.to);
  const ids = JSON.stringify(events.map((e) => e.id));
  const seatRows = await db.all<{ event_id: string; role: string; confirmed: number; checked_in: number }>(sql`
    SELECT event_id, role, sum(status = 'confirmed') AS confirmed, sum(checked_in_at IS NOT NULL) AS checked_in
    FROM ${signups} WHERE event_id IN (SELECT value FROM json_each(${ids})) GROUP BY event_id, role`);
  const meetingRows = await db.all<{ event_id: string; n: number }>(sql`
    SELECT event_id, count(*) AS n FROM ${meetings} WHERE event_id IN (SELECT value FROM json_each(${ids})) GROUP BY event_id`);
  const projects = await projectsOfEvents(
    db,
    events.map((e) => e.id),
  );
  const figures = events.map((e): EventFigures => {
    const mine = projects.filter((p) => p.eventId === e.id);
    const seats = seatRows.filter((r) => r.event_id === e.id);
    const checked = (role: string) => Number(seats.find((r) => r.role === role)?.checked_in ?? 0);
    return {
      eventId: e.id,
      title: e.title,
      startsAt: e.startsAt,
      projectsSolicited: mine.length,
      projectsSelected: mine.filter((p) => p.status === "selected" || p.status === "signed").length,
      projectsSigned: mine.filter((p) => p.status === "signed").length,
      intendedInvestment: mine.reduce((sum, p) => sum + (p.status === "signed" ? (p.intendedInvestment ?? 0) : 0), 0),
      confirmedSignups: seats.reduce((sum, r) => sum + Number(r.confirmed), 0),
      checkedIn: seats.reduce((sum, r) => sum + Number(r.checked_in), 0),
      talentsIntroduced: checked("talent"),
      teamsIntroduced: checked("team"),
      meetingsScheduled: Number(meetingRows.find((r) => r.event_id === e.id)?.n ?? 0),
    };
  });
  const totals = { events: figures.length } as QuarterReport["totals"];
  for (const key of FIGURES) totals[key] = figures.reduce((sum, f) => sum + f[key], 0);
  return { quarter: quarter.label, events: figures, totals };
}

const HEADERS: [string, (f: EventFigures) => string | number][] = [
  ["活动编号", (f) => f.eventId],
  ["活动名称", (f) => f.title],
  ["开始时间", (f) => f.startsAt],
  ["征集项目数", (f) => f.projectsSolicited],
  ["入选项目数", (f) => f.projectsSelected],
  ["签约项目数", (f) => f.projectsSigned],
  ["签约意向金额（元）", (f) => f.intendedInvestment],
  ["确认报名数", (f) => f.confirmedSignups],
  ["签到人数", (f) => f.checkedIn],
  ["引进人才数", (f) => f.talentsIntroduced],
  ["引进团队数", (f) => f.teamsIntroduced],
  ["洽谈场次", (f) => f.meetingsScheduled],
];

function cell(value: string | number): string {
  const text = String(value);
  // Quote what CSV needs quoted, and defuse spreadsheet formulas in free text.
  const safe = /^[=+\-@]/.test(text) && typeof value === "string" ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The report as CSV with Chinese headers and a 合计 row; a BOM so Excel reads it as UTF-8. */
export function reportCsv(report: QuarterReport): string {
  const lines = [HEADERS.map(([h]) => h).join(",")];
  for (const f of report.events) lines.push(HEADERS.map(([, get]) => cell(get(f))).join(","));
  const total: EventFigures = { eventId: "合计", title: `${report.quarter}（${report.totals.events} 场）`, startsAt: "", ...report.totals };
  lines.push(HEADERS.map(([, get]) => cell(get(total))).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
