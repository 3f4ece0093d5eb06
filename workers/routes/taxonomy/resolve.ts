import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { InvalidParameterError } from "../../errors.ts";
import { resolveIndustryOrChain, resolveJobTitle, resolvePlace } from "../../taxonomy/index.ts";
import { codeContext } from "../codes.ts";
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
    "What an import or a JSON write will make of a name: a code, an exact name, a name without its suffix (鄂尔多斯), a job-board alias or title (Java开发工程师), one of the tenant's industry chains (煤化工), or a region at any level, qualified by its parents or not (鄂托克旗, 鄂尔多斯市东胜区, 北京市 → 1101). An ambiguous region is settled by `within`, else by the tenant's region. Width, spacing and punctuation do not matter.",
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
          description: "Regions only: when several places match, keep those inside this region, else its province. Defaults to the tenant's region.",
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
  app.openapi(route, async (c) => {
    const caller = requireRole(c, ...READERS);
    const { kind, name, level, within } = c.req.valid("query");
    if (kind !== "region") {
      const stray = [level === undefined ? null : "level", within === undefined ? null : "within"].flatMap((p) => (p ? [p] : []));
      if (stray.length > 0) throw new InvalidParameterError(stray.map((path) => ({ path, message: "applies to kind=region only" })));
    }
    const ctx = await codeContext(c.get("deps").db, caller.tenantId);
    if (kind === "industry") {
      const r = resolveIndustryOrChain(name, ctx.chains);
      return c.json(toResolution(r.resolution, r.chain ? r.codes : undefined), 200);
    }
    if (kind === "occupation") return c.json(toResolution(resolveJobTitle(name)), 200);
    const scope = within ?? ctx.regionCode;
    return c.json(toResolution(resolvePlace(name, { ...(level ? { level } : {}), ...(scope ? { within: scope } : {}) })), 200);
  });
}
