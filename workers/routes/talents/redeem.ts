import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { findActiveKeyByHash, mintKey } from "../../data/api-keys.ts";
import { auditIfChangedStatement } from "../../data/audit.ts";
import { findInvitationByHash, redeemStatements } from "../../data/invitations.ts";
import { commit } from "../../db.ts";
import { ApiError } from "../../errors.ts";
import { jsonBody } from "../../middleware/json-body.ts";
import { sha256Hex } from "../../lib/secrets.ts";
import { CreatedApiKeySchema, toApiKey } from "../keys/schema.ts";
import { errorResponses, jsonContent } from "../shared.ts";

const RedeemBody = z
  .strictObject({
    token: z.string().regex(/^wti_[A-Za-z0-9]{32}$/, "must be the invitation token sent to the talent (wti_…)").openapi({ example: "wti_7Hq2Lx9PvQ3mZ8cN1rT5yW0bK4dF6gJ2" }),
  })
  .openapi("RedeemTalentInvitation");

const route = createRoute({
  method: "post",
  path: "/v1/talent-invitations/redeem",
  tags: ["Talents", "API keys"],
  summary: "Redeem a talent invitation for the talent's own key",
  description:
    "No API key: the token sent to the talent's phone or email is the credential. Single use, valid for 72 hours. Answers the new `talent` key with its secret, shown this once. An unknown, used or expired token gets the same 404.",
  security: [],
  middleware: [jsonBody()] as const,
  request: { body: { required: true, content: { "application/json": { schema: RedeemBody } } } },
  responses: { 201: jsonContent(CreatedApiKeySchema, "The talent's key, with its secret"), ...errorResponses(400, 404, 413, 415, 422) },
});

function invalid(): ApiError {
  return new ApiError("not_found", "The invitation is unknown, already used or expired; ask for a new one.");
}

export function registerRedeemTalentInvitation(app: App): void {
  app.openapi(route, async (c) => {
    const { db, clock } = c.get("deps");
    const now = clock();
    const at = now.toISOString();
    const invitation = await findInvitationByHash(db, await sha256Hex(c.req.valid("json").token));
    if (!invitation || invitation.redeemedAt !== null || invitation.expiresAt <= at) throw invalid();
    const { secret, row } = await mintKey({
      tenantId: invitation.tenantId,
      organizationId: null,
      talentId: invitation.talentId,
      role: "talent",
      name: null,
      createdBy: invitation.createdBy,
      now,
    });
    await commit(db, [
      ...redeemStatements(db, invitation, row, at),
      auditIfChangedStatement(db, {
        tenantId: invitation.tenantId,
        actor: row.id,
        action: "talent_invitation.redeemed",
        subjectType: "talent",
        subjectId: invitation.talentId,
        requestId: c.get("requestId"),
        detail: { invitation_id: invitation.id },
        at: now,
      }),
    ]);
    // Another redemption won the race between our read and the conditional update.
    const key = await findActiveKeyByHash(db, row.secretHash);
    if (!key || key.id !== row.id) throw invalid();
    return c.json({ ...toApiKey(key), key: secret, secret_shown: true }, 201);
  });
}
