import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { getTalentInTenant } from "../../data/talents.ts";
import { idempotent } from "../../idempotency.ts";
import { inviteTalent } from "../../services/invite-talent.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, IdempotencyHeader, idParam, jsonContent } from "../shared.ts";

export const TalentInvitationSchema = z
  .object({
    invitation_id: z.string().openapi({ example: "inv_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z" }),
    talent_id: z.string(),
    channel: z.enum(["sms", "email"]).openapi({ description: "Where the invitation went: the talent's own phone, else its email." }),
    sent_to: z.string().openapi({ description: "The destination, masked.", example: "139****0000" }),
    expires_at: z.string().openapi({ description: "The invitation can be redeemed once until then (72 hours)." }),
  })
  .openapi("TalentInvitation");

const route = createRoute({
  method: "post",
  path: "/v1/talents/{id}/keys",
  tags: ["Talents", "API keys"],
  summary: "Invite a talent to take its own key",
  description:
    "Sends the talent, to its own phone (else email), a single-use invitation valid for 72 hours; the talent redeems it with `POST /v1/talent-invitations/redeem` and receives its key there, once. The caller never sees the token or the key: a `talent` key reaches only the talent. A talent without phone or email gets 422.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer")] as const,
  request: { params: idParam("talent"), headers: IdempotencyHeader },
  responses: { 202: jsonContent(TalentInvitationSchema, "The invitation was sent"), ...errorResponses(400, ...AUTHED_ERRORS, 404, 409, 422) },
});

export function registerCreateTalentKey(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer");
    const { db, clock, sender } = c.get("deps");
    const talent = await getTalentInTenant(db, caller.tenantId, c.req.valid("param").id);
    return idempotent(c, caller.tenantId, async () => {
      const sent = await inviteTalent(db, sender, caller, talent, { now: clock(), requestId: c.get("requestId") });
      return c.json(
        { invitation_id: sent.id, talent_id: sent.talentId, channel: sent.channel, sent_to: sent.sentTo, expires_at: sent.expiresAt },
        202,
      );
    });
  });
}
