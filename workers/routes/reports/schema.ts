import { z } from "@hono/zod-openapi";
import { EVENT_STATUSES } from "../../../schema/tables/roadshows.ts";
import type { ChainFigures, EventFigures, EventReport, ProjectFigures, RoadshowReport } from "../../roadshows/report.ts";

const count = (description: string) => z.number().int().openapi({ description });

const projectFigures = {
  projects_solicited: count("征集项目数: projects submitted to the event (also those carried over to a later one since)."),
  projects_selected: count("入选项目数: selected, or further (pitched, negotiating, signed, not signed)."),
  projects_pitched: count("路演项目数: pitched, or further."),
  projects_signed: count("签约项目数."),
  intended_investment: count("签约意向金额, yuan, over signed projects."),
  talents_introduced: count("引进人才数: distinct talents named by signings."),
  teams_introduced: count("引进团队数: distinct teams named by signings."),
};

const eventFigures = {
  ...projectFigures,
  signups: z
    .object({ talent: z.number().int(), team: z.number().int(), enterprise: z.number().int(), investor: z.number().int() })
    .openapi({ description: "Confirmed seats per role (checked in or not)." }),
  check_ins: count("签到人数."),
  no_shows: count("未到场: confirmed, never checked in; 0 until the event is held."),
  meetings_scheduled: count("洽谈场次 in the current plan."),
  meetings_held: count("Scheduled meetings whose two sides both checked in; 0 until the event is held."),
};

const ChainSchema = z.object({ industry_chain: z.string().nullable().openapi({ description: "Null: projects with no chain." }), ...projectFigures });

const EventRef = z.object({ id: z.string(), name: z.string(), starts_at: z.string(), status: z.enum(EVENT_STATUSES), city_code: z.string().nullable() });

export const EventReportSchema = z
  .object({
    event: EventRef,
    figures: z.object(eventFigures),
    by_industry_chain: z.array(ChainSchema).openapi({ description: "Project figures per industry chain, most projects first." }),
  })
  .openapi("EventReport");

export const QuarterReportSchema = z
  .object({
    quarter: z.string().openapi({ example: "2026Q3" }),
    events: z.array(z.object({ event: EventRef, figures: z.object(eventFigures) })).openapi({ description: "Events starting in the quarter, oldest first." }),
    totals: z.object({ events: z.number().int(), ...eventFigures }).openapi({ description: "Sums; projects, talents and teams counted once." }),
    by_industry_chain: z.array(ChainSchema),
  })
  .openapi("QuarterReport");

function projectWire(f: ProjectFigures) {
  return {
    projects_solicited: f.projectsSolicited,
    projects_selected: f.projectsSelected,
    projects_pitched: f.projectsPitched,
    projects_signed: f.projectsSigned,
    intended_investment: f.intendedInvestment,
    talents_introduced: f.talentsIntroduced,
    teams_introduced: f.teamsIntroduced,
  };
}

function eventWire(f: EventFigures) {
  return {
    ...projectWire(f),
    signups: { ...f.signups },
    check_ins: f.checkIns,
    no_shows: f.noShows,
    meetings_scheduled: f.meetingsScheduled,
    meetings_held: f.meetingsHeld,
  };
}

const chainWire = (c: ChainFigures) => ({ industry_chain: c.chain, ...projectWire(c) });
const eventRef = (r: EventReport) => ({ id: r.event.id, name: r.event.title, starts_at: r.event.startsAt, status: r.event.status, city_code: r.event.city });

export function toEventReport(r: EventReport): z.infer<typeof EventReportSchema> {
  return EventReportSchema.parse({ event: eventRef(r), figures: eventWire(r.figures), by_industry_chain: r.byChain.map(chainWire) });
}

export function toQuarterReport(quarter: string, r: RoadshowReport): z.infer<typeof QuarterReportSchema> {
  return QuarterReportSchema.parse({
    quarter,
    events: r.events.map((e) => ({ event: eventRef(e), figures: eventWire(e.figures) })),
    totals: { events: r.totals.events, ...eventWire(r.totals) },
    by_industry_chain: r.byChain.map(chainWire),
  });
}

export { ExportFormatQuery as ReportFormatQuery } from "../../exports/index.ts";
