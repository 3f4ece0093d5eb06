import { z } from "zod";
import { describe, expect, it } from "vitest";
import { zhFieldMessage } from "../../workers/i18n.ts";
import { fieldErrors } from "../../workers/validation.ts";

describe("field errors in our words", () => {
  it("names a value that fits no branch of a union without zod's 'Invalid input'", () => {
    const schema = z.object({ answers: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])) });
    const input = { answers: { team_size: [null] } };
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    const errors = fieldErrors(result.error?.issues ?? [], input);
    expect(errors).toEqual([{ path: "answers.team_size", message: "is not any of the accepted forms" }]);
    expect(zhFieldMessage(errors[0]?.message ?? "")).toBe("不符合任何可接受的格式");
  });

  it("names a record key that fails its own schema without zod's 'Invalid key in record'", () => {
    const schema = z.object({ answers: z.record(z.string().max(5), z.number()) });
    const input = { answers: { far_too_long_a_key: 1 } };
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    const errors = fieldErrors(result.error?.issues ?? [], input);
    expect(errors.map((e) => e.message)).toEqual(["has a key that is not accepted"]);
    expect(errors[0]?.path.startsWith("answers")).toBe(true);
    expect(zhFieldMessage(errors[0]?.message ?? "")).toBe("含有不可接受的键");
  });
});
