import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drain } from "../../workers/webhooks/runner.ts";
import type { HttpSender, WebhookRequest } from "../../workers/webhooks/sender.ts";
import type { HostResolver } from "../../workers/webhooks/url-policy.ts";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { createKey, createOrganization, createTenant, type TenantFixture } from "../helpers/factories.ts";
import { emit, testRuntime } from "./webhooks-fixtures.ts";

interface DeliveryView {
  status: string;
  error: string | null;
}

/**
 * A public name may resolve to a private or metadata address (DNS rebinding, a hostile zone): the
 * sender resolves the host at delivery time and checks every address before it connects.
 */
describe("webhook delivery checks the addresses a host resolves to", () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let org: { id: string; key: string };
  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t);
    const o = await createOrganization(t, tenant.adminKey);
    org = { id: o.id, key: (await createKey(t, tenant.adminKey, o.id, "enterprise")).key };
  });
  afterAll(() => t.close());

  async function deliverThrough(host: string, resolve: HostResolver, allowPrivateUrls = false): Promise<{ sent: WebhookRequest[]; delivery: DeliveryView | undefined }> {
    const res = await t.call("POST", "/v1/webhook-endpoints", { key: org.key, body: { url: `https://${host}/hook`, event_types: ["signup.confirmed"] } });
    expect(res.status, await res.clone().text()).toBe(201);
    const endpoint = (await res.json()) as { id: string };
    const sent: WebhookRequest[] = [];
    // The receiver is never reached in the refused cases; this twin records what would leave the machine.
    const send: HttpSender = async (request) => {
      sent.push(request);
      return { kind: "response", status: 200, body: "ok", latencyMs: 1 };
    };
    await emit(t.db, { tenantId: tenant.tenantId, audience: [org.id] });
    await drain(testRuntime(t.db, { send, resolve, allowPrivateUrls }));
    const log = (await (await t.call("GET", `/v1/webhook-endpoints/${endpoint.id}/deliveries`, { key: org.key })).json()) as { data: DeliveryView[] };
    await t.call("DELETE", `/v1/webhook-endpoints/${endpoint.id}`, { key: org.key });
    return { sent, delivery: log.data[0] };
  }

  it("refuses to send when any resolved address is private, loopback, metadata or an embedded-loopback form", async () => {
    for (const [host, addresses, reason] of [
      ["hooks1.example.com", ["10.0.0.5"], "hooks1.example.com resolves to 10.0.0.5; must not point to a private, loopback or link-local address (10.0.0.5)"],
      ["hooks2.example.com", ["93.184.216.34", "127.0.0.1"], "hooks2.example.com resolves to 127.0.0.1; must not point to a private, loopback or link-local address (127.0.0.1)"],
      ["hooks3.example.com", ["169.254.169.254"], "hooks3.example.com resolves to 169.254.169.254; must not point to a link-local, metadata, multicast or reserved address (169.254.169.254)"],
      ["hooks4.example.com", ["::ffff:127.0.0.1"], "hooks4.example.com resolves to ::ffff:127.0.0.1; must not point to a link-local, metadata, multicast or reserved address (::ffff:127.0.0.1)"],
    ] as const) {
      const { sent, delivery } = await deliverThrough(host, async () => [...addresses]);
      expect(sent).toEqual([]);
      expect(delivery).toMatchObject({ status: "pending", error: `url refused: ${reason}` });
    }
  });

  it("with private URLs allowed, sends to an intranet address but never to a metadata one", async () => {
    const intranet = await deliverThrough("hr.example.org", async () => ["10.20.0.7"], true);
    expect(intranet.sent.map((r) => r.url)).toEqual(["https://hr.example.org/hook"]);
    const metadata = await deliverThrough("meta.example.org", async () => ["169.254.169.254"], true);
    expect(metadata.sent).toEqual([]);
    expect(metadata.delivery?.error).toMatch(/resolves to 169\.254\.169\.254; must not point to a link-local, metadata/);
  });

  it("sends when every address is public, and treats a name that does not resolve as a failed connection", async () => {
    const ok = await deliverThrough("hooks5.example.com", async () => ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"]);
    expect(ok.sent).toHaveLength(1);
    expect(ok.delivery).toMatchObject({ status: "succeeded", error: null });
    const gone = await deliverThrough("hooks6.example.com", async () => {
      throw new Error("ENOTFOUND");
    });
    expect(gone.sent).toEqual([]);
    expect(gone.delivery?.error).toBe("connection failed: hooks6.example.com does not resolve");
  });

});
