import type { TenantPrincipal } from "../context.ts";
import { maskEmail, maskPhone } from "../contact.ts";
import { actorOf, auditStatement } from "../data/audit.ts";
import { isUniqueViolation } from "../data/constraints.ts";
import {
  confirmContactChangeStatement,
  contactChangesOfKeySince,
  countAttemptStatement,
  insertContactChangeStatement,
  supersedePendingStatement,
  pendingContactChange,
} from "../data/contact-changes.ts";
import { findTalentsByKeys, type TalentRow, updateTalentStatements } from "../data/talents.ts";
import { commit, type Db, type Statement } from "../db.ts";
import { ApiError, ConflictError, RateLimitedError, ValidationError } from "../errors.ts";
import { newId } from "../lib/ids.ts";
import { sha256Hex, timingSafeEqual } from "../lib/secrets.ts";
import type { Sender } from "../messages.ts";

/** Contact changes one key may request per hour: enough for typos, far too few to enumerate numbers. */
export const CONTACT_CHANGES_PER_HOUR = 5;
const WINDOW_MS = 60 * 60 * 1000;
/** How long a verification code is valid, and how many wrong tries it survives. */
export const CODE_TTL_MS = 15 * 60 * 1000;
export const MAX_CODE_ATTEMPTS = 5;

export type ContactField = "phone" | "email";

export interface PendingContact {
  field: ContactField;
  sent_to: string;
  expires_at: string;
}

function newCode(): string {
  // 10^6 is not a power of two; rejecting the top of the 32-bit range keeps every code equally likely.
  const limit = Math.floor(0x1_0000_0000 / 1_000_000) * 1_000_000;
  for (;;) {
    const [n = 0] = crypto.getRandomValues(new Uint32Array(1));
    if (n < limit) return String(n % 1_000_000).padStart(6, "0");
  }
}

const codeHash = (changeId: string, code: string) => sha256Hex(`${changeId}:${code}`);

/**
 * A talent's own change of phone or email is never applied directly: a code goes to the new value
 * and the change applies when it comes back. The answer is the same whether or not the value is
 * already on another profile, so the route cannot be used to find out whose number is whose.
 * Each key may request CONTACT_CHANGES_PER_HOUR changes per hour; more get 429 with Retry-After.
 * `alongside` (the rest of the profile update) commits in the same batch, so a refusal changes nothing.
 */
export async function requestContactChanges(
  db: Db,
  sender: Sender,
  caller: TenantPrincipal,
  talent: TalentRow,
  changes: Partial<Record<ContactField, string>>,
  ctx: { now: Date; requestId: string },
  alongside: Statement[],
): Promise<PendingContact[]> {
  const fields = (Object.entries(changes) as [ContactField, string][]).filter(([field, value]) => talent[field] !== value);
  if (fields.length === 0) {
    await commit(db, alongside);
    return [];
  }
  const windowStart = new Date(ctx.now.getTime() - WINDOW_MS).toISOString();
  const recent = await contactChangesOfKeySince(db, caller.keyId, windowStart);
  if (recent.length + fields.length > CONTACT_CHANGES_PER_HOUR) {
    const oldest = recent[0]?.createdAt ?? ctx.now.toISOString();
    const retryAfter = (Date.parse(oldest) + WINDOW_MS - ctx.now.getTime()) / 1000;
    throw new RateLimitedError(`At most ${CONTACT_CHANGES_PER_HOUR} contact changes per hour per key; retry later.`, retryAfter);
  }
  const expiresAt = new Date(ctx.now.getTime() + CODE_TTL_MS).toISOString();
  const prepared = await Promise.all(
    fields.map(async ([field, value]) => {
      const id = newId("contactChange", ctx.now);
      const code = newCode();
      return { id, field, value, code, hash: await codeHash(id, code) };
    }),
  );
  await commit(db, [
    ...alongside,
    supersedePendingStatement(db, caller.tenantId, talent.id),
    ...prepared.map((p) =>
      insertContactChangeStatement(db, {
        id: p.id,
        tenantId: caller.tenantId,
        talentId: talent.id,
        keyId: caller.keyId,
        field: p.field,
        value: p.value,
        codeHash: p.hash,
        attempts: 0,
        createdAt: ctx.now.toISOString(),
        expiresAt,
        confirmedAt: null,
      }),
    ),
    auditStatement(db, {
      tenantId: caller.tenantId,
      actor: actorOf(caller),
      action: "talent.contact_change_requested",
      subjectType: "talent",
      subjectId: talent.id,
      requestId: ctx.requestId,
      detail: { fields: prepared.map((p) => p.field) },
      at: ctx.now,
    }),
  ]);
  for (const p of prepared) {
    await sender.send({
      channel: p.field === "phone" ? "sms" : "email",
      to: p.value,
      text: `梧桐 Wutong: 验证码 ${p.code}，15 分钟内有效。Your verification code is ${p.code}.`,
    });
  }
  return prepared.map((p) => ({ field: p.field, sent_to: p.field === "phone" ? maskPhone(p.value) : maskEmail(p.value), expires_at: expiresAt }));
}

/**
 * Applies the pending change whose code this is. Whoever holds the code holds the phone or
 * mailbox, so telling them it is already on another profile reveals nothing about anyone else:
 * that case is flagged (audited) for an organizer to merge the two profiles, and answered 409.
 */
export async function confirmContactChange(
  db: Db,
  caller: TenantPrincipal,
  talent: TalentRow,
  code: string,
  ctx: { now: Date; requestId: string },
): Promise<TalentRow> {
  const at = ctx.now.toISOString();
  const pending = await pendingContactChange(db, caller.tenantId, talent.id, at);
  if (!pending) throw new ApiError("not_found", "No contact change is waiting for a code; change the phone or email again.");
  if (pending.attempts >= MAX_CODE_ATTEMPTS) {
    throw new RateLimitedError("Too many wrong codes for this change; request the change again later.", (Date.parse(pending.expiresAt) - ctx.now.getTime()) / 1000);
  }
  if (!timingSafeEqual(await codeHash(pending.id, code), pending.codeHash)) {
    await commit(db, [countAttemptStatement(db, pending.id)]);
    throw new ValidationError([{ path: "code", message: "does not match the code sent" }], "The verification code is not right.");
  }
  const next: TalentRow = { ...talent, [pending.field]: pending.value, updatedAt: at };
  const audit = (action: string, detail: Record<string, unknown>) =>
    auditStatement(db, { tenantId: caller.tenantId, actor: actorOf(caller), action, subjectType: "talent", subjectId: talent.id, requestId: ctx.requestId, detail, at: ctx.now });
  try {
    await commit(db, [confirmContactChangeStatement(db, pending.id, at), ...updateTalentStatements(db, next), audit("talent.contact_changed", { field: pending.field })]);
  } catch (err) {
    if (!isUniqueViolation(err, "talents.phone")) throw err;
    const [other] = await findTalentsByKeys(db, caller.tenantId, [], [pending.value]);
    await commit(db, [confirmContactChangeStatement(db, pending.id, at), audit("talent.merge_flagged", { field: pending.field, other_talent_id: other?.id ?? null })]);
    throw new ConflictError("This phone number is already on another profile in this tenant; both are flagged for an organizer to merge.");
  }
  return next;
}
