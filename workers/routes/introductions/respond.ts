import { pairNames } from "../../data/names.ts";
import { createRoute } from "@hono/zod-openapi";
import type { IntroductionStatus } from "../../../schema/tables/introductions.ts";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { actorOf, auditIfChangedStatement } from "../../data/audit.ts";
import { getIntroductionInTenant, transitionStatement } from "../../data/introductions.ts";
import { type EventType, eventIfChangedStatement } from "../../data/outbox.ts";
import { ApiError, NotFoundError } from "../../errors.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, idParam, jsonContent } from "../shared.ts";
import { IntroductionSchema, toIntroduction } from "./schema.ts";

/** The talent's answers: each moves the introduction from one status to the next, once. */
const ACTIONS = {
  accept: { from: "requested", to: "accepted", event: "introduction.accepted", summary: "Accept: consent to share contact details with this enterprise" },
  decline: { from: "requested", to: "declined", event: "introduction.declined", summary: "Decline the introduction" },
  withdraw: { from: "accepted", to: "withdrawn", event: "introduction.withdrawn", summary: "Withdraw consent: the enterprise loses access to contact details at once" },
} as const satisfies Record<string, { from: IntroductionStatus; to: IntroductionStatus; event: EventType; summary: string }>;

function register(app: App, action: keyof typeof ACTIONS): void {
  const spec = ACTIONS[action];
  const route = createRoute({
    method: "post",
    path: `/v1/introductions/{id}/${action}`,
    tags: ["Introductions"],
    summary: spec.summary,
    description: `Only the talent (with its own key) can ${action}. Allowed from \`${spec.from}\`; otherwise 409.`,
    security: BEARER,
    middleware: [authenticate("talent")] as const,
    request: { params: idParam("introduction") },
    responses: { 200: jsonContent(IntroductionSchema, "The introduction"), ...errorResponses(400, ...AUTHED_ERRORS, 404, 409) },
  });
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "talent");
    const { db, clock } = c.get("deps");
    const id = c.req.valid("param").id;
    const row = await getIntroductionInTenant(db, caller.tenantId, id);
    if (row.talentId !== caller.talentId) throw new NotFoundError("introduction", id);
    const now = clock();
    const at = now.toISOString();
    // The event and the audit row follow the conditional update and exist only if it changed the row.
    const [changed] = (await db.batch([
      transitionStatement(db, id, spec.from, { status: spec.to, respondedAt: at, updatedAt: at }),
      eventIfChangedStatement(db, {
        tenantId: caller.tenantId,
        type: spec.event,
        audience: [row.organizationId],
        subjectType: "introduction",
        subjectId: id,
        payload: { introduction_id: id, demand_id: row.demandId, talent_id: row.talentId, organization_id: row.organizationId, status: spec.to },
        at: now,
      }),
      auditIfChangedStatement(db, {
        tenantId: caller.tenantId,
        actor: actorOf(caller),
        action: spec.event,
        subjectType: "introduction",
        subjectId: id,
        requestId: c.get("requestId"),
        at: now,
      }),
    ])) as [{ id: string }[], unknown, unknown];
    if (!changed || changed.length === 0) {
      throw new ApiError("conflict", `The introduction is ${row.status === spec.from ? "no longer" : "not"} '${spec.from}'; it cannot be ${spec.to}.`, {
        detailZh: `该引荐${row.status === spec.from ? "已不再" : "不"}是 '${spec.from}' 状态，不能变为 ${spec.to}。`,
      });
    }
    const updated = await getIntroductionInTenant(db, caller.tenantId, id);
    return c.json(toIntroduction(updated, await pairNames(db, caller.tenantId, [updated])), 200);
  });
}

export function registerRespondToIntroduction(app: App): void {
  register(app, "accept");
  register(app, "decline");
  register(app, "withdraw");
}
