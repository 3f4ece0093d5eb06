import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookEndpoints } from "../../schema/tables/webhooks.ts";
import { resealWebhookSecrets } from "../../workers/data/webhooks.ts";
import { createSecretBox, isSecretsKey, newSecretsKey } from "../../workers/lib/secrets.ts";
import { drain } from "../../workers/webhooks/runner.ts";
import { createTestApp, SECRETS_KEY, type TestApp } from "../helpers/app.ts";
import { createTenant, type TenantFixture } from "../helpers/factories.ts";
import { emit, testRuntime } from "./webhooks-fixtures.ts";
import { type Receiver, startReceiver } from "./webhooks-receiver.ts";

describe("secrets at rest", () => {
  it("seals with AES-GCM under a key id, opens under the previous key after a rotation, and reads legacy plain values", async () => {
    const oldKey = newSecretsKey();
    const newKey = newSecretsKey();
    expect(isSecretsKey(oldKey)).toBe(true);
    expect(isSecretsKey("c2hvcnQ=")).toBe(false);
    const before = createSecretBox(oldKey);
    const sealed = await before.seal("whsec_abc");
    expect(sealed).toMatch(/^enc:v1:[0-9a-f]{8}:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain("whsec_abc");
    expect(await before.seal("whsec_abc")).not.toBe(sealed); // a fresh IV each time
    const after = createSecretBox(newKey, oldKey);
    expect(await after.open(sealed)).toBe("whsec_abc");
    expect(sealed.startsWith(await after.currentPrefix())).toBe(false);
    await expect(createSecretBox(newKey).open(sealed)).rejects.toThrow(/unknown key id/);
    expect(await after.open("whsec_legacy")).toBe("whsec_legacy");
    // A ciphertext altered in storage does not open.
    const tampered = sealed.slice(0, -2) + (sealed.endsWith("AA") ? "BB" : "AA");
    await expect(before.open(tampered)).rejects.toThrow();
  });

  describe("webhook endpoint secrets", () => {
    let t: TestApp;
    let tenant: TenantFixture;
    let receiver: Receiver;
    beforeAll(async () => {
      t = await createTestApp({ WEBHOOK_ALLOW_PRIVATE_URLS: "true" });
      tenant = await createTenant(t);
      receiver = await startReceiver();
    });
    afterAll(async () => {
      await receiver.close();
      t.close();
    });

    const createEndpoint = async (path: string) => {
      const res = await t.call("POST", "/v1/webhook-endpoints", {
        key: tenant.adminKey,
        body: { url: `${receiver.url}${path}`, event_types: ["signup.confirmed"], organization_id: tenant.adminOrganizationId },
      });
      expect(res.status).toBe(201);
      return (await res.json()) as { id: string; secret: string };
    };
    const stored = async (id: string) => (await t.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)))[0];

    it("are stored sealed, and deliveries are still signed with the plain secret", async () => {
      const ep = await createEndpoint("/sealed");
      const row = await stored(ep.id);
      expect(row?.secret).toMatch(/^enc:v1:/);
      expect(row?.secret).not.toContain(ep.secret.slice(6));
      await emit(t.db, { tenantId: tenant.tenantId, audience: [tenant.adminOrganizationId] });
      await drain(testRuntime(t.db));
      const got = receiver.received.find((r) => r.path === "/sealed");
      expect(got).toBeDefined();
      if (got) expect(new Webhook(ep.secret).verify(got.body, got.headers)).toMatchObject({ type: "signup.confirmed" });
    });

    it("rotation of the secrets key: legacy plain rows and rows under the previous key are resealed and still sign", async () => {
      const ep = await createEndpoint("/rotated");
      const plain = await createEndpoint("/legacy");
      // A row written before encryption at rest existed.
      await t.db.update(webhookEndpoints).set({ secret: plain.secret }).where(eq(webhookEndpoints.id, plain.id));
      const rotated = createSecretBox(newSecretsKey(), SECRETS_KEY);
      expect(await resealWebhookSecrets(t.db, rotated)).toBeGreaterThanOrEqual(2);
      const prefix = await rotated.currentPrefix();
      for (const id of [ep.id, plain.id]) expect((await stored(id))?.secret.startsWith(prefix)).toBe(true);
      expect(await resealWebhookSecrets(t.db, rotated)).toBe(0);
      await emit(t.db, { tenantId: tenant.tenantId, audience: [tenant.adminOrganizationId] });
      await drain(testRuntime(t.db, { secrets: rotated }));
      for (const [path, secret] of [["/rotated", ep.secret], ["/legacy", plain.secret]] as const) {
        const got = receiver.received.filter((r) => r.path === path).at(-1);
        expect(got).toBeDefined();
        if (got) expect(new Webhook(secret).verify(got.body, got.headers)).toMatchObject({ type: "signup.confirmed" });
      }
    });
  });
});
