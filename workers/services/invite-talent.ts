import type { ContactChannel } from "../../schema/tables/consent.ts";
import type { TenantPrincipal } from "../context.ts";
import { maskEmail, maskPhone } from "../contact.ts";
import { actorOf, auditStatement } from "../data/audit.ts";
import { insertInvitationStatement } from "../data/invitations.ts";
import type { TalentRow } from "../data/talents.ts";
import { commit, type Db } from "../db.ts";
import { ValidationError } from "../errors.ts";
import { newId } from "../lib/ids.ts";
import { newSecret, sha256Hex } from "../lib/secrets.ts";
import type { Sender } from "../messages.ts";

/** How long an invitation can be redeemed. */
export const INVITATION_TTL_MS = 72 * 60 * 60 * 1000;
/** Invitation tokens are recognisable in a leak scan, like keys. */
export const INVITATION_PREFIX = "wti_";

export interface SentInvitation {
  id: string;
  talentId: string;
  channel: ContactChannel;
  sentTo: string;
  expiresAt: string;
}

/**
 * Sends a talent an invitation to take its own key, to the talent's own phone (else email). The
 * caller learns only that it was sent and where (masked); the token exists in clear only in the
 * message. The invitation row and its audit row commit before the message goes out.
 */
export async function inviteTalent(
  db: Db,
  sender: Sender,
  caller: TenantPrincipal,
  talent: TalentRow,
  ctx: { now: Date; requestId: string },
): Promise<SentInvitation> {
  const channel: ContactChannel | null = talent.phone ? "sms" : talent.email ? "email" : null;
  const to = talent.phone ?? talent.email;
  if (!channel || !to) {
    throw new ValidationError(
      [{ path: "talent", message: "has no phone or email to send the invitation to" }],
      "The talent has no contact channel of its own; add a phone or email first.",
    );
  }
  const token = newSecret(INVITATION_PREFIX);
  const id = newId("invitation", ctx.now);
  const expiresAt = new Date(ctx.now.getTime() + INVITATION_TTL_MS).toISOString();
  await commit(db, [
    insertInvitationStatement(db, {
      id,
      tenantId: caller.tenantId,
      talentId: talent.id,
      tokenHash: await sha256Hex(token),
      channel,
      createdBy: caller.keyId,
      createdAt: ctx.now.toISOString(),
      expiresAt,
      redeemedAt: null,
      keyId: null,
    }),
    auditStatement(db, {
      tenantId: caller.tenantId,
      actor: actorOf(caller),
      action: "talent_invitation.sent",
      subjectType: "talent",
      subjectId: talent.id,
      requestId: ctx.requestId,
      detail: { invitation_id: id, channel },
      at: ctx.now,
    }),
  ]);
  await sender.send({
    channel,
    to,
    text: `梧桐 Wutong: 您的人才账号邀请码 ${token}（72 小时内有效，仅可使用一次）。Redeem with POST /v1/talent-invitations/redeem {"token":"${token}"}.`,
  });
  return { id, talentId: talent.id, channel, sentTo: channel === "sms" ? maskPhone(to) : maskEmail(to), expiresAt };
}
