import { createRoute, z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { allocations } from "../../../schema/tables/allocations.ts";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { demandLabels, talentNames } from "../../data/names.ts";
import { NotFoundError } from "../../errors.ts";
import { EXPORT_CONTENT, exportFile, exportFormat, ExportFormatQuery } from "../../exports/index.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, idParam } from "../shared.ts";
import { allocationIds, AllocationSchema, allocationTable, toAllocation } from "./schema.ts";

const route = createRoute({
  method: "get",
  path: "/v1/allocations/{id}",
  tags: ["Catalogs", "Matches"],
  summary: "Get an allocation, as JSON, CSV or XLSX",
  description:
    "Assignments carry the employer, position and talent names beside the ids. `?format=csv|xlsx` (or `Accept: text/csv` or the XLSX media type) downloads them with Chinese headers (单位名称, 岗位名称, 人才姓名, 匹配度, 匹配理由, …); cells a spreadsheet would run as a formula are prefixed with `'`.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer")] as const,
  request: { params: idParam("allocation"), query: z.object({ format: ExportFormatQuery }) },
  responses: {
    200: { description: "The allocation", content: { "application/json": { schema: AllocationSchema }, ...EXPORT_CONTENT } },
    ...errorResponses(400, ...AUTHED_ERRORS, 404),
  },
});

export function registerGetAllocation(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer");
    const id = c.req.valid("param").id;
    const { db } = c.get("deps");
    const row = (await db.select().from(allocations).where(and(eq(allocations.tenantId, caller.tenantId), eq(allocations.id, id))).limit(1))[0];
    if (!row) throw new NotFoundError("allocation", id);
    const ids = allocationIds(row);
    const names = { demands: await demandLabels(db, caller.tenantId, ids.demandIds), talents: await talentNames(db, caller.tenantId, ids.talentIds) };
    const format = exportFormat(c.req.valid("query").format, c.req.header("accept"));
    if (format === "json") return c.json(toAllocation(row, names), 200);
    const file = exportFile(allocationTable(row, names), format, `分配结果-${row.id}`);
    return c.body(file.body, 200, file.headers);
  });
}
