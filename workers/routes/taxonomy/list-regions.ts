import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { REGION_LEVELS } from "../../taxonomy/types.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, jsonContent } from "../shared.ts";
import { listPage, READERS, SearchQuery } from "./list.ts";
import { RegionListSchema, toRegion } from "./schema.ts";

const route = createRoute({
  method: "get",
  path: "/v1/taxonomy/regions",
  tags: ["Taxonomy"],
  summary: "Search regions (GB/T 2260)",
  description:
    "Provinces, cities and areas, in code order. `q` matches a code prefix (`15`, `1506`) or part of a name; `parent` lists the direct children of a province or city.",
  security: BEARER,
  middleware: [authenticate(...READERS)] as const,
  request: {
    query: SearchQuery.extend({
      level: z
        .enum(REGION_LEVELS)
        .optional()
        .openapi({ param: { name: "level", in: "query" }, example: "city" }),
      parent: z
        .string()
        .regex(/^\d{2}(?:\d{2})?$/, "must be a province (2-digit) or city (4-digit) code")
        .optional()
        .openapi({ param: { name: "parent", in: "query" }, example: "15" }),
    }),
  },
  responses: {
    200: jsonContent(RegionListSchema, "A page of regions"),
    ...errorResponses(400, ...AUTHED_ERRORS),
  },
});

export function registerListRegions(app: App): void {
  app.openapi(route, (c) => {
    requireRole(c, ...READERS);
    return c.json(listPage("regions", c.req.valid("query"), toRegion), 200);
  });
}
