import { createRoute } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { seesContact } from "../../contact.ts";
import { actorOf, auditStatement } from "../../data/audit.ts";
import { isUniqueViolation } from "../../data/constraints.ts";
import { insertTalentStatements, type TalentRow } from "../../data/talents.ts";
import { commit } from "../../db.ts";
import { defer } from "../../jobs/defer.ts";
import { suggestForTalent } from "../../matching-service/suggest.ts";
import { ConflictError } from "../../errors.ts";
import { idempotent } from "../../idempotency.ts";
import { newId } from "../../lib/ids.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { BEARER, errorResponses, IdempotencyHeader, jsonContent, WRITE_ERRORS } from "../shared.ts";
import { codeContext } from "../codes.ts";
import { applyTalentInput, resolveTalentCodes, CreateTalentBody, TalentSchema, toTalent } from "./schema.ts";

const route = createRoute({
  method: "post",
  path: "/v1/talents",
  tags: ["Talents"],
  summary: "Create a talent profile",
  description: "By an admin or organizer (e.g. a signup desk). Phone and external id are unique within the tenant.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer"), jsonBody()] as const,
  request: { headers: IdempotencyHeader, body: { required: true, content: { "application/json": { schema: CreateTalentBody } } } },
  responses: { 201: jsonContent(TalentSchema, "The profile"), ...errorResponses(...WRITE_ERRORS, 409) },
});

/** An empty row for a new talent; the request body is applied on top. */
export function blankTalent(id: string, tenantId: string, createdBy: string, at: string): TalentRow {
  return {
    id,
    tenantId,
    externalId: null,
    name: "",
    phone: null,
    email: null,
    education: null,
    school: null,
    major: null,
    titleLevel: null,
    skillLevel: null,
    experienceYears: null,
    industries: [],
    occupations: [],
    skills: [],
    summary: null,
    city: null,
    originCity: null,
    desiredCities: [],
    refusedCities: [],
    willingToRelocate: null,
    modes: [],
    salaryExpected: null,
    categoryLevel: null,
    honours: [],
    availableFrom: null,
    teamName: null,
    teamSize: null,
    unresolvedNames: null,
    createdBy,
    createdAt: at,
    updatedAt: at,
  };
}

/** Turns a unique-index failure on talents into the 409 a client can act on. */
export function talentConflict(err: unknown): unknown {
  if (isUniqueViolation(err, "talents.phone")) return new ConflictError("A talent with this phone number already exists in this tenant.", "本租户中已有使用该手机号的人才。");
  if (isUniqueViolation(err, "talents.external_id")) return new ConflictError("A talent with this external_id already exists in this tenant.", "本租户中已有该 external_id 的人才。");
  return err;
}

export function registerCreateTalent(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer");
    const { db, clock } = c.get("deps");
    const body = resolveTalentCodes(await codeContext(db, caller.tenantId), c.req.valid("json"));
    return idempotent(c, caller.tenantId, async () => {
      const now = clock();
      const row = applyTalentInput(blankTalent(newId("talent", now), caller.tenantId, caller.keyId, now.toISOString()), body);
      try {
        await commit(db, [
          ...insertTalentStatements(db, row),
          auditStatement(db, {
            tenantId: caller.tenantId,
            actor: actorOf(caller),
            action: "talent.created",
            subjectType: "talent",
            subjectId: row.id,
            requestId: c.get("requestId"),
            at: now,
          }),
        ]);
      } catch (err) {
        throw talentConflict(err);
      }
      defer(c, "suggestions", () => suggestForTalent(db, caller.tenantId, row.id, clock()).then(() => undefined));
      return c.json(toTalent(row, seesContact(caller, row.id)), 201);
    });
  });
}
