import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { OCCUPATION_LEVELS } from "../../taxonomy/types.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, jsonContent } from "../shared.ts";
import { listPage, READERS, SearchQuery } from "./list.ts";
import { OccupationListSchema, toOccupation } from "./schema.ts";

const route = createRoute({
  method: "get",
  path: "/v1/taxonomy/occupations",
  tags: ["Taxonomy"],
  summary: "Search occupations (职业分类大典 2022)",
  description: "Major, middle and minor groups and occupations, in code order. `q` matches a code prefix (`2-02-09`, `20209`) or part of a name or job-board alias.",
  security: BEARER,
  middleware: [authenticate(...READERS)] as const,
  request: {
    query: SearchQuery.extend({
      level: z
        .enum(OCCUPATION_LEVELS)
        .optional()
        .openapi({ param: { name: "level", in: "query" }, example: "occupation" }),
    }),
  },
  responses: {
    200: jsonContent(OccupationListSchema, "A page of occupations"),
    ...errorResponses(400, ...AUTHED_ERRORS),
  },
});

export function registerListOccupations(app: App): void {
  app.openapi(route, (c) => {
    requireRole(c, ...READERS);
    return c.json(listPage("occupations", c.req.valid("query"), toOccupation), 200);
  });
}
