import { expect } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { unique } from "../helpers/factories.ts";
import { talentKey as invitedTalentKey } from "../helpers/profiles.ts";

export const SLOTS = ["2026-07-18T06:00:00.000Z", "2026-07-18T06:20:00.000Z", "2026-07-18T06:40:00.000Z"];

/** 20-minute slots starting at `starts`. */
export function slots(starts: readonly string[] = SLOTS): { starts_at: string; ends_at: string }[] {
  return starts.map((s) => ({ starts_at: s, ends_at: new Date(Date.parse(s) + 20 * 60_000).toISOString() }));
}

/** An event body: open now, three meeting slots, two tables; override anything. */
export function eventBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: unique("2026年第三季度路演"),
    theme: "寻找城市合伙人·新能源专场",
    city_code: "1506",
    venue: "康巴什会展中心",
    starts_at: "2026-07-18T01:00:00Z",
    ends_at: "2026-07-18T09:00:00Z",
    sessions: [{ title: "项目路演", starts_at: "2026-07-18T01:00:00Z", ends_at: "2026-07-18T04:00:00Z" }],
    meeting_slots: slots(),
    tables: ["A1", "A2"],
    status: "open",
    capacity: { talent: 5, team: 2, enterprise: 3, investor: 2 },
    ...overrides,
  };
}

export async function createEvent(t: TestApp, key: string, overrides: Record<string, unknown> = {}): Promise<{ id: string } & Record<string, unknown>> {
  const res = await t.call("POST", "/v1/events", { key, body: eventBody(overrides) });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: string } & Record<string, unknown>;
}

export async function createTalent(t: TestApp, key: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await t.call("POST", "/v1/talents", { key, body: { name: unique("李"), ...overrides } });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** The talent's own key, through an invitation it redeems (see test/helpers/profiles.ts). */
export const talentKey = invitedTalentKey;

export interface SignupBody {
  id: string;
  status: string;
  role: string;
  waitlist_position: number | null;
  check_in_code: string | null;
  talent_id: string | null;
  organization_id: string | null;
}

/** Moves an event along its lifecycle until it reaches `status`. */
export async function advanceEvent(t: TestApp, key: string, eventId: string, status: "closed" | "held" | "reported"): Promise<void> {
  const order = ["draft", "open", "closed", "held", "reported"];
  const res = await t.call("GET", `/v1/events/${eventId}`, { key });
  let at = order.indexOf(((await res.json()) as { status: string }).status);
  while (at < order.indexOf(status)) {
    at++;
    const moved = await t.call("PATCH", `/v1/events/${eventId}`, { key, body: { status: order[at] } });
    expect(moved.status, await moved.clone().text()).toBe(200);
  }
}

export async function signUp(t: TestApp, key: string, eventId: string, body: Record<string, unknown> = {}): Promise<SignupBody> {
  const res = await t.call("POST", `/v1/events/${eventId}/signups`, { key, body });
  expect(res.status, `${await res.clone().text()} ${JSON.stringify(t.logs.filter((l) => l.level === "error").slice(-1))}`).toBe(201);
  return (await res.json()) as SignupBody;
}

/** Outbox rows of a type about a subject, oldest first. */
export async function eventsAbout(t: TestApp, subjectId: string): Promise<{ type: string; audience: string[]; payload: Record<string, unknown> }[]> {
  const { outboxEvents } = await import("../../schema/index.ts");
  const { asc, eq } = await import("drizzle-orm");
  return t.db.select().from(outboxEvents).where(eq(outboxEvents.subjectId, subjectId)).orderBy(asc(outboxEvents.id));
}
