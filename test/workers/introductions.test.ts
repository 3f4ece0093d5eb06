import { env, exports } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";

function call(method: string, path: string, key: string, body?: unknown) {
  const headers: Record<string, string> = { authorization: `Bearer ${key}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  return exports.default.fetch(new Request(`https://wutong.test${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
}

async function json<T>(res: Response | Promise<Response>, status: number): Promise<T> {
  const r = await res;
  expect(r.status, await r.clone().text()).toBe(status);
  return (await r.json()) as T;
}

describe("matching and introductions on D1", () => {
  it("ranks, introduces, and settles a race between two answers with exactly one event", async () => {
    const tenant = await json<{ admin_key: { key: string } }>(call("POST", "/v1/tenants", env.WUTONG_OPERATOR_KEY, { name: "测试市", slug: "worker-intro" }), 201);
    const admin = tenant.admin_key.key;
    const org = await json<{ id: string }>(call("POST", "/v1/organizations", admin, { name: "示范企业", kind: "enterprise" }), 201);
    const demand = await json<{ id: string }>(
      call("POST", "/v1/demands", admin, { organization_id: org.id, title: "煤气化工艺工程师", industry_code: "2522", required_skills: ["煤气化"], city: "1506" }),
      201,
    );
    const talent = await json<{ id: string }>(
      call("POST", "/v1/talents", admin, { name: "王工", phone: "13800001111", industries: ["2522"], skills: ["煤气化", "Aspen Plus"], city: "1506" }),
      201,
    );
    const matches = await json<{ data: { talent: { id: string; phone: string }; score: number }[] }>(call("GET", `/v1/demands/${demand.id}/matches`, admin), 200);
    expect(matches.data[0]?.talent.id).toBe(talent.id);
    expect(matches.data[0]?.score).toBeGreaterThan(50);

    const intro = await json<{ id: string }>(call("POST", "/v1/introductions", admin, { demand_id: demand.id, talent_id: talent.id }), 201);
    // The Worker's console sender delivers the invitation; the talent redeems the token it received.
    const printed: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((line: unknown) => {
      printed.push(String(line));
    });
    await json(call("POST", `/v1/talents/${talent.id}/keys`, admin), 202);
    log.mockRestore();
    const token = /wti_[A-Za-z0-9]{32}/.exec(printed.join("\n"))?.[0] ?? "";
    const redeemed = await exports.default.fetch(
      new Request("https://wutong.test/v1/talent-invitations/redeem", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token }) }),
    );
    const key = (await json<{ key: string }>(redeemed, 201)).key;
    // The talent sees who asked and for what, by name.
    const seen = await json<Record<string, unknown>>(call("GET", `/v1/introductions/${intro.id}`, key), 200);
    expect(seen).toMatchObject({ employer_name: "示范企业", demand_title: "煤气化工艺工程师", talent_name: "王工" });
    const statuses = (await Promise.all([call("POST", `/v1/introductions/${intro.id}/accept`, key), call("POST", `/v1/introductions/${intro.id}/decline`, key)]))
      .map((r) => r.status)
      .sort();
    expect(statuses).toEqual([200, 409]);
    const events = await env.DB.prepare("SELECT type FROM outbox_events WHERE subject_id = ? ORDER BY id").bind(intro.id).all<{ type: string }>();
    expect(events.results.length).toBe(2);
    expect(events.results[0]?.type).toBe("introduction.requested");
  });
});
