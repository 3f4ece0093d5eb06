import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { getEventInTenant } from "../../data/roadshows.ts";
import { EXPORT_CONTENT, exportFile, exportFormat, XLSX_MEDIA_TYPE } from "../../exports/index.ts";
import { chainRow, eventRow, reportTable } from "../../roadshows/report-csv.ts";
import { roadshowReport } from "../../roadshows/report.ts";
import { EventReportSchema, ReportFormatQuery, toEventReport } from "../reports/schema.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, idParam } from "../shared.ts";

const route = createRoute({
  method: "get",
  path: "/v1/events/{id}/report",
  tags: ["Roadshows", "Reports"],
  summary: "An event's report",
  description:
    "Organizers and admins. Projects solicited, selected, pitched and signed (counting projects carried over since with the status they reached here); intended investment; " +
    "talents and teams introduced; confirmed signups by role, check-ins, no-shows; meetings scheduled and held; and project figures by industry chain. " +
    "No-shows and meetings held count once the event is `held`. As CSV with Chinese headers for `?format=csv` or `Accept: text/csv`, as XLSX for `?format=xlsx`.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer")] as const,
  request: { params: idParam("event"), query: z.object({ format: ReportFormatQuery }) },
  responses: {
    200: {
      description: "The report",
      content: {
        "application/json": { schema: EventReportSchema },
        "text/csv": { schema: z.string().openapi({ description: "范围,活动编号,…: the event's row, then one row per industry chain" }) },
        [XLSX_MEDIA_TYPE]: EXPORT_CONTENT[XLSX_MEDIA_TYPE],
      },
    },
    ...errorResponses(400, ...AUTHED_ERRORS, 404),
  },
});

export function registerEventReport(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer");
    const { db } = c.get("deps");
    const event = await getEventInTenant(db, caller.tenantId, c.req.valid("param").id);
    const report = (await roadshowReport(db, caller.tenantId, [event])).events[0];
    if (!report) throw new Error("unreachable: a report of one event has that event");
    const format = exportFormat(c.req.valid("query").format, c.req.header("accept"));
    if (format !== "json") {
      const file = exportFile(reportTable([eventRow(report), ...report.byChain.map((x) => chainRow(x, report))]), format, `event-${event.id}`);
      return c.body(file.body, 200, file.headers);
    }
    return c.json(toEventReport(report), 200);
  });
}
