import { createRoute, z } from "@hono/zod-openapi";
import { COMPONENT_KEYS, DEFAULT_WEIGHTS, InvalidWeightsError, resolveWeights, type WeightOverrides, type Weights } from "../../../matching/index.ts";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { actorOf, auditStatement } from "../../data/audit.ts";
import { matchSettings, upsertSettingsStatement } from "../../data/settings.ts";
import { bumpVersionStatement } from "../../data/versions.ts";
import { commit } from "../../db.ts";
import { ValidationError } from "../../errors.ts";
import { LOCALES } from "../../i18n.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, jsonContent, WRITE_ERRORS } from "../shared.ts";

const WeightsSchema = z
  .object({
    components: z.record(z.enum(COMPONENT_KEYS), z.number()).openapi({ description: "Weight per component, 0–100." }),
    enterprise_share: z.number().openapi({ description: "Share of the enterprise-side fit in the ranking score, 0–1." }),
  })
  .openapi("MatchWeights");

const SettingsSchema = z
  .object({
    suggestion_threshold: z.number().int().openapi({ description: "Matches at or above this score become suggestions.", example: 70 }),
    weights: WeightsSchema.openapi({ description: "Effective weights: the defaults with the tenant's overrides applied." }),
    default_weights: WeightsSchema,
    locale: z.enum(LOCALES).openapi({ description: "Language of problem messages when a request sends no Accept-Language.", example: "zh-CN" }),
  })
  .openapi("TenantSettings");

const PatchBody = z
  .strictObject({
    suggestion_threshold: z.number().int().min(0).max(100).optional(),
    weights: z
      .strictObject({
        components: z.record(z.string(), z.number()).optional(),
        enterprise_share: z.number().optional(),
      })
      .nullable()
      .optional()
      .openapi({ description: "Overrides of the default weights; null restores the defaults." }),
    locale: z.enum(LOCALES).optional().openapi({ description: "Language of problem messages when a request sends no Accept-Language." }),
  })
  .openapi("UpdateTenantSettings");

const wire = (w: Weights) => ({ components: { ...w.components }, enterprise_share: w.enterpriseShare });

const getRoute = createRoute({
  method: "get",
  path: "/v1/settings",
  tags: ["Tenants"],
  summary: "The tenant's matching settings",
  security: BEARER,
  middleware: [authenticate("admin", "organizer")] as const,
  responses: { 200: jsonContent(SettingsSchema, "Settings"), ...errorResponses(...AUTHED_ERRORS) },
});

const patchRoute = createRoute({
  method: "patch",
  path: "/v1/settings",
  tags: ["Tenants"],
  summary: "Change the suggestion threshold, the matching weights or the locale (admin)",
  security: BEARER,
  middleware: [authenticate("admin"), jsonBody()] as const,
  request: { body: { required: true, content: { "application/json": { schema: PatchBody } } } },
  responses: { 200: jsonContent(SettingsSchema, "Settings"), ...errorResponses(...WRITE_ERRORS) },
});

export function registerSettingsRoutes(app: App): void {
  app.openapi(getRoute, async (c) => {
    const caller = requireRole(c, "admin", "organizer");
    const s = await matchSettings(c.get("deps").db, caller.tenantId);
    return c.json(
      { suggestion_threshold: s.suggestionThreshold, weights: wire(s.weights), default_weights: wire(DEFAULT_WEIGHTS), locale: s.locale },
      200,
    );
  });

  app.openapi(patchRoute, async (c) => {
    const caller = requireRole(c, "admin");
    const body = c.req.valid("json");
    const { db, clock } = c.get("deps");
    const current = await matchSettings(db, caller.tenantId);
    let overrides: WeightOverrides | null = current.overrides;
    if (body.weights === null) overrides = null;
    else if (body.weights) overrides = { components: body.weights.components, enterpriseShare: body.weights.enterprise_share };
    let weights;
    try {
      weights = resolveWeights(overrides);
    } catch (err) {
      if (err instanceof InvalidWeightsError) {
        throw new ValidationError([{ path: `weights.${err.field.replace("enterpriseShare", "enterprise_share")}`, message: err.message }]);
      }
      throw err;
    }
    const threshold = body.suggestion_threshold ?? current.suggestionThreshold;
    const locale = body.locale ?? current.locale;
    const now = clock();
    await commit(db, [
      upsertSettingsStatement(db, caller.tenantId, threshold, overrides, now.toISOString(), locale),
      bumpVersionStatement(db, caller.tenantId, "settings"),
      auditStatement(db, {
        tenantId: caller.tenantId,
        actor: actorOf(caller),
        action: "settings.updated",
        subjectType: "tenant",
        subjectId: caller.tenantId,
        requestId: c.get("requestId"),
        detail: { suggestion_threshold: threshold, weights: overrides ? wire(weights) : null, locale },
        at: now,
      }),
    ]);
    return c.json({ suggestion_threshold: threshold, weights: wire(weights), default_weights: wire(DEFAULT_WEIGHTS), locale }, 200);
  });
}
