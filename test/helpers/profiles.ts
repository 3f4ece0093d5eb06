import { eq } from "drizzle-orm";
import { talents } from "../../schema/index.ts";
import type { TestApp } from "./app.ts";
import { unique } from "./factories.ts";

let phoneSeq = 0;
/** A unique, valid mainland mobile number for a test talent. */
export function uniquePhone(): string {
  phoneSeq += 1;
  return `139${String((Date.now() % 1e5) * 1000 + phoneSeq).padStart(8, "0").slice(-8)}`;
}

export async function createTalent(t: TestApp, key: string, overrides: Record<string, unknown> = {}): Promise<{ id: string } & Record<string, unknown>> {
  const res = await t.call("POST", "/v1/talents", { key, body: { name: "测试人才", external_id: unique("ext"), ...overrides } });
  if (res.status !== 201) throw new Error(`createTalent: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string } & Record<string, unknown>;
}

export async function createDemand(t: TestApp, key: string, organizationId: string, overrides: Record<string, unknown> = {}): Promise<{ id: string } & Record<string, unknown>> {
  const res = await t.call("POST", "/v1/demands", { key, body: { organization_id: organizationId, title: "煤气化工艺工程师", ...overrides } });
  if (res.status !== 201) throw new Error(`createDemand: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string } & Record<string, unknown>;
}

/**
 * A talent key for a talent, as the talent gets one: an admin or organizer sends an invitation,
 * the talent reads the token from the message it received and redeems it.
 */
export async function talentKey(t: TestApp, inviterKey: string, talentId: string): Promise<string> {
  let res = await t.call("POST", `/v1/talents/${talentId}/keys`, { key: inviterKey });
  if (res.status === 422) {
    // A fixture talent made without contact details gets an address of its own to be invited at.
    await t.db.update(talents).set({ email: `${talentId.toLowerCase()}@talent.example.com` }).where(eq(talents.id, talentId));
    res = await t.call("POST", `/v1/talents/${talentId}/keys`, { key: inviterKey });
  }
  if (res.status !== 202) throw new Error(`talentKey: ${res.status} ${await res.text()}`);
  const token = /wti_[A-Za-z0-9]{32}/.exec(t.sender.sent.at(-1)?.text ?? "")?.[0];
  if (!token) throw new Error("talentKey: no invitation was sent");
  const redeemed = await t.call("POST", "/v1/talent-invitations/redeem", { body: { token } });
  if (redeemed.status !== 201) throw new Error(`talentKey redeem: ${redeemed.status} ${await redeemed.text()}`);
  return ((await redeemed.json()) as { key: string }).key;
}
