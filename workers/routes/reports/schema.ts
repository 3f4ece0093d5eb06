import { z } from "@hono/zod-openapi";
import type { EventFigures, QuarterReport } from "../../roadshows/report.ts";

const figures = {
  projects_solicited: z.number().int().openapi({ description: "征集项目数: projects submitted to the event." }),
  projects_selected: z.number().int().openapi({ description: "入选项目数: selected (or since signed)." }),
  projects_signed: z.number().int().openapi({ description: "签约项目数." }),
  intended_investment: z.number().int().openapi({ description: "签约意向金额, yuan, over signed projects." }),
  confirmed_signups: z.number().int().openapi({ description: "Seats confirmed now (not cancelled)." }),
  checked_in: z.number().int().openapi({ description: "签到人数." }),
  talents_introduced: z.number().int().openapi({ description: "引进人才数: talents (role talent) who checked in." }),
  teams_introduced: z.number().int().openapi({ description: "引进团队数: teams who checked in." }),
  meetings_scheduled: z.number().int().openapi({ description: "洽谈场次 in the current plans." }),
};

export const RoadshowReportSchema = z
  .object({
    quarter: z.string().openapi({ example: "2026Q3" }),
    events: z.array(z.object({ event_id: z.string(), title: z.string(), starts_at: z.string(), ...figures })),
    totals: z.object({ events: z.number().int(), ...figures }),
  })
  .openapi("RoadshowReport");

function wire(f: Omit<EventFigures, "eventId" | "title" | "startsAt">) {
  return {
    projects_solicited: f.projectsSolicited,
    projects_selected: f.projectsSelected,
    projects_signed: f.projectsSigned,
    intended_investment: f.intendedInvestment,
    confirmed_signups: f.confirmedSignups,
    checked_in: f.checkedIn,
    talents_introduced: f.talentsIntroduced,
    teams_introduced: f.teamsIntroduced,
    meetings_scheduled: f.meetingsScheduled,
  };
}

export function toReport(r: QuarterReport): z.infer<typeof RoadshowReportSchema> {
  return RoadshowReportSchema.parse({
    quarter: r.quarter,
    events: r.events.map((e) => ({ event_id: e.eventId, title: e.title, starts_at: e.startsAt, ...wire(e) })),
    totals: { events: r.totals.events, ...wire(r.totals) },
  });
}
