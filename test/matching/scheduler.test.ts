import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scheduleMeetings } from "../../matching/index.ts";
import type { ScheduleInput, ScheduleResult } from "../../matching/index.ts";

function assertConflictFree(input: ScheduleInput, r: ScheduleResult): void {
  const people = new Set<string>();
  const tables = new Set<string>();
  for (const m of r.meetings) {
    for (const p of [m.a, m.b]) {
      expect(people.has(`${p}@${m.slot}`)).toBe(false);
      people.add(`${p}@${m.slot}`);
      const avail = input.availability?.get(p);
      if (avail !== undefined) expect(avail).toContain(m.slot);
    }
    expect(tables.has(`${m.table}@${m.slot}`)).toBe(false);
    tables.add(`${m.table}@${m.slot}`);
    expect(input.tables).toContain(m.table);
  }
  expect(r.meetings.length + r.leftOut.length).toBe(input.requests.length);
}

describe("scheduleMeetings: examples", () => {
  it("moves a meeting to make room rather than dropping a higher-priority one", () => {
    // Greedy puts a–b in s1; a–c can only happen in s1, so a–b must move to s2.
    const input: ScheduleInput = {
      requests: [
        { id: "r1", a: "a", b: "b", priority: 90 },
        { id: "r2", a: "a", b: "c", priority: 80 },
      ],
      slots: ["s1", "s2"],
      tables: ["T1"],
      availability: new Map([["c", ["s1"]]]),
    };
    const r = scheduleMeetings(input);
    assertConflictFree(input, r);
    expect(r.leftOut).toEqual([]);
    expect(r.totalPriority).toBe(170);
  });

  it.each([
    ["no_common_slot", { requests: [{ id: "r", a: "a", b: "b", priority: 1 }], slots: ["s1", "s2"], tables: ["T"], availability: new Map([["a", ["s1"]], ["b", ["s2"]]]) }],
    ["same_participant", { requests: [{ id: "r", a: "a", b: "a", priority: 1 }], slots: ["s1"], tables: ["T"] }],
    ["no_free_table", { requests: [{ id: "r1", a: "a", b: "b", priority: 2 }, { id: "r2", a: "c", b: "d", priority: 1 }], slots: ["s1"], tables: ["T"] }],
    ["participants_busy", { requests: [{ id: "r1", a: "a", b: "b", priority: 2 }, { id: "r2", a: "a", b: "c", priority: 1 }], slots: ["s1"], tables: ["T1", "T2"] }],
  ] as [string, ScheduleInput][])("reports %s for a left-out pair", (reason, input) => {
    const r = scheduleMeetings(input);
    assertConflictFree(input, r);
    expect(r.leftOut.at(-1)?.reason).toBe(reason);
  });

  it("evicts a cheaper meeting when that raises the total", () => {
    const input: ScheduleInput = {
      requests: [
        { id: "r1", a: "a", b: "b", priority: 10 },
        { id: "r2", a: "a", b: "c", priority: 5 },
        { id: "r3", a: "b", b: "c", priority: 5 },
      ],
      slots: ["s1"],
      tables: ["T1", "T2"],
    };
    const r = scheduleMeetings(input);
    expect(r.meetings.map((m) => m.requestId)).toEqual(["r1"]);
    expect(r.totalPriority).toBe(10);
  });
});

describe("scheduleMeetings: properties", () => {
  const inputArb = fc
    .record({ n: fc.integer({ min: 2, max: 12 }), slots: fc.integer({ min: 1, max: 5 }), tables: fc.integer({ min: 1, max: 4 }) })
    .chain(({ n, slots, tables }) =>
      fc.record({
        requests: fc.array(fc.record({ a: fc.integer({ min: 0, max: n - 1 }), b: fc.integer({ min: 0, max: n - 1 }), priority: fc.integer({ min: 1, max: 100 }) }), { maxLength: 40 }),
        avail: fc.array(fc.option(fc.uniqueArray(fc.integer({ min: 0, max: slots - 1 }), { maxLength: slots })), { minLength: n, maxLength: n }),
        slots: fc.constant(slots),
        tables: fc.constant(tables),
      }),
    );

  it("never double-books a participant or a table, and respects availability", () => {
    fc.assert(
      fc.property(inputArb, ({ requests, avail, slots, tables }) => {
        const slotIds = Array.from({ length: slots }, (_, i) => `s${i}`);
        const availability = new Map<string, string[]>();
        avail.forEach((a, i) => {
          if (a !== null) availability.set(`p${i}`, a.map((s) => `s${s}`));
        });
        const input: ScheduleInput = {
          requests: requests.map((q, i) => ({ id: `r${String(i).padStart(3, "0")}`, a: `p${q.a}`, b: `p${q.b}`, priority: q.priority })),
          slots: slotIds,
          tables: Array.from({ length: tables }, (_, i) => `T${i}`),
          availability,
        };
        const r = scheduleMeetings(input);
        assertConflictFree(input, r);
        expect(r.totalPriority).toBeLessThanOrEqual(r.upperBound);
        expect(scheduleMeetings(input)).toEqual(r);
      }),
      { numRuns: 300 },
    );
  });
});
