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

/** A talent key for a talent, issued by an admin. */
export async function talentKey(t: TestApp, adminKey: string, talentId: string): Promise<string> {
  const res = await t.call("POST", `/v1/talents/${talentId}/keys`, { key: adminKey });
  if (res.status !== 201) throw new Error(`talentKey: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { key: string }).key;
}
