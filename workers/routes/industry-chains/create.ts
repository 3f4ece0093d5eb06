import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { actorOf, auditStatement } from "../../data/audit.ts";
import { isUniqueViolation } from "../../data/constraints.ts";
import { insertIndustryChainStatement } from "../../data/industry-chains.ts";
import { commit } from "../../db.ts";
import { ConflictError, ValidationError } from "../../errors.ts";
import { idempotent } from "../../idempotency.ts";
import { newId } from "../../lib/ids.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { BEARER, errorResponses, IdempotencyHeader, jsonContent, WRITE_ERRORS } from "../shared.ts";
import { CHAIN_MANAGERS, CreateIndustryChainBody, IndustryChainSchema, resolveChainCodes, toIndustryChain } from "./schema.ts";

const route = createRoute({
  method: "post",
  path: "/v1/industry-chains",
  tags: ["Taxonomy"],
  summary: "Add an industry chain",
  description: "Admins and organizers. Names are unique within a tenant.",
  security: BEARER,
  middleware: [authenticate(...CHAIN_MANAGERS), jsonBody()] as const,
  request: { headers: IdempotencyHeader, body: { required: true, content: { "application/json": { schema: CreateIndustryChainBody } } } },
  responses: { 201: jsonContent(IndustryChainSchema, "The chain"), ...errorResponses(...WRITE_ERRORS, 409) },
});

export function registerCreateIndustryChain(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, ...CHAIN_MANAGERS);
    const body = c.req.valid("json");
    const { codes, errors } = resolveChainCodes(body.industry_codes);
    if (errors.length > 0) throw new ValidationError(errors);
    return idempotent(c, caller.tenantId, async () => {
      const { db, clock } = c.get("deps");
      const now = clock();
      const row = { id: newId("industryChain", now), tenantId: caller.tenantId, name: body.name, industryCodes: codes, createdAt: now.toISOString(), updatedAt: now.toISOString() };
      try {
        await commit(db, [
          insertIndustryChainStatement(db, row),
          auditStatement(db, {
            tenantId: caller.tenantId,
            actor: actorOf(caller),
            action: "industry_chain.created",
            subjectType: "industry_chain",
            subjectId: row.id,
            requestId: c.get("requestId"),
            detail: { name: row.name, industry_codes: codes },
            at: now,
          }),
        ]);
      } catch (err) {
        if (isUniqueViolation(err, "industry_chains")) throw new ConflictError(`An industry chain named '${body.name}' already exists in this tenant.`);
        throw err;
      }
      return c.json(toIndustryChain(row), 201);
    });
  });
}
