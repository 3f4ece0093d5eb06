import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { webhookBody } from "../../workers/webhooks/payload.ts";
import { MAX_ATTEMPTS, RETRY_DELAYS_MS, retryDelayMs } from "../../workers/webhooks/schedule.ts";
import { newWebhookSecret, sign, signedHeaders } from "../../workers/webhooks/signing.ts";
import { urlProblem } from "../../workers/webhooks/url-policy.ts";

describe("webhook signing (Standard Webhooks)", () => {
  const body = JSON.stringify({ type: "signup.confirmed", timestamp: "2026-11-21T08:00:00.000Z", data: { signup_id: "sig_1" } });

  it("makes secrets of whsec_ + base64 of 32 random bytes, each different", () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(atob(a.slice(6))).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(a);
  });

  it("signs exactly as the reference library does", async () => {
    const secret = newWebhookSecret();
    const at = new Date("2026-11-21T08:00:00.000Z");
    const ours = await sign(secret, "msg_1", Math.floor(at.getTime() / 1000), body);
    expect(ours).toBe(new Webhook(secret).sign("msg_1", at, body));
  });

  it("produces headers the reference verifier accepts, and rejects a changed body", async () => {
    const secret = newWebhookSecret();
    const headers = await signedHeaders([secret], "msg_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z", new Date(), body);
    expect(headers["webhook-id"]).toBe("msg_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z");
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(secret).verify(body.replace("sig_1", "sig_2"), headers)).toThrow(/No matching signature/);
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow(/No matching signature/);
  });

  it("signs with both secrets during a rotation: either one verifies", async () => {
    const [next, previous] = [newWebhookSecret(), newWebhookSecret()];
    const headers = await signedHeaders([next, previous], "msg_1", new Date(), body);
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(new Webhook(next).verify(body, headers)).toBeTruthy();
    expect(new Webhook(previous).verify(body, headers)).toBeTruthy();
  });

  it("puts tenant and subject into data, and keeps the bytes stable across attempts", () => {
    const event = {
      id: "msg_1",
      tenantId: "ten_1",
      type: "project.signed",
      subjectType: "project",
      subjectId: "prj_1",
      payload: { project_id: "prj_1", intended_investment_yuan: 5000 },
      createdAt: "2026-11-21T08:00:00.000Z",
    };
    expect(JSON.parse(webhookBody(event))).toEqual({
      type: "project.signed",
      timestamp: "2026-11-21T08:00:00.000Z",
      data: { project_id: "prj_1", intended_investment_yuan: 5000, tenant_id: "ten_1", subject: { type: "project", id: "prj_1" } },
    });
    expect(webhookBody(event)).toBe(webhookBody({ ...event }));
  });
});

describe("webhook retry schedule", () => {
  it("waits immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then gives up", () => {
    const mid = () => 0.5; // no jitter
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelayMs(n, mid))).toEqual([
      0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
    ]);
    expect(retryDelayMs(9, mid)).toBeNull();
    expect(MAX_ATTEMPTS).toBe(9);
  });

  it("jitters by at most 10 % either way", () => {
    for (const [i, base] of RETRY_DELAYS_MS.entries()) {
      expect(retryDelayMs(i + 1, () => 0)).toBe(Math.round(base * 0.9));
      expect(retryDelayMs(i + 1, () => 0.999999)).toBeLessThanOrEqual(Math.round(base * 1.1));
    }
  });
});

describe("webhook URL policy (SSRF)", () => {
  const refused: [string, RegExp][] = [
    ["http://hr.example.com/hook", /must use https/],
    ["ftp://hr.example.com/hook", /must use https/],
    ["not a url", /absolute URL/],
    ["https://user:pw@hr.example.com/", /credentials/],
    ["https://localhost/hook", /private/],
    ["https://api.localhost/hook", /private/],
    ["https://metadata.google.internal/", /metadata/],
    ["https://printer.local/", /private/],
    ["https://127.0.0.1/", /private/],
    ["https://127.1/", /private/],
    ["https://0x7f000001/", /private/],
    ["https://2130706433/", /private/],
    ["https://10.1.2.3/", /private/],
    ["https://172.16.0.1/", /private/],
    ["https://172.31.255.255/", /private/],
    ["https://192.168.1.1/", /private/],
    ["https://169.254.169.254/latest/meta-data/", /link-local, metadata/],
    ["https://100.64.0.1/", /private/],
    ["https://0.0.0.0/", /link-local, metadata, multicast or reserved/],
    ["https://[::1]/", /private/],
    ["https://[fd00::1]/", /private/],
    ["https://[fe80::1]/", /link-local/],
    ["https://[::ffff:127.0.0.1]/", /link-local, metadata, multicast or reserved/],
    ["https://[::ffff:10.0.0.1]/", /link-local, metadata, multicast or reserved/],
  ];
  for (const [url, reason] of refused) {
    it(`refuses ${url}`, () => expect(urlProblem(url, false)).toMatch(reason));
  }

  it("allows https on public hosts and addresses", () => {
    expect(urlProblem("https://hr.example.com/hooks/wutong?x=1", false)).toBeNull();
    expect(urlProblem("https://8.8.8.8/", false)).toBeNull();
    expect(urlProblem("https://172.32.0.1/", false)).toBeNull();
    expect(urlProblem("https://[2606:4700::1111]/", false)).toBeNull();
  });

  it("with WEBHOOK_ALLOW_PRIVATE_URLS allows local receivers over http, but not plain http to public hosts", () => {
    expect(urlProblem("http://127.0.0.1:9000/hook", true)).toBeNull();
    expect(urlProblem("http://localhost:9000/hook", true)).toBeNull();
    expect(urlProblem("http://hr.example.com/hook", true)).toMatch(/must use https/);
  });
});
