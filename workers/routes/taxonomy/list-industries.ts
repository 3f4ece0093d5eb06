import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { INDUSTRY_LEVELS } from "../../taxonomy/types.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, jsonContent } from "../shared.ts";
import { listPage, READERS, SearchQuery } from "./list.ts";
import { IndustryListSchema, toIndustry } from "./schema.ts";

const route = createRoute({
  method: "get",
  path: "/v1/taxonomy/industries",
  tags: ["Taxonomy"],
  summary: "Search industries (GB/T 4754-2017)",
  description: "Sections, divisions, groups and classes, in code order. `q` matches a code prefix (`C`, `26`) or part of a name.",
  security: BEARER,
  middleware: [authenticate(...READERS)] as const,
  request: {
    query: SearchQuery.extend({
      level: z
        .enum(INDUSTRY_LEVELS)
        .optional()
        .openapi({ param: { name: "level", in: "query" }, example: "division" }),
    }),
  },
  responses: {
    200: jsonContent(IndustryListSchema, "A page of industries"),
    ...errorResponses(400, ...AUTHED_ERRORS),
  },
});

export function registerListIndustries(app: App): void {
  app.openapi(route, (c) => {
    requireRole(c, ...READERS);
    return c.json(listPage("industries", c.req.valid("query"), toIndustry), 200);
  });
}
