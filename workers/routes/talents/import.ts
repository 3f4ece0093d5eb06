import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { getTenant } from "../../data/tenants.ts";
import { idempotent } from "../../idempotency.ts";
import { defer } from "../../jobs/defer.ts";
import { suggestForTalent } from "../../matching-service/suggest.ts";
import { SUGGEST_AFTER_IMPORT } from "../../services/import-report.ts";
import { parseMappingParam, readUpload } from "../../services/import-file.ts";
import { importTalents } from "../../services/import-talents.ts";
import { importBody, ImportQuery, ImportReportSchema, prefersChinese, toImportReport } from "../catalogs/import-schema.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, IdempotencyHeader, jsonContent } from "../shared.ts";

const route = createRoute({
  method: "post",
  path: "/v1/talents/imports",
  tags: ["Talents"],
  summary: "Import talent profiles from Excel, CSV or JSON",
  description:
    "Headers in Chinese or English (姓名/name, 手机/phone, 邮箱/email, 最高学历/education, 专业/major, 职称/title_level, 技能/skills, 现居城市/city, 意向城市/desired_cities, 引进方式/modes, 外部编号/external_id, …). Rows are keyed by external id, else by phone. A row is rejected only when 姓名 is empty or it has no usable contact (a missing or broken 手机/邮箱), or it repeats a key; other cells that do not parse or resolve are warnings. The same report (reason_zh/reason_en), dry run, job (GET /v1/imports/{id}) and idempotency as catalog imports; concurrent imports of the same new phone settle to one profile, or 409. Values in the report are blanked after 30 days and when the talent is erased.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer")] as const,
  request: { query: ImportQuery, headers: IdempotencyHeader, body: importBody },
  responses: { 200: jsonContent(ImportReportSchema, "The import report"), ...errorResponses(400, ...AUTHED_ERRORS, 409, 413, 415, 422) },
});

export function registerImportTalents(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer");
    const query = c.req.valid("query");
    const mapping = parseMappingParam(query.mapping);
    const { db, clock } = c.get("deps");
    const upload = await readUpload(c, "talent", mapping);
    const tenant = await getTenant(db, caller.tenantId);
    return idempotent(c, caller.tenantId, async () => {
      const report = await importTalents(db, caller, upload, { dryRun: query.dry_run === "true", now: clock(), requestId: c.get("requestId"), regionCode: tenant.regionCode, idempotencyKey: c.req.header("idempotency-key") ?? null });
      const changed = report.changedIds.slice(0, SUGGEST_AFTER_IMPORT);
      if (changed.length > 0) {
        defer(c, "suggestions", async () => {
          for (const id of changed) await suggestForTalent(db, caller.tenantId, id, clock());
        });
      }
      return c.json(toImportReport(report, { zh: prefersChinese(c.req.header("accept-language")) }), 200);
    });
  });
}
