import { env, exports } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";

function call(method: string, path: string, opts: { key?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.key) headers.authorization = `Bearer ${opts.key}`;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  return exports.default.fetch(new Request(`https://wutong.test${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) }));
}

async function json<T>(res: Response | Promise<Response>, status: number): Promise<T> {
  const r = await res;
  expect(r.status, await r.clone().text()).toBe(status);
  return (await r.json()) as T;
}

/** What the Worker's console sender printed: the messages a talent would receive. */
function captureMessages(): string[] {
  const printed: string[] = [];
  vi.spyOn(console, "log").mockImplementation((line: unknown) => {
    printed.push(String(line));
  });
  return printed;
}

async function tenant(slug: string): Promise<{ admin: string; orgId: string }> {
  const body = await json<{ admin_key: { key: string }; organization: { id: string } }>(
    call("POST", "/v1/tenants", { key: env.WUTONG_OPERATOR_KEY, body: { name: "安全市", slug } }),
    201,
  );
  return { admin: body.admin_key.key, orgId: body.organization.id };
}

describe("security on D1", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("scopes idempotent answers by caller, never stores a key secret, and seals webhook secrets", async () => {
    const { admin, orgId } = await tenant("sec-idem");
    const organizer = await json<{ key: string }>(call("POST", `/v1/organizations/${orgId}/keys`, { key: admin, body: { role: "organizer" } }), 201);
    const headers = { "idempotency-key": "same-key" };
    const path = `/v1/organizations/${orgId}/keys`;
    const first = await json<{ id: string; key: string }>(call("POST", path, { key: admin, body: { role: "organizer" }, headers }), 201);
    const replay = await call("POST", path, { key: admin, body: { role: "organizer" }, headers });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.json()).toMatchObject({ id: first.id, key: null, secret_shown: false });
    const other = await json<{ id: string }>(call("POST", path, { key: organizer.key, body: { role: "organizer" }, headers }), 201);
    expect(other.id).not.toBe(first.id);
    const stored = await env.DB.prepare("SELECT response_body FROM idempotency_keys").all<{ response_body: string }>();
    expect(JSON.stringify(stored.results)).not.toContain(first.key);

    const hook = await json<{ id: string; secret: string }>(
      call("POST", "/v1/webhook-endpoints", { key: admin, body: { url: "https://hr.example.com/hooks/a", event_types: ["signup.confirmed"] } }),
      201,
    );
    const row = await env.DB.prepare("SELECT secret FROM webhook_endpoints WHERE id = ?").bind(hook.id).first<{ secret: string }>();
    expect(row?.secret).toMatch(/^enc:v1:[0-9a-f]{8}:/);
    expect(row?.secret).not.toContain(hook.secret.slice(6));
  });

  it("gives a talent its key only through an invitation it redeems, and erases everything on delete", async () => {
    const { admin } = await tenant("sec-consent");
    const orgId = (await json<{ id: string }>(call("POST", "/v1/organizations", { key: admin, body: { name: "示范企业", kind: "enterprise" } }), 201)).id;
    const messages = captureMessages();
    const talent = await json<{ id: string }>(
      call("POST", "/v1/talents", { key: admin, body: { name: "赵工", phone: "13800002222", industries: ["2522"], skills: ["煤气化", "Aspen Plus"], city: "1506" } }),
      201,
    );
    const invited = await json<Record<string, unknown>>(call("POST", `/v1/talents/${talent.id}/keys`, { key: admin }), 202);
    expect(invited).toMatchObject({ channel: "sms", sent_to: "138****2222" });
    expect(JSON.stringify(invited)).not.toMatch(/wt_|wti_/);
    const token = /wti_[A-Za-z0-9]{32}/.exec(messages.join("\n"))?.[0] ?? "";
    expect(token).not.toBe("");
    const key = (await json<{ key: string }>(call("POST", "/v1/talent-invitations/redeem", { body: { token } }), 201)).key;
    await json(call("POST", "/v1/talent-invitations/redeem", { body: { token } }), 404);
    expect(await json<{ role: string }>(call("GET", "/v1/me", { key }), 200)).toMatchObject({ role: "talent" });

    await json(call("POST", "/v1/demands", { key: admin, body: { organization_id: orgId, title: "煤气化工艺工程师", industry_code: "2522", required_skills: ["煤气化", "Aspen Plus"], city: "1506" } }), 201);
    expect((await call("DELETE", `/v1/talents/${talent.id}`, { key })).status).toBe(204);
    for (const table of ["talents", "api_keys", "suggestions", "talent_invitations"]) {
      const column = table === "talents" ? "id" : "talent_id";
      const left = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${column} = ?`).bind(talent.id).first<{ n: number }>();
      expect(left?.n, table).toBe(0);
    }
    const traces = await env.DB.prepare("SELECT count(*) AS n FROM outbox_events WHERE instr(payload, ?) > 0 OR subject_id = ?").bind(talent.id, talent.id).first<{ n: number }>();
    expect(traces?.n).toBe(0);
  });

  it("answers a talent's phone change the same way for a taken and a free number, and applies it after the code", async () => {
    const { admin } = await tenant("sec-phone");
    const messages = captureMessages();
    await json(call("POST", "/v1/talents", { key: admin, body: { name: "甲", phone: "13900003333" } }), 201);
    const me = await json<{ id: string }>(call("POST", "/v1/talents", { key: admin, body: { name: "乙", phone: "13900004444" } }), 201);
    await json(call("POST", `/v1/talents/${me.id}/keys`, { key: admin }), 202);
    const token = /wti_[A-Za-z0-9]{32}/.exec(messages.join("\n"))?.[0] ?? "";
    const key = (await json<{ key: string }>(call("POST", "/v1/talent-invitations/redeem", { body: { token } }), 201)).key;
    const taken = await json<{ phone: string; pending_contact: unknown[] }>(call("PATCH", `/v1/talents/${me.id}`, { key, body: { phone: "13900003333" } }), 200);
    const free = await json<{ phone: string; pending_contact: unknown[] }>(call("PATCH", `/v1/talents/${me.id}`, { key, body: { phone: "13900005555" } }), 200);
    expect(taken.phone).toBe("13900004444");
    expect(free.phone).toBe("13900004444");
    expect(taken.pending_contact).toHaveLength(1);
    expect(free.pending_contact).toHaveLength(1);
    const code = /\b\d{6}\b/.exec(messages.at(-1) ?? "")?.[0] ?? "";
    expect(await json<{ phone: string }>(call("POST", `/v1/talents/${me.id}/contact/verify`, { key, body: { code } }), 200)).toMatchObject({ phone: "13900005555" });
  });
});
