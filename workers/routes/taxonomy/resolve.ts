import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { InvalidParameterError } from "../../errors.ts";
import { resolveIndustry, resolveOccupation, resolveRegion } from "../../taxonomy/resolver.ts";
import { REGION_LEVELS } from "../../taxonomy/types.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, jsonContent } from "../shared.ts";
import { READERS } from "./list.ts";
import { ResolutionSchema, toResolution } from "./schema.ts";

const route = createRoute({
  method: "get",
  path: "/v1/taxonomy/resolve",
  tags: ["Taxonomy"],
  summary: "Resolve a name to a taxonomy code",
  description:
    "What an import will make of a name: a code, an exact name, a name without its suffix (鄂尔多斯), a job-board alias, or a region qualified by its parents (北京市朝阳区). Width, spacing and punctuation do not matter.",
  security: BEARER,
  middleware: [authenticate(...READERS)] as const,
  request: {
    query: z.object({
      kind: z.enum(["industry", "occupation", "region"]).openapi({ param: { name: "kind", in: "query" }, example: "region" }),
      name: z
        .string()
        .trim()
        .min(1)
        .max(200)
        .openapi({ param: { name: "name", in: "query" }, description: "A name or a code.", example: "鄂尔多斯" }),
      level: z
        .enum(REGION_LEVELS)
        .optional()
        .openapi({ param: { name: "level", in: "query" }, description: "Regions only: admit entries of this level only." }),
      within: z
        .string()
        .regex(/^\d{2}(?:\d{2}){0,2}$/, "must be a region code (2, 4 or 6 digits)")
        .optional()
        .openapi({
          param: { name: "within", in: "query" },
          description: "Regions only: when several places match, keep those inside this region (e.g. the tenant's province).",
          example: "15",
        }),
    }),
  },
  responses: {
    200: jsonContent(ResolutionSchema, "The resolution"),
    ...errorResponses(400, ...AUTHED_ERRORS),
  },
});

export function registerResolveTaxonomy(app: App): void {
  app.openapi(route, (c) => {
    requireRole(c, ...READERS);
    const { kind, name, level, within } = c.req.valid("query");
    if (kind !== "region") {
      const stray = [level === undefined ? null : "level", within === undefined ? null : "within"].flatMap((p) => (p ? [p] : []));
      if (stray.length > 0) throw new InvalidParameterError(stray.map((path) => ({ path, message: "applies to kind=region only" })));
    }
    const result = kind === "industry" ? resolveIndustry(name) : kind === "occupation" ? resolveOccupation(name) : resolveRegion(name, { level, within });
    return c.json(toResolution(result), 200);
  });
}
