import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxEvents } from "../../schema/index.ts";
import { eventCapacity, signups } from "../../schema/tables/roadshows.ts";
import { createApp } from "../../workers/app.ts";
import { parseConfig, WorkerConfigSchema } from "../../workers/config.ts";
import type { Deps } from "../../workers/context.ts";
import { createSecretBox } from "../../workers/lib/secrets.ts";
import { MemorySender } from "../../workers/messages.ts";
import { openDatabase } from "../../workers/node/database.ts";
import { createTestApp, OPERATOR_KEY, SECRETS_KEY, type TestApp } from "../helpers/app.ts";
import { createKey, createTenant } from "../helpers/factories.ts";
import { createEvent, type SignupBody } from "./roadshow-fixtures.ts";

const SIGNUPS = 500;
const SEATS = 100;

/** The embedded default for real: a libSQL file in WAL mode, opened as `npm start` opens it. */
async function fileApp(dir: string): Promise<TestApp> {
  const { db, close } = await openDatabase(`file:${join(dir, "wutong.db")}`);
  const quiet = () => undefined;
  const now = new Date("2026-07-01T00:00:00Z");
  // One organizer key makes 1,000 writes here, over the default 600 per minute.
  const config = parseConfig(WorkerConfigSchema, { WUTONG_OPERATOR_KEY: OPERATOR_KEY, WUTONG_SECRETS_KEY: SECRETS_KEY, RATE_LIMIT_WRITES: "5000" });
  const sender = new MemorySender();
  const deps: Deps = {
    db,
    config,
    logger: { info: quiet, warn: quiet, error: quiet },
    clock: () => now,
    sender,
    secrets: createSecretBox(config.WUTONG_SECRETS_KEY),
  };
  const app = createApp({ deps: () => deps });
  // The in-memory test app supplies whatever else a TestApp carries; requests go to the file.
  const base = await createTestApp();
  base.close();
  return {
    ...base,
    app,
    db,
    sender,
    close,
    call: (method, path, opts = {}) => {
      const headers: Record<string, string> = { ...opts.headers };
      if (opts.key) headers.authorization = `Bearer ${opts.key}`;
      if (opts.body !== undefined) headers["content-type"] = "application/json";
      return Promise.resolve(app.request(path, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) }));
    },
  };
}

describe(`${SIGNUPS} simultaneous signups for ${SEATS} seats on a libSQL file`, () => {
  let dir: string;
  let t: TestApp;
  let organizerKey: string;
  let talentIds: string[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "wutong-capacity-"));
    t = await fileApp(dir);
    const tenant = await createTenant(t);
    organizerKey = (await createKey(t, tenant.adminKey, tenant.adminOrganizationId, "organizer")).key;
    talentIds = await Promise.all(
      Array.from({ length: SIGNUPS }, async (_, i) => {
        const res = await t.call("POST", "/v1/talents", { key: organizerKey, body: { name: `人才${i}` } });
        return ((await res.json()) as { id: string }).id;
      }),
    );
  }, 30_000);
  afterAll(() => {
    t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("confirms exactly the capacity, queues the rest 1…n, and refuses duplicates", { timeout: 30_000 }, async () => {
    const event = await createEvent(t, organizerKey, { capacity: { talent: SEATS } });
    const responses = await Promise.all(talentIds.map((id) => t.call("POST", `/v1/events/${event.id}/signups`, { key: organizerKey, body: { talent_id: id } })));
    expect(responses.map((r) => r.status)).toEqual(talentIds.map(() => 201));
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as SignupBody[];
    const confirmed = bodies.filter((b) => b.status === "confirmed");
    const waitlisted = bodies.filter((b) => b.status === "waitlisted");
    expect(confirmed).toHaveLength(SEATS);
    expect(waitlisted).toHaveLength(SIGNUPS - SEATS);
    expect(waitlisted.map((b) => b.waitlist_position).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(Array.from({ length: SIGNUPS - SEATS }, (_, i) => i + 1));
    expect(new Set(bodies.map((b) => b.talent_id)).size).toBe(SIGNUPS);
    expect(new Set(confirmed.map((b) => b.check_in_code)).size).toBe(SEATS);

    const [counter] = await t.db.select().from(eventCapacity).where(eq(eventCapacity.eventId, event.id));
    expect(counter).toMatchObject({ capacity: SEATS, confirmed: SEATS, waitlistSeq: SIGNUPS - SEATS });
    const [stored] = await t.db.all<{ n: number; c: number }>(
      sql`SELECT count(*) AS n, sum(status = 'confirmed') AS c FROM ${signups} WHERE event_id = ${event.id}`,
    );
    expect(stored).toEqual({ n: SIGNUPS, c: SEATS });
    const emitted = await t.db
      .select({ type: outboxEvents.type, n: sql<number>`count(*)` })
      .from(outboxEvents)
      .where(and(eq(outboxEvents.subjectType, "signup"), sql`json_extract(${outboxEvents.payload}, '$.event_id') = ${event.id}`))
      .groupBy(outboxEvents.type)
      .orderBy(outboxEvents.type);
    expect(emitted).toEqual([
      { type: "signup.confirmed", n: SEATS },
      { type: "signup.waitlisted", n: SIGNUPS - SEATS },
    ]);

    // The same people again, all at once: every one refused, nothing changes.
    const again = await Promise.all(talentIds.slice(0, 50).map((id) => t.call("POST", `/v1/events/${event.id}/signups`, { key: organizerKey, body: { talent_id: id } })));
    expect(again.map((r) => r.status)).toEqual(again.map(() => 409));
    const [after] = await t.db.select().from(eventCapacity).where(eq(eventCapacity.eventId, event.id));
    expect(after).toEqual(counter);
  });

  it("keeps the invariant when cancellations and new signups race: each freed seat goes to exactly one waiting signup", async () => {
    const event = await createEvent(t, organizerKey, { capacity: { talent: 20 } });
    const first = (await Promise.all(
      talentIds.slice(0, 60).map(async (id) => (await t.call("POST", `/v1/events/${event.id}/signups`, { key: organizerKey, body: { talent_id: id } })).json()),
    )) as SignupBody[];
    const leaving = first.filter((b) => b.status === "confirmed").slice(0, 10);
    const results = await Promise.all([
      ...leaving.map((b) => t.call("POST", `/v1/signups/${b.id}/cancel`, { key: organizerKey })),
      ...talentIds.slice(60, 100).map((id) => t.call("POST", `/v1/events/${event.id}/signups`, { key: organizerKey, body: { talent_id: id } })),
    ]);
    expect(results.filter((r) => r.status >= 300)).toEqual([]);
    const rows = await t.db.select().from(signups).where(eq(signups.eventId, event.id));
    expect(rows.filter((r) => r.status === "confirmed")).toHaveLength(20);
    expect(rows.filter((r) => r.status === "cancelled")).toHaveLength(10);
    expect(rows.filter((r) => r.status === "waitlisted")).toHaveLength(100 - 20 - 10);
    const [counter] = await t.db.select().from(eventCapacity).where(eq(eventCapacity.eventId, event.id));
    expect(counter?.confirmed).toBe(20);
    // The promoted ones are the 10 lowest queue numbers of the first wave.
    const promoted = await t.db.select().from(outboxEvents).where(and(eq(outboxEvents.type, "signup.promoted"), sql`json_extract(${outboxEvents.payload}, '$.event_id') = ${event.id}`));
    expect(promoted).toHaveLength(10);
    const firstWaiting = first.filter((b) => b.status === "waitlisted").sort((a, b) => (a.waitlist_position ?? 0) - (b.waitlist_position ?? 0)).slice(0, 10);
    expect(promoted.map((e) => e.subjectId).sort()).toEqual(firstWaiting.map((b) => b.id).sort());
  });
});
