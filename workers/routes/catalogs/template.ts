import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { catalogTemplateXlsx } from "../../imports/index.ts";
import { AUTHED_ERRORS, BEARER, errorResponses } from "../shared.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const route = createRoute({
  method: "get",
  path: "/v1/catalogs/template.xlsx",
  tags: ["Catalogs"],
  summary: "Download the catalog template (Excel)",
  description: "The Chinese headers the importer reads, with one example row: start a catalog from here.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise")] as const,
  responses: { 200: { description: "The template", content: { [XLSX]: { schema: z.string().openapi({ format: "binary" }) } } }, ...errorResponses(...AUTHED_ERRORS) },
});

export function registerCatalogTemplate(app: App): void {
  app.openapi(route, (c) => {
    requireRole(c, "admin", "organizer", "enterprise");
    const bytes = catalogTemplateXlsx();
    return c.body(bytes.slice().buffer, 200, {
      "content-type": XLSX,
      "content-disposition": "attachment; filename*=UTF-8''%E4%BA%BA%E6%89%8D%E9%9C%80%E6%B1%82%E7%9B%AE%E5%BD%95%E6%A8%A1%E6%9D%BF.xlsx",
    });
  });
}
