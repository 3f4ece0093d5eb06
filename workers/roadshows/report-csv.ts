import { type ExportTable, toCsv } from "../exports/index.ts";
import type { ChainFigures, EventFigures, EventReport, ProjectFigures } from "./report.ts";

type Row = { scope: string; eventId: string; name: string; startsAt: string; chain: string; projects: ProjectFigures; event: EventFigures | null };

const COLUMNS: [string, (r: Row) => string | number][] = [
  ["范围", (r) => r.scope],
  ["活动编号", (r) => r.eventId],
  ["活动名称", (r) => r.name],
  ["开始时间", (r) => r.startsAt],
  ["产业链", (r) => r.chain],
  ["征集项目数", (r) => r.projects.projectsSolicited],
  ["入选项目数", (r) => r.projects.projectsSelected],
  ["路演项目数", (r) => r.projects.projectsPitched],
  ["签约项目数", (r) => r.projects.projectsSigned],
  ["签约意向金额（元）", (r) => r.projects.intendedInvestment],
  ["引进人才数", (r) => r.projects.talentsIntroduced],
  ["引进团队数", (r) => r.projects.teamsIntroduced],
  ["报名人才数", (r) => r.event?.signups.talent ?? ""],
  ["报名团队数", (r) => r.event?.signups.team ?? ""],
  ["报名企业数", (r) => r.event?.signups.enterprise ?? ""],
  ["报名投资机构数", (r) => r.event?.signups.investor ?? ""],
  ["签到人数", (r) => r.event?.checkIns ?? ""],
  ["未到场人数", (r) => r.event?.noShows ?? ""],
  ["洽谈场次（已安排）", (r) => r.event?.meetingsScheduled ?? ""],
  ["洽谈场次（已举行）", (r) => r.event?.meetingsHeld ?? ""],
];

export const eventRow = (r: EventReport): Row => ({ scope: "活动", eventId: r.event.id, name: r.event.title, startsAt: r.event.startsAt, chain: "", projects: r.figures, event: r.figures });
export const totalRow = (label: string, totals: EventFigures): Row => ({ scope: "合计", eventId: "", name: label, startsAt: "", chain: "", projects: totals, event: totals });
export const chainRow = (c: ChainFigures, event?: EventReport): Row => ({
  scope: "产业链",
  eventId: event?.event.id ?? "",
  name: event?.event.title ?? "",
  startsAt: "",
  chain: c.chain ?? "未分类",
  projects: c,
  event: null,
});

/** Rows as a table with Chinese headers. Chain rows leave the seat and meeting columns empty. */
export function reportTable(rows: readonly Row[]): ExportTable {
  return { sheet: "路演报告", columns: COLUMNS.map(([h]) => h), rows: rows.map((r) => COLUMNS.map(([, get]) => get(r))) };
}

/** Rows as CSV with Chinese headers, CRLF, and a BOM so Excel reads it as UTF-8; every text cell defused by the export module. */
export function reportCsv(rows: readonly Row[]): string {
  return toCsv(reportTable(rows));
}
