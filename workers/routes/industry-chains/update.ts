import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { actorOf, auditStatement } from "../../data/audit.ts";
import { isUniqueViolation } from "../../data/constraints.ts";
import { getIndustryChainInTenant, updateIndustryChainStatement } from "../../data/industry-chains.ts";
import { commit } from "../../db.ts";
import { ConflictError, ValidationError } from "../../errors.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { BEARER, errorResponses, idParam, jsonContent, WRITE_ERRORS } from "../shared.ts";
import { CHAIN_MANAGERS, IndustryChainSchema, resolveChainCodes, toIndustryChain, UpdateIndustryChainBody } from "./schema.ts";

const route = createRoute({
  method: "patch",
  path: "/v1/industry-chains/{id}",
  tags: ["Taxonomy"],
  summary: "Rename an industry chain or change its codes",
  description: "Admins and organizers. Lines already imported keep the codes they were given; later imports and writes use the new ones.",
  security: BEARER,
  middleware: [authenticate(...CHAIN_MANAGERS), jsonBody()] as const,
  request: { params: idParam("industryChain"), body: { required: true, content: { "application/json": { schema: UpdateIndustryChainBody } } } },
  responses: { 200: jsonContent(IndustryChainSchema, "The chain"), ...errorResponses(...WRITE_ERRORS, 404, 409) },
});

export function registerUpdateIndustryChain(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, ...CHAIN_MANAGERS);
    const body = c.req.valid("json");
    const resolved = body.industry_codes === undefined ? null : resolveChainCodes(body.industry_codes);
    if (resolved && resolved.errors.length > 0) throw new ValidationError(resolved.errors);
    const { db, clock } = c.get("deps");
    const current = await getIndustryChainInTenant(db, caller.tenantId, c.req.valid("param").id);
    const now = clock();
    const next = { ...current, name: body.name ?? current.name, industryCodes: resolved?.codes ?? current.industryCodes, updatedAt: now.toISOString() };
    try {
      await commit(db, [
        updateIndustryChainStatement(db, next),
        auditStatement(db, {
          tenantId: caller.tenantId,
          actor: actorOf(caller),
          action: "industry_chain.updated",
          subjectType: "industry_chain",
          subjectId: next.id,
          requestId: c.get("requestId"),
          detail: { fields: Object.keys(body).sort() },
          at: now,
        }),
      ]);
    } catch (err) {
      if (isUniqueViolation(err, "industry_chains")) throw new ConflictError(`An industry chain named '${next.name}' already exists in this tenant.`);
      throw err;
    }
    return c.json(toIndustryChain(next), 200);
  });
}
