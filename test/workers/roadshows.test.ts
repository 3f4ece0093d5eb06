import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

const OPERATOR = env.WUTONG_OPERATOR_KEY;
// Fewer than the Node test's 500/100: workerd's local D1 settles 200 signups in ≈3.5 s here.
const SIGNUPS = 200;
const SEATS = 50;

function call(method: string, path: string, key: string, body?: unknown) {
  const headers: Record<string, string> = { authorization: `Bearer ${key}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  return exports.default.fetch(new Request(`https://wutong.test${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
}

async function json<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

describe("roadshow seats on D1", () => {
  it(`settles ${SIGNUPS} simultaneous signups for ${SEATS} seats: exactly ${SEATS} confirmed, the rest queued 1…n`, { timeout: 60_000 }, async () => {
    const tenant = await json<{ admin_key: { key: string } }>(await call("POST", "/v1/tenants", OPERATOR, { name: "并发市", slug: "worker-seats" }), 201);
    const key = tenant.admin_key.key;
    // Signups are open until the event starts: put it in the future of the real clock.
    const start = new Date(Date.now() + 30 * 86_400_000);
    const event = await json<{ id: string }>(
      await call("POST", "/v1/events", key, {
        name: "D1 并发路演",
        status: "open",
        starts_at: start.toISOString(),
        ends_at: new Date(start.getTime() + 8 * 3_600_000).toISOString(),
        capacity: { talent: SEATS },
      }),
      201,
    );
    const talents = await Promise.all(
      Array.from({ length: SIGNUPS }, async (_, i) => (await json<{ id: string }>(await call("POST", "/v1/talents", key, { name: `人才${i}` }), 201)).id),
    );

    const responses = await Promise.all(talents.map((id) => call("POST", `/v1/events/${event.id}/signups`, key, { talent_id: id })));
    const bodies = await Promise.all(responses.map((r) => json<{ status: string; waitlist_position: number | null; talent_id: string }>(r, 201)));
    expect(bodies.filter((b) => b.status === "confirmed")).toHaveLength(SEATS);
    const positions = bodies
      .filter((b) => b.status === "waitlisted")
      .map((b) => b.waitlist_position ?? 0)
      .sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: SIGNUPS - SEATS }, (_, i) => i + 1));
    expect(new Set(bodies.map((b) => b.talent_id)).size).toBe(SIGNUPS);

    const counter = await env.DB.prepare("SELECT confirmed, waitlist_seq FROM event_capacity WHERE event_id = ?").bind(event.id).first<{ confirmed: number; waitlist_seq: number }>();
    expect(counter).toEqual({ confirmed: SEATS, waitlist_seq: SIGNUPS - SEATS });
    const outbox = await env.DB.prepare("SELECT type, count(*) AS n FROM outbox_events WHERE json_extract(payload, '$.event_id') = ? GROUP BY type ORDER BY type")
      .bind(event.id)
      .all<{ type: string; n: number }>();
    expect(outbox.results).toEqual([
      { type: "signup.confirmed", n: SEATS },
      { type: "signup.waitlisted", n: SIGNUPS - SEATS },
    ]);

    const dup = await call("POST", `/v1/events/${event.id}/signups`, key, { talent_id: talents[0] });
    expect(await json(dup, 409)).toMatchObject({ code: "conflict", detail: `${talents[0]} is already signed up for this event.` });

    // A cancellation hands the seat to the head of the queue in the same batch.
    const list = await json<{ data: { id: string; status: string }[] }>(await call("GET", `/v1/signups?event_id=${event.id}&status=confirmed&limit=1`, key), 200);
    const leaving = list.data[0]?.id ?? "";
    expect(await json(await call("POST", `/v1/signups/${leaving}/cancel`, key), 200)).toMatchObject({ status: "cancelled" });
    const promoted = await env.DB.prepare("SELECT count(*) AS n FROM outbox_events WHERE type = 'signup.promoted' AND json_extract(payload, '$.event_id') = ?")
      .bind(event.id)
      .first<{ n: number }>();
    expect(promoted?.n).toBe(1);
    const seats = await json<{ capacity: unknown }>(await call("GET", `/v1/events/${event.id}`, key), 200);
    expect(seats.capacity).toEqual({ talent: { capacity: SEATS, confirmed: SEATS, waitlisted: SIGNUPS - SEATS - 1 } });
  });

  it("serves the check-in QR code as SVG from the Worker", async () => {
    const tenant = await json<{ admin_key: { key: string } }>(await call("POST", "/v1/tenants", OPERATOR, { name: "二维码市", slug: "worker-qr" }), 201);
    const key = tenant.admin_key.key;
    const start = new Date(Date.now() + 86_400_000);
    const event = await json<{ id: string }>(
      await call("POST", "/v1/events", key, { name: "QR", status: "open", starts_at: start.toISOString(), ends_at: new Date(start.getTime() + 3_600_000).toISOString(), capacity: { talent: 1 } }),
      201,
    );
    const talent = await json<{ id: string }>(await call("POST", "/v1/talents", key, { name: "扫码人" }), 201);
    const signup = await json<{ id: string }>(await call("POST", `/v1/events/${event.id}/signups`, key, { talent_id: talent.id }), 201);
    const res = await call("GET", `/v1/signups/${signup.id}/qr.svg`, key);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/svg+xml");
    expect(await res.text()).toMatch(/^<svg[\s\S]*<\/svg>$/);
  });

  it("runs the lifecycle on D1: conditional transitions, capacity, signing, carry-over and the event report", { timeout: 30_000 }, async () => {
    const tenant = await json<{ admin_key: { key: string } }>(await call("POST", "/v1/tenants", OPERATOR, { name: "流程市", slug: "worker-lifecycle" }), 201);
    const key = tenant.admin_key.key;
    const at = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    const event = await json<{ id: string; status: string }>(
      await call("POST", "/v1/events", key, {
        name: "D1 路演",
        starts_at: at(10),
        ends_at: at(10.2),
        meeting_slots: [{ starts_at: at(10.1), ends_at: at(10.11) }],
        capacity: { talent: 1 },
      }),
      201,
    );
    expect(event.status).toBe("draft");
    const next = await json<{ id: string }>(await call("POST", "/v1/events", key, { name: "D1 下一场", status: "open", starts_at: at(40), ends_at: at(40.2), capacity: {} }), 201);
    const moves = await Promise.all([0, 1, 2].map(() => call("PATCH", `/v1/events/${event.id}`, key, { status: "open", capacity: { talent: 2, investor: 1 } })));
    for (const r of moves) expect([200, 409]).toContain(r.status);
    const opened = await json<{ status: string; capacity: unknown }>(await call("GET", `/v1/events/${event.id}`, key), 200);
    expect(opened).toMatchObject({ status: "open", capacity: { talent: { capacity: 2 }, investor: { capacity: 1 } } });

    const owner = await json<{ id: string }>(await call("POST", "/v1/organizations", key, { name: "D1 企业", kind: "enterprise" }), 201);
    const lead = await json<{ id: string }>(await call("POST", "/v1/talents", key, { name: "D1 带头人", team: { name: "D1 团队", size: 3 } }), 201);
    const submit = (title: string) => call("POST", `/v1/events/${event.id}/projects`, key, { title, organization_id: owner.id, team: [lead.id], lead_talent_id: lead.id, industry_chain: "新能源" });
    const signed = await json<{ id: string }>(await submit("签约项目"), 201);
    const unsigned = await json<{ id: string }>(await submit("未签项目"), 201);
    for (const status of ["selected", "pitched", "negotiating"]) await json(await call("PATCH", `/v1/projects/${signed.id}`, key, { status }), 200);
    for (const status of ["selected", "pitched", "not_signed"]) await json(await call("PATCH", `/v1/projects/${unsigned.id}`, key, { status }), 200);
    const signing = { signing_organization_id: owner.id, intended_investment: 30_000_000, talents_introduced: [lead.id], teams_introduced: [lead.id] };
    const signs = await Promise.all([0, 1, 2].map(() => call("POST", `/v1/projects/${signed.id}/sign`, key, signing)));
    expect(signs.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const emitted = await env.DB.prepare("SELECT count(*) AS n FROM outbox_events WHERE type = 'project.signed' AND subject_id = ?").bind(signed.id).first<{ n: number }>();
    expect(emitted?.n).toBe(1);

    const carried = await json<{ event_id: string; history: { event_id: string; status: string }[] }>(
      await call("POST", `/v1/projects/${unsigned.id}/carry-over`, key, { event_id: next.id }),
      200,
    );
    expect(carried).toMatchObject({ event_id: next.id, history: [{ event_id: event.id, status: "not_signed" }] });
    const report = await json<{ figures: Record<string, unknown>; by_industry_chain: unknown[] }>(await call("GET", `/v1/events/${event.id}/report`, key), 200);
    expect(report.figures).toMatchObject({ projects_solicited: 2, projects_selected: 2, projects_pitched: 2, projects_signed: 1, intended_investment: 30_000_000, talents_introduced: 1, teams_introduced: 1 });
    expect(report.by_industry_chain).toEqual([expect.objectContaining({ industry_chain: "新能源", projects_solicited: 2 })]);
  });
});

describe("registration questions and the signup window on D1", () => {
  it("stores answers and contact_name, refuses bad answers by id, and refuses the desk once signups are closed", async () => {
    const tenant = await json<{ admin_key: { key: string } }>(await call("POST", "/v1/tenants", OPERATOR, { name: "问卷市", slug: "worker-questions" }), 201);
    const key = tenant.admin_key.key;
    const start = new Date(Date.now() + 30 * 86_400_000);
    const questions = [
      { id: "team_size", label_zh: "团队人数", kind: "number", required: true },
      { id: "track", label_zh: "参与方向", kind: "choice", required: false, options: ["新能源", "新材料"] },
    ];
    const event = await json<{ id: string; questions: unknown }>(
      await call("POST", "/v1/events", key, {
        name: "D1 问卷路演",
        status: "open",
        starts_at: start.toISOString(),
        ends_at: new Date(start.getTime() + 8 * 3_600_000).toISOString(),
        capacity: { talent: 5 },
        questions,
      }),
      201,
    );
    expect(event.questions).toEqual(questions);
    const talent = async () => (await json<{ id: string }>(await call("POST", "/v1/talents", key, { name: "人才" }), 201)).id;
    const refused = await json<{ errors: unknown }>(
      await call("POST", `/v1/events/${event.id}/signups`, key, { talent_id: await talent(), answers: { track: "煤化工" } }),
      422,
    );
    expect(refused.errors).toEqual([
      { path: "answers.team_size", message: "is required" },
      { path: "answers.track", message: "must be one of: 新能源, 新材料" },
    ]);
    const signup = await json<{ id: string }>(
      await call("POST", `/v1/events/${event.id}/signups`, key, { talent_id: await talent(), contact_name: "王建国", answers: { team_size: 3, track: "新材料" } }),
      201,
    );
    const listed = await json<{ data: unknown[] }>(await call("GET", `/v1/signups?event_id=${event.id}`, key), 200);
    expect(listed.data).toEqual([expect.objectContaining({ id: signup.id, contact_name: "王建国", answers: { team_size: 3, track: "新材料" } })]);

    const closed = new Date(Date.now() - 60_000).toISOString();
    await json(await call("PATCH", `/v1/events/${event.id}`, key, { signup_closes_at: closed }), 200);
    const late = await json<{ code: string; detail: string }>(
      await call("POST", `/v1/events/${event.id}/signups`, key, { talent_id: await talent(), answers: { team_size: 1 } }),
      409,
    );
    expect(late).toMatchObject({ code: "conflict", detail: `Signups are closed: this event took signups until ${closed}.` });
  });
});
