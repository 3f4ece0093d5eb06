import type { z } from "zod";
import type { FieldError } from "./errors.ts";

function join(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join(".");
}

function describeExpected(expected: string): string {
  return expected === "int" ? "an integer" : expected === "array" || expected === "object" ? `an ${expected}` : `a ${expected}`;
}

/**
 * Turns zod issues into the API's field errors, in our own words: a client sees `capacity.talent:
 * must be an integer ≥ 0`, never zod's internal issue objects.
 */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], input: unknown, options?: { unknownKey?: string }): FieldError[] {
  const unknownKey = options?.unknownKey ?? "is not a known field";
  const out: FieldError[] = [];
  for (const issue of issues) {
    const path = join(issue.path);
    if ((issue.code === "invalid_type" || issue.code === "invalid_value") && issue.path.length > 0 && valueAt(input, issue.path) === undefined) {
      out.push({ path, message: "is required" });
      continue;
    }
    switch (issue.code) {
      case "unrecognized_keys":
        for (const key of issue.keys) out.push({ path: path ? `${path}.${key}` : key, message: unknownKey });
        break;
      case "invalid_type":
        out.push({ path, message: `must be ${describeExpected(issue.expected)}` });
        break;
      case "invalid_value":
        out.push({ path, message: `must be one of: ${issue.values.map((v) => String(v)).join(", ")}` });
        break;
      case "too_small":
        out.push({ path, message: boundMessage(issue.origin, "at least", issue.minimum, issue.inclusive) });
        break;
      case "too_big":
        out.push({ path, message: boundMessage(issue.origin, "at most", issue.maximum, issue.inclusive) });
        break;
      case "invalid_union":
        // zod's own wording here is "Invalid input": say what is wrong in ours.
        out.push({ path, message: "is not any of the accepted forms" });
        break;
      case "invalid_key":
        // A record key that fails its own schema (too long, wrong form): zod says "Invalid key in record".
        out.push({ path, message: "has a key that is not accepted" });
        break;
      default:
        out.push({ path, message: issue.message });
    }
  }
  return out;
}

function boundMessage(origin: string, word: "at least" | "at most", bound: number | bigint, inclusive: boolean | undefined): string {
  const n = Number(bound);
  if (origin === "string") return `must be ${word} ${n} characters long`;
  if (origin === "array" || origin === "set") return `must have ${word} ${n} items`;
  if (inclusive === false) return `must be ${word === "at least" ? "greater than" : "less than"} ${n}`;
  return `must be ${word} ${n}`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const key of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}
