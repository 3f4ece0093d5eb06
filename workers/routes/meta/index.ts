import { createRoute, z } from "@hono/zod-openapi";
import { Scalar } from "@scalar/hono-api-reference";
import { sql } from "drizzle-orm";
import type { App } from "../../app.ts";
import { ApiError, ERROR_CODES, type ErrorCode } from "../../errors.ts";
import { ZH_ERROR_TEXT } from "../../i18n.ts";
import { describeError } from "../../logger.ts";
import { jsonContent, errorResponses } from "../shared.ts";
import { registerOpenApiDocument } from "./openapi.ts";

const HealthSchema = z.object({ status: z.literal("ok"), database: z.literal("ok") }).openapi("Health");

const health = createRoute({
  method: "get",
  path: "/healthz",
  tags: ["Meta"],
  summary: "Liveness and database reachability",
  responses: {
    200: jsonContent(HealthSchema, "Up, and the database answers"),
    ...errorResponses(405, 503),
  },
});

const ProblemTypeSchema = z
  .object({
    code: z.string(),
    status: z.number().int(),
    title: z.string(),
    description: z.string(),
    title_zh: z.string().openapi({ example: "校验失败" }),
    description_zh: z.string(),
  })
  .openapi("ProblemType");

const problemType = createRoute({
  method: "get",
  path: "/problems/{code}",
  tags: ["Meta"],
  summary: "What a problem `type` means",
  description: "Every problem's `type` is `/problems/{code}`; this explains the code.",
  request: {
    params: z.object({
      code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]).openapi({ param: { name: "code", in: "path" } }),
    }),
  },
  responses: { 200: jsonContent(ProblemTypeSchema, "The problem type"), ...errorResponses(400) },
});

/** Health, the OpenAPI document, the reference page, and problem type descriptions. */
export function registerMetaRoutes(app: App): void {
  app.openapi(health, async (c) => {
    try {
      await c.get("deps").db.run(sql`select 1`);
    } catch (err) {
      c.get("deps").logger.error("health check failed", describeError(err));
      throw new ApiError("service_unavailable", "The database is not reachable.");
    }
    return c.json({ status: "ok" as const, database: "ok" as const }, 200);
  });

  app.openapi(problemType, (c) => {
    const { code } = c.req.valid("param");
    const entry = ERROR_CODES[code];
    const zh = ZH_ERROR_TEXT[code];
    return c.json({ code, status: entry.status, title: entry.title, description: entry.description, title_zh: zh.title, description_zh: zh.description }, 200);
  });

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "An API key: `wt_…` for tenant keys, `wtop_…` for the operator key.",
  });

  registerOpenApiDocument(app);

  app.get("/docs", Scalar({ url: "/openapi.json", pageTitle: "Wutong API reference" }));
}
