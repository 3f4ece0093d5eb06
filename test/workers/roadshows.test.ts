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
        title: "D1 并发路演",
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
      await call("POST", "/v1/events", key, { title: "QR", starts_at: start.toISOString(), ends_at: new Date(start.getTime() + 3_600_000).toISOString(), capacity: { talent: 1 } }),
      201,
    );
    const talent = await json<{ id: string }>(await call("POST", "/v1/talents", key, { name: "扫码人" }), 201);
    const signup = await json<{ id: string }>(await call("POST", `/v1/events/${event.id}/signups`, key, { talent_id: talent.id }), 201);
    const res = await call("GET", `/v1/signups/${signup.id}/qr.svg`, key);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/svg+xml");
    expect(await res.text()).toMatch(/^<svg[\s\S]*<\/svg>$/);
  });
});
