import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { InvalidParameterError } from "../../errors.ts";
import { parseQuarter, QUARTER_PATTERN, quarterOf } from "../../roadshows/quarter.ts";
import { quarterReport, reportCsv } from "../../roadshows/report.ts";
import { AUTHED_ERRORS, BEARER, errorResponses } from "../shared.ts";
import { RoadshowReportSchema, toReport } from "./schema.ts";

const Query = z.object({
  quarter: z
    .string()
    .regex(QUARTER_PATTERN, "must be a quarter like 2026Q3 (Q1–Q4)")
    .optional()
    .openapi({ param: { name: "quarter", in: "query" }, description: "Defaults to the current quarter.", example: "2026Q3" }),
  format: z.enum(["json", "csv"]).optional().openapi({ param: { name: "format", in: "query" }, description: "Or send `Accept: text/csv`." }),
});

const route = createRoute({
  method: "get",
  path: "/v1/reports/roadshows",
  tags: ["Roadshows", "Reports"],
  summary: "Quarterly roadshow report",
  description:
    "Organizers and admins. Per event starting in the quarter and in total: projects solicited, selected and signed, intended investment (yuan), confirmed seats, " +
    "check-ins, talents and teams introduced, meetings scheduled. As CSV with Chinese headers (UTF-8 with BOM) for `?format=csv` or `Accept: text/csv`.",
  security: BEARER,
  middleware: [authenticate()] as const,
  request: { query: Query },
  responses: {
    200: {
      description: "The report",
      content: { "application/json": { schema: RoadshowReportSchema }, "text/csv": { schema: z.string().openapi({ description: "活动编号,活动名称,…,洽谈场次 and a 合计 row" }) } },
    },
    ...errorResponses(400, ...AUTHED_ERRORS),
  },
});

export function registerRoadshowReport(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer");
    const query = c.req.valid("query");
    const { db, clock } = c.get("deps");
    const quarter = query.quarter === undefined ? quarterOf(clock()) : parseQuarter(query.quarter);
    if (!quarter) throw new InvalidParameterError([{ path: "quarter", message: "must be a quarter like 2026Q3 (Q1–Q4)" }]);
    const report = await quarterReport(db, caller.tenantId, quarter);
    const csv = query.format === "csv" || (query.format === undefined && (c.req.header("accept") ?? "").includes("text/csv"));
    if (csv) {
      return c.body(reportCsv(report), 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="roadshows-${quarter.label}.csv"`,
      });
    }
    return c.json(toReport(report), 200);
  });
}
