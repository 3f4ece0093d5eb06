import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { listIndustryChains } from "../../data/industry-chains.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, jsonContent } from "../shared.ts";
import { READERS } from "../taxonomy/list.ts";
import { IndustryChainListSchema, toIndustryChain } from "./schema.ts";

const route = createRoute({
  method: "get",
  path: "/v1/industry-chains",
  tags: ["Taxonomy"],
  summary: "The tenant's industry chains",
  description: "Every chain (产业链) of the tenant with its GB/T 4754-2017 codes, by name. A chain name in an 行业 or 所属产业链 cell, or in an industry field, stands for these codes.",
  security: BEARER,
  middleware: [authenticate(...READERS)] as const,
  responses: { 200: jsonContent(IndustryChainListSchema, "The chains"), ...errorResponses(...AUTHED_ERRORS) },
});

export function registerListIndustryChains(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, ...READERS);
    const rows = await listIndustryChains(c.get("deps").db, caller.tenantId);
    return c.json({ data: rows.map(toIndustryChain) }, 200);
  });
}
