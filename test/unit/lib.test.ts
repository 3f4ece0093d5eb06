import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../workers/errors.ts";
import { decodeCursor, encodeCursor, page } from "../../workers/lib/cursor.ts";
import { idPattern, newId } from "../../workers/lib/ids.ts";
import { newSecret, sha256Hex, timingSafeEqual } from "../../workers/lib/secrets.ts";

describe("ids", () => {
  it("are prefixed, well-formed and sort by creation time", () => {
    const a = newId("organization", new Date("2026-01-01T00:00:00Z"));
    const b = newId("organization", new Date("2026-01-01T00:00:00.001Z"));
    const c = newId("organization", new Date("2031-06-01T00:00:00Z"));
    for (const id of [a, b, c]) expect(id).toMatch(idPattern("organization"));
    expect([c, a, b].sort()).toEqual([a, b, c]);
    expect(newId("tenant")).toMatch(/^ten_/);
    expect(idPattern("tenant").test(a)).toBe(false);
  });
});

describe("cursors", () => {
  it("round-trip any id", () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (id) => decodeCursor(encodeCursor(id)) === id));
  });

  it("refuse anything this API did not issue with a 400 ApiError", () => {
    for (const bad of ["", "abc", btoa("[1]"), btoa(JSON.stringify({ after: 5 })), "%%%"]) {
      expect(() => decodeCursor(bad)).toThrowError(ApiError);
    }
  });

  it("page a limit+1 fetch into items and a next cursor", () => {
    const rows = [{ id: "c" }, { id: "b" }, { id: "a" }];
    expect(page(rows, 3)).toEqual({ items: rows, nextCursor: null });
    const p = page(rows, 2);
    expect(p.items).toEqual(rows.slice(0, 2));
    expect(decodeCursor(String(p.nextCursor))).toBe("b");
  });
});

describe("secrets", () => {
  it("have the prefix and 32 base62 characters, all distinct", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const s = newSecret("wt_");
      expect(s).toMatch(/^wt_[0-9A-Za-z]{32}$/);
      seen.add(s);
    }
    expect(seen.size).toBe(200);
  });

  it("use every base62 character (no bias towards a subset)", () => {
    const chars = new Set<string>();
    for (let i = 0; i < 100; i++) for (const ch of newSecret("").split("")) chars.add(ch);
    expect(chars.size).toBe(62);
  });

  it("hash with SHA-256", async () => {
    expect(await sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("compare equal strings as equal and any difference as different", () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => timingSafeEqual(a, b) === (a === b)));
    expect(timingSafeEqual("abc", "abc\u0000")).toBe(false);
  });
});

describe("ids made in the same millisecond", () => {
  it("keep increasing, so bulk inserts append to indexes", () => {
    const at = new Date("2026-03-01T00:00:00Z");
    const ids = Array.from({ length: 2000 }, () => newId("talent", at));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(idPattern("talent"));
  });
});
