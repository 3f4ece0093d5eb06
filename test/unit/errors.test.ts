import { describe, expect, it } from "vitest";
import { CODE_FOR_STATUS, ERROR_CODES, type ErrorCode } from "../../workers/errors.ts";
import { problem } from "../../workers/problem.ts";

describe("error codes", () => {
  it("map each status to a code of that same status (the table round-trips)", () => {
    for (const [status, code] of Object.entries(CODE_FOR_STATUS)) expect(ERROR_CODES[code].status).toBe(Number(status));
  });

  it("give every status a code has a default code", () => {
    const statuses = new Set(Object.values(ERROR_CODES).map((e) => e.status));
    expect(new Set(Object.keys(CODE_FOR_STATUS).map(Number))).toEqual(statuses);
  });

  it("are snake_case and titled", () => {
    for (const [code, entry] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(entry.title.length).toBeGreaterThan(3);
    }
  });

  it("build RFC 9457 bodies, with errors only when there are some", () => {
    const code: ErrorCode = "validation_failed";
    expect(problem(code, "bad", "req_1", [])).toEqual({
      type: "/problems/validation_failed",
      title: "Validation failed",
      status: 422,
      detail: "bad",
      code,
      request_id: "req_1",
    });
    expect(problem(code, "bad", "req_1", [{ path: "a", message: "m" }]).errors).toEqual([{ path: "a", message: "m" }]);
  });
});
