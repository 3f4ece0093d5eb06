import { pairNames } from "../../data/names.ts";
import { createRoute } from "@hono/zod-openapi";
import { DEFAULT_WEIGHTS } from "../../../matching/index.ts";
import { introductions } from "../../../schema/tables/introductions.ts";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { actorOf, auditStatement } from "../../data/audit.ts";
import { isUniqueViolation } from "../../data/constraints.ts";
import { getDemandInTenant } from "../../data/demands.ts";
import { markSuggestionIntroduced, type IntroductionRow } from "../../data/introductions.ts";
import { eventStatement } from "../../data/outbox.ts";
import { getTalentInTenant } from "../../data/talents.ts";
import { commit } from "../../db.ts";
import { ApiError, ConflictError } from "../../errors.ts";
import { idempotent } from "../../idempotency.ts";
import { newId } from "../../lib/ids.ts";
import { explain } from "../../matching-service/rank.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { assertMayManageDemand } from "../demands/access.ts";
import { BEARER, errorResponses, IdempotencyHeader, jsonContent, WRITE_ERRORS } from "../shared.ts";
import { CreateIntroductionBody, IntroductionSchema, toIntroduction } from "./schema.ts";

const route = createRoute({
  method: "post",
  path: "/v1/introductions",
  tags: ["Introductions"],
  summary: "Ask to be introduced to a talent",
  description:
    "By the enterprise that owns the demand (or an organizer on its behalf). The talent then accepts — consenting to share contact details with this enterprise — or declines. One introduction per demand and talent; not for a closed or expired demand.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise"), jsonBody()] as const,
  request: { headers: IdempotencyHeader, body: { required: true, content: { "application/json": { schema: CreateIntroductionBody } } } },
  responses: { 201: jsonContent(IntroductionSchema, "The introduction, awaiting the talent"), ...errorResponses(...WRITE_ERRORS, 404, 409) },
});

export function registerCreateIntroduction(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise");
    const body = c.req.valid("json");
    const { db, clock } = c.get("deps");
    const demand = await getDemandInTenant(db, caller.tenantId, body.demand_id);
    assertMayManageDemand(caller, demand);
    const talent = await getTalentInTenant(db, caller.tenantId, body.talent_id);
    const now = clock();
    if (demand.status !== "open" || (demand.validUntil !== null && demand.validUntil < now.toISOString().slice(0, 10))) {
      throw new ApiError("conflict", "The demand is closed or expired; reopen it before asking for introductions.", {
        detailZh: "该需求已关闭或过期；请先重新开放再申请引荐。",
      });
    }
    return idempotent(c, caller.tenantId, async () => {
      const at = now.toISOString();
      const row: IntroductionRow = {
        id: newId("introduction", now),
        tenantId: caller.tenantId,
        demandId: demand.id,
        talentId: talent.id,
        organizationId: demand.organizationId,
        requestedBy: caller.keyId,
        message: body.message ?? null,
        score: explain(talent, demand, DEFAULT_WEIGHTS, now).score,
        status: "requested",
        outcome: null,
        outcomeNote: null,
        respondedAt: null,
        createdAt: at,
        updatedAt: at,
      };
      try {
        await commit(db, [
          db.insert(introductions).values(row),
          markSuggestionIntroduced(db, demand.id, talent.id, at),
          eventStatement(db, {
            tenantId: caller.tenantId,
            type: "introduction.requested",
            audience: [demand.organizationId],
            subjectType: "introduction",
            subjectId: row.id,
            payload: { introduction_id: row.id, demand_id: demand.id, talent_id: talent.id, organization_id: demand.organizationId, score: row.score },
            at: now,
          }),
          auditStatement(db, {
            tenantId: caller.tenantId,
            actor: actorOf(caller),
            action: "introduction.requested",
            subjectType: "introduction",
            subjectId: row.id,
            requestId: c.get("requestId"),
            detail: { demand_id: demand.id, talent_id: talent.id },
            at: now,
          }),
        ]);
      } catch (err) {
        if (isUniqueViolation(err, "introductions")) throw new ConflictError(
            "This enterprise already asked to be introduced to this talent for this demand.",
            "该企业已就此需求申请过引荐这位人才。",
          );
        throw err;
      }
      return c.json(toIntroduction(row, await pairNames(db, caller.tenantId, [row])), 201);
    });
  });
}
