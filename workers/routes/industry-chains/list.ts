import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { listIndustryChainsPage } from "../../data/industry-chains.ts";
import { decodeCursor, page } from "../../lib/cursor.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, jsonContent, PaginationQuery } from "../shared.ts";
import { READERS } from "../taxonomy/list.ts";
import { IndustryChainListSchema, toIndustryChain } from "./schema.ts";

const route = createRoute({
  method: "get",
  path: "/v1/industry-chains",
  tags: ["Taxonomy"],
  summary: "The tenant's industry chains",
  description: "The tenant's chains (产业链) with their GB/T 4754-2017 codes, newest first, paginated like every list. A chain name in an 行业 or 所属产业链 cell, or in an industry field, stands for these codes.",
  security: BEARER,
  middleware: [authenticate(...READERS)] as const,
  request: { query: PaginationQuery },
  responses: { 200: jsonContent(IndustryChainListSchema, "The chains"), ...errorResponses(400, ...AUTHED_ERRORS) },
});

export function registerListIndustryChains(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, ...READERS);
    const query = c.req.valid("query");
    const rows = await listIndustryChainsPage(c.get("deps").db, caller.tenantId, { limit: query.limit, after: query.cursor ? decodeCursor(query.cursor) : null });
    const { items, nextCursor } = page(rows, query.limit);
    return c.json({ data: items.map(toIndustryChain), next_cursor: nextCursor }, 200);
  });
}
