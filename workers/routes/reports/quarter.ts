import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { eventsBetween } from "../../data/roadshows.ts";
import { InvalidParameterError } from "../../errors.ts";
import { parseQuarter, QUARTER_PATTERN, quarterOf } from "../../roadshows/quarter.ts";
import { EXPORT_CONTENT, exportFile, exportFormat, XLSX_MEDIA_TYPE } from "../../exports/index.ts";
import { chainRow, eventRow, reportTable, totalRow } from "../../roadshows/report-csv.ts";
import { roadshowReport } from "../../roadshows/report.ts";
import { AUTHED_ERRORS, BEARER, errorResponses } from "../shared.ts";
import { QuarterReportSchema, ReportFormatQuery, toQuarterReport } from "./schema.ts";

const Query = z.object({
  quarter: z
    .string()
    .regex(QUARTER_PATTERN, "must be a quarter like 2026Q3 (Q1–Q4)")
    .optional()
    .openapi({ param: { name: "quarter", in: "query" }, description: "Defaults to the current quarter.", example: "2026Q3" }),
  format: ReportFormatQuery,
});

const description =
  "Organizers and admins. Every event starting in the quarter with its figures (projects solicited, selected, pitched and signed; intended investment; talents and teams " +
  "introduced; confirmed signups by role, check-ins, no-shows; meetings scheduled and held), the totals, and project figures by industry chain. " +
  "As CSV with Chinese headers (UTF-8 with BOM; one row per event, a 合计 row, then one row per chain) for `?format=csv` or `Accept: text/csv`; the same rows as XLSX for `?format=xlsx`.";

const responses = {
  200: {
    description: "The report",
    content: {
      "application/json": { schema: QuarterReportSchema },
      "text/csv": { schema: z.string().openapi({ description: "范围,活动编号,活动名称,开始时间,产业链,征集项目数,…,洽谈场次（已举行）" }) },
      [XLSX_MEDIA_TYPE]: EXPORT_CONTENT[XLSX_MEDIA_TYPE],
    },
  },
  ...errorResponses(400, ...AUTHED_ERRORS),
};

const route = createRoute({
  method: "get",
  path: "/v1/reports",
  tags: ["Roadshows", "Reports"],
  summary: "Quarterly roadshow report",
  description,
  security: BEARER,
  middleware: [authenticate("admin", "organizer")] as const,
  request: { query: Query },
  responses,
});

const alias = createRoute({ ...route, path: "/v1/reports/roadshows", summary: "Quarterly roadshow report (alias of /v1/reports)", deprecated: true });

export function registerQuarterReport(app: App): void {
  for (const r of [route, alias]) {
    app.openapi(r, async (c) => {
      const caller = requireRole(c, "admin", "organizer");
      const query = c.req.valid("query");
      const { db, clock } = c.get("deps");
      const quarter = query.quarter === undefined ? quarterOf(clock()) : parseQuarter(query.quarter);
      if (!quarter) throw new InvalidParameterError([{ path: "quarter", message: "must be a quarter like 2026Q3 (Q1–Q4)" }]);
      const report = await roadshowReport(db, caller.tenantId, await eventsBetween(db, caller.tenantId, quarter.from, quarter.to));
      const format = exportFormat(query.format, c.req.header("accept"));
      if (format !== "json") {
        const rows = [...report.events.map(eventRow), totalRow(`${quarter.label}（${report.totals.events} 场）`, report.totals), ...report.byChain.map((x) => chainRow(x))];
        const file = exportFile(reportTable(rows), format, `roadshows-${quarter.label}`);
        return c.body(file.body, 200, file.headers);
      }
      return c.json(toQuarterReport(quarter.label, report), 200);
    });
  }
}
