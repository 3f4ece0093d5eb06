import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeys, auditLog, idempotencyKeys, outboxEvents, talents } from "../../schema/index.ts";
import { contactChanges, talentInvitations } from "../../schema/tables/consent.ts";
import { suggestions } from "../../schema/tables/introductions.ts";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { createKey, createOrganization, createTenant, type TenantFixture, unique } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/problems.ts";
import { createDemand, createTalent, talentKey, uniquePhone } from "../helpers/profiles.ts";

const tokenIn = (text: string | undefined) => /wti_[A-Za-z0-9]{32}/.exec(text ?? "")?.[0] ?? "";
const codeIn = (text: string | undefined) => /\b\d{6}\b/.exec(text ?? "")?.[0] ?? "";

describe("consent: talent keys, contact changes, erasure", () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let organizerKey: string;
  let enterpriseKey: string;
  let orgId: string;
  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t);
    organizerKey = (await createKey(t, tenant.adminKey, tenant.adminOrganizationId, "organizer")).key;
    orgId = (await createOrganization(t, tenant.adminKey)).id;
    enterpriseKey = (await createKey(t, tenant.adminKey, orgId, "enterprise")).key;
  });
  afterAll(() => t.close());

  describe("talent keys reach only the talent", () => {
    it("sends an invitation to the talent's own phone; the inviter sees neither token nor key; the talent redeems it once", async () => {
      const phone = uniquePhone();
      const talent = await createTalent(t, tenant.adminKey, { phone });
      const res = await t.call("POST", `/v1/talents/${talent.id}/keys`, { key: organizerKey });
      expect(res.status).toBe(202);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({
        invitation_id: expect.stringMatching(/^inv_/),
        talent_id: talent.id,
        channel: "sms",
        sent_to: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
        expires_at: expect.any(String),
      });
      const message = t.sender.sent.at(-1);
      expect(message).toMatchObject({ channel: "sms", to: phone });
      const token = tokenIn(message?.text);
      expect(text).not.toContain(token);
      expect(text).not.toMatch(/wt_/);
      // Only the token's hash is stored.
      const stored = await t.db.select().from(talentInvitations).where(eq(talentInvitations.talentId, talent.id));
      expect(JSON.stringify(stored)).not.toContain(token);

      const redeemed = await t.call("POST", "/v1/talent-invitations/redeem", { body: { token } });
      expect(redeemed.status).toBe(201);
      const key = (await redeemed.json()) as { key: string; role: string; talent_id: string; secret_shown: boolean };
      expect(key).toMatchObject({ role: "talent", talent_id: talent.id, secret_shown: true, key: expect.stringMatching(/^wt_/) });
      expect(await (await t.call("GET", "/v1/me", { key: key.key })).json()).toMatchObject({ role: "talent", talent_id: talent.id });

      const again = { status: 404, code: "not_found", detail: "The invitation is unknown, already used or expired; ask for a new one." } as const;
      await expectProblem(await t.call("POST", "/v1/talent-invitations/redeem", { body: { token } }), again);
      await expectProblem(await t.call("POST", "/v1/talent-invitations/redeem", { body: { token: `wti_${"A".repeat(32)}` } }), again);
      const audit = await t.db.select().from(auditLog).where(eq(auditLog.subjectId, talent.id));
      expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["talent_invitation.sent", "talent_invitation.redeemed"]));
    });

    it("lets exactly one of two concurrent redemptions create a key", async () => {
      const talent = await createTalent(t, tenant.adminKey, { phone: uniquePhone() });
      expect((await t.call("POST", `/v1/talents/${talent.id}/keys`, { key: tenant.adminKey })).status).toBe(202);
      const token = tokenIn(t.sender.sent.at(-1)?.text);
      const statuses = (await Promise.all([1, 2].map(() => t.call("POST", "/v1/talent-invitations/redeem", { body: { token } })))).map((r) => r.status);
      expect(statuses.sort()).toEqual([201, 404]);
      expect(await t.db.select().from(apiKeys).where(eq(apiKeys.talentId, talent.id))).toHaveLength(1);
    });

    it("expires invitations after 72 hours, and refuses a talent with no contact channel", async () => {
      const talent = await createTalent(t, tenant.adminKey, { email: "wang.wu@example.com" });
      expect((await t.call("POST", `/v1/talents/${talent.id}/keys`, { key: tenant.adminKey })).status).toBe(202);
      expect(t.sender.sent.at(-1)).toMatchObject({ channel: "email", to: "wang.wu@example.com" });
      const token = tokenIn(t.sender.sent.at(-1)?.text);
      t.setNow(new Date(Date.now() + 73 * 3600_000));
      await expectProblem(await t.call("POST", "/v1/talent-invitations/redeem", { body: { token } }), { status: 404, code: "not_found" });
      t.setNow(new Date());
      const silent = await createTalent(t, tenant.adminKey);
      await expectProblem(await t.call("POST", `/v1/talents/${silent.id}/keys`, { key: tenant.adminKey }), {
        status: 422,
        code: "validation_failed",
        errors: [{ path: "talent", message: "has no phone or email to send the invitation to" }],
      });
      await expectProblem(await t.call("POST", `/v1/talents/${silent.id}/keys`, { key: enterpriseKey }), { status: 403, code: "forbidden" });
    });

    it("does not let organizers rewrite a talent's phone or email (which would redirect the invitation)", async () => {
      const talent = await createTalent(t, tenant.adminKey, { email: "zhao.liu@example.com" });
      for (const body of [{ email: "attacker@example.com" }, { phone: uniquePhone() }, { email: null }]) {
        await expectProblem(await t.call("PATCH", `/v1/talents/${talent.id}`, { key: organizerKey, body }), {
          status: 403,
          code: "forbidden",
          detail: "Organizers may not change a talent's phone or email; the talent changes its own.",
        });
      }
      expect((await t.db.select().from(talents).where(eq(talents.id, talent.id)))[0]?.email).toBe("zhao.liu@example.com");
      expect((await t.call("PATCH", `/v1/talents/${talent.id}`, { key: organizerKey, body: { major: "化学" } })).status).toBe(200);
    });
  });

  describe("no phone-number oracle", () => {
    it("answers a talent's phone change the same way whether or not the number is on another profile", async () => {
      const taken = uniquePhone();
      await createTalent(t, tenant.adminKey, { phone: taken });
      const me = await createTalent(t, tenant.adminKey, { phone: uniquePhone() });
      const key = await talentKey(t, tenant.adminKey, me.id);
      const free = uniquePhone();
      const answer = async (phone: string) => {
        const res = await t.call("PATCH", `/v1/talents/${me.id}`, { key, body: { phone, major: "化工" } });
        const body = (await res.json()) as { phone?: unknown; major?: unknown; pending_contact: { sent_to: string }[]; updated_at: string };
        return { status: res.status, body: { ...body, updated_at: "-", pending_contact: body.pending_contact.map((p) => ({ ...p, sent_to: "-" })) } };
      };
      t.setNow(new Date(Date.now() + 1000));
      const a = await answer(taken);
      const b = await answer(free);
      t.setNow(new Date());
      expect(a).toEqual(b);
      expect(a.status).toBe(200);
      // Nothing is applied until the code sent to the new number comes back.
      expect(a.body.phone).toBe(me.phone);
      expect(a.body.major).toBe("化工");
      expect(t.sender.sent.at(-1)).toMatchObject({ channel: "sms", to: free });

      const verified = await t.call("POST", `/v1/talents/${me.id}/contact/verify`, { key, body: { code: codeIn(t.sender.sent.at(-1)?.text) } });
      expect(verified.status).toBe(200);
      expect(await verified.json()).toMatchObject({ phone: free });
    });

    it("flags a confirmed number that is on another profile for a merge (409 to its owner), and counts wrong codes", async () => {
      const taken = uniquePhone();
      const other = await createTalent(t, tenant.adminKey, { phone: taken });
      const me = await createTalent(t, tenant.adminKey, { phone: uniquePhone() });
      const key = await talentKey(t, tenant.adminKey, me.id);
      expect((await t.call("PATCH", `/v1/talents/${me.id}`, { key, body: { phone: taken } })).status).toBe(200);
      const code = codeIn(t.sender.sent.at(-1)?.text);
      const wrong = code === "000000" ? "111111" : "000000";
      await expectProblem(await t.call("POST", `/v1/talents/${me.id}/contact/verify`, { key, body: { code: wrong } }), {
        status: 422,
        code: "validation_failed",
        errors: [{ path: "code", message: "does not match the code sent" }],
      });
      await expectProblem(await t.call("POST", `/v1/talents/${me.id}/contact/verify`, { key, body: { code } }), { status: 409, code: "conflict" });
      const flag = await t.db.select().from(auditLog).where(and(eq(auditLog.subjectId, me.id), eq(auditLog.action, "talent.merge_flagged")));
      expect(flag[0]?.detail).toEqual({ field: "phone", other_talent_id: other.id });
      expect((await t.db.select().from(talents).where(eq(talents.id, me.id)))[0]?.phone).toBe(me.phone);
      await expectProblem(await t.call("POST", `/v1/talents/${me.id}/contact/verify`, { key, body: { code } }), { status: 404, code: "not_found" });
    });

    it("limits contact changes to 5 per key per hour with a 429 and Retry-After, changing nothing", async () => {
      const me = await createTalent(t, tenant.adminKey, { phone: uniquePhone() });
      const key = await talentKey(t, tenant.adminKey, me.id);
      for (let i = 0; i < 5; i++) {
        expect((await t.call("PATCH", `/v1/talents/${me.id}`, { key, body: { phone: uniquePhone() } })).status).toBe(200);
      }
      const res = await t.call("PATCH", `/v1/talents/${me.id}`, { key, body: { phone: uniquePhone(), major: "不应保存" } });
      await expectProblem(res, { status: 429, code: "rate_limited", detail: "At most 5 contact changes per hour per key; retry later." });
      const retryAfter = Number(res.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThan(3500);
      expect(retryAfter).toBeLessThanOrEqual(3600);
      expect((await t.db.select().from(talents).where(eq(talents.id, me.id)))[0]?.major).not.toBe("不应保存");
      t.setNow(new Date(Date.now() + 61 * 60_000));
      expect((await t.call("PATCH", `/v1/talents/${me.id}`, { key, body: { phone: uniquePhone() } })).status).toBe(200);
      t.setNow(new Date());
    });
  });

  describe("erasure is total", () => {
    it("removes suggestions and scores, invitations, contact changes, remembered answers, and the id from outbox events", async () => {
      const phone = uniquePhone();
      const email = `${unique("erase")}@example.com`;
      const idem = { "idempotency-key": unique("idem") };
      const body = { name: "待删除", phone, email, industries: ["2522"], skills: ["煤气化", "Aspen Plus"], city: "1506", education: "master" };
      const created = await t.call("POST", "/v1/talents", { key: tenant.adminKey, body, headers: idem });
      expect(created.status).toBe(201);
      const talent = (await created.json()) as { id: string };
      const key = await talentKey(t, tenant.adminKey, talent.id);
      expect((await t.call("PATCH", `/v1/talents/${talent.id}`, { key, body: { email: `${unique("new")}@example.com` } })).status).toBe(200);
      await t.jobs.drain();
      await createDemand(t, enterpriseKey, orgId, { industry_code: "2522", required_skills: ["煤气化", "Aspen Plus"], city: "1506", min_education: "bachelor" });
      await t.jobs.drain();
      const listed = async () =>
        ((await (await t.call("GET", "/v1/suggestions?limit=100", { key: tenant.adminKey })).json()) as { data: { talent_id: string }[] }).data.filter(
          (s) => s.talent_id === talent.id,
        );
      expect((await listed()).length).toBeGreaterThan(0);
      const mentions = async () => (await t.db.select().from(outboxEvents)).filter((e) => JSON.stringify(e).includes(talent.id));
      expect((await mentions()).map((e) => e.type)).toContain("match.created");

      expect((await t.call("DELETE", `/v1/talents/${talent.id}`, { key: tenant.adminKey })).status).toBe(204);

      expect(await listed()).toEqual([]);
      expect(await t.db.select().from(suggestions).where(eq(suggestions.talentId, talent.id))).toEqual([]);
      expect(await mentions()).toEqual([]);
      expect(await t.db.select().from(talentInvitations).where(eq(talentInvitations.talentId, talent.id))).toEqual([]);
      expect(await t.db.select().from(contactChanges).where(eq(contactChanges.talentId, talent.id))).toEqual([]);
      const answers = (await t.db.select().from(idempotencyKeys)).map((r) => r.responseBody ?? "").join("\n");
      for (const trace of [talent.id, phone, email]) expect(answers).not.toContain(trace);
      // A replay of the creating request no longer hands back the erased profile: it runs afresh.
      const replay = await t.call("POST", "/v1/talents", { key: tenant.adminKey, body, headers: idem });
      expect(replay.headers.get("idempotent-replayed")).toBeNull();
      expect(((await replay.json()) as { id: string }).id).not.toBe(talent.id);
    });
  });
});
