import { createRoute, z } from "@hono/zod-openapi";
import { and, eq, inArray } from "drizzle-orm";
import { demands, talents } from "../../../schema/index.ts";
import { allocations } from "../../../schema/tables/allocations.ts";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { NotFoundError } from "../../errors.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, idParam } from "../shared.ts";
import { AllocationSchema, allocationCsv, toAllocation } from "./schema.ts";

const route = createRoute({
  method: "get",
  path: "/v1/allocations/{id}",
  tags: ["Catalogs", "Matches"],
  summary: "Get an allocation, as JSON or CSV",
  description: "`?format=csv` (or `Accept: text/csv`) returns the assignments as a spreadsheet with Chinese headers.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer")] as const,
  request: {
    params: idParam("allocation"),
    query: z.object({ format: z.enum(["json", "csv"]).optional().openapi({ param: { name: "format", in: "query" } }) }),
  },
  responses: {
    200: {
      description: "The allocation",
      content: { "application/json": { schema: AllocationSchema }, "text/csv": { schema: z.string() } },
    },
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
    const wantsCsv = c.req.valid("query").format === "csv" || (c.req.valid("query").format === undefined && (c.req.header("accept") ?? "").includes("text/csv"));
    if (!wantsCsv) return c.json(toAllocation(row), 200);
    const assignments = row.result?.assignments ?? [];
    const titles = new Map<string, string>();
    const names = new Map<string, string>();
    for (let i = 0; i < assignments.length; i += 90) {
      const chunk = assignments.slice(i, i + 90);
      for (const d of await db.select({ id: demands.id, title: demands.title }).from(demands).where(inArray(demands.id, chunk.map((a) => a.demandId)))) titles.set(d.id, d.title);
      for (const t of await db.select({ id: talents.id, name: talents.name }).from(talents).where(inArray(talents.id, chunk.map((a) => a.talentId)))) names.set(t.id, t.name);
    }
    return c.body(allocationCsv(row, titles, names), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${row.id}.csv"`,
    });
  });
}
