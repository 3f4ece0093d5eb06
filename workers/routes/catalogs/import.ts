import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { getCatalogInTenant } from "../../data/catalogs.ts";
import { getTenant } from "../../data/tenants.ts";
import { idempotent } from "../../idempotency.ts";
import { defer } from "../../jobs/defer.ts";
import { suggestForDemand } from "../../matching-service/suggest.ts";
import { SUGGEST_AFTER_IMPORT } from "../../services/import-report.ts";
import { importDemands } from "../../services/import-demands.ts";
import { parseMappingParam, readUpload } from "../../services/import-file.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, IdempotencyHeader, idParam, jsonContent } from "../shared.ts";
import { importBody, ImportQuery, ImportReportSchema, prefersChinese, toImportReport } from "./import-schema.ts";

const route = createRoute({
  method: "post",
  path: "/v1/catalogs/{id}/imports",
  tags: ["Catalogs"],
  summary: "Import catalog lines from Excel, CSV or JSON",
  description:
    "Chinese or English headers (岗位名称/title, 用人单位/employer, 需求人数/headcount, 学历要求/education, …; see the template at /v1/catalogs/template.xlsx). GBK-encoded CSV is decoded. A row is rejected only when a required cell (岗位名称, 用人单位, a bad 需求人数 or 工作地点) is missing or broken, or it repeats a line; any other cell that does not parse or resolve is a warning (an unknown 行业/职业 is kept as text without a code) and the row lands. Every rejection and warning has reason_zh and reason_en (reason follows Accept-Language). Lines are keyed by 外部编号/external_id, else by employer + title + city: importing the same file again changes nothing. The import is a job (GET /v1/imports/{id}): batches of 1,000 lines commit with its progress; a job interrupted by a crash completes when the same file is imported again. Concurrent imports of the same lines settle to created/updated lines, or 409 if they keep colliding. Up to 20 MB and 50,000 rows.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer")] as const,
  request: { params: idParam("catalog"), query: ImportQuery, headers: IdempotencyHeader, body: importBody },
  responses: { 200: jsonContent(ImportReportSchema, "The import report"), ...errorResponses(400, ...AUTHED_ERRORS, 404, 409, 413, 415, 422) },
});

export function registerImportCatalog(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer");
    const query = c.req.valid("query");
    const mapping = parseMappingParam(query.mapping);
    const { db, clock } = c.get("deps");
    const catalog = await getCatalogInTenant(db, caller.tenantId, c.req.valid("param").id);
    // Read the bytes first: the idempotency fingerprint then hashes them as read, not re-decoded.
    const upload = await readUpload(c, "demand", mapping);
    const tenant = await getTenant(db, caller.tenantId);
    return idempotent(c, caller.tenantId, async () => {
      const report = await importDemands(db, caller, catalog, upload, {
        dryRun: query.dry_run === "true",
        now: clock(),
        requestId: c.get("requestId"),
        regionCode: tenant.regionCode,
        idempotencyKey: c.req.header("idempotency-key") ?? null,
      });
      const changed = report.changedIds.slice(0, SUGGEST_AFTER_IMPORT);
      if (changed.length > 0) {
        defer(c, "suggestions", async () => {
          for (const id of changed) await suggestForDemand(db, caller.tenantId, id, clock());
        });
      }
      return c.json(toImportReport(report, { zh: prefersChinese(c.req.header("accept-language")) }), 200);
    });
  });
}
