import { describe, expect, it } from "vitest";
import { ConfigError, NodeConfigSchema, parseConfig, WorkerConfigSchema } from "../../workers/config.ts";

describe("configuration", () => {
  it("applies defaults for the embedded runtime", () => {
    expect(parseConfig(NodeConfigSchema, {})).toMatchObject({
      DATABASE_URL: "file:.data/wutong.db",
      PORT: 8787,
      LOG_LEVEL: "info",
      MAX_BODY_BYTES: 1048576,
      WUTONG_DEMO: "true",
    });
  });

  it("names every bad or missing variable and why", () => {
    let error: unknown;
    try {
      parseConfig(NodeConfigSchema, { PORT: "eighty", DATABASE_URL: "postgres://x", WUTONG_OPERATOR_KEY: "short" });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.find((p) => p.startsWith("PORT "))).toBeDefined();
    expect(problems).toContain("DATABASE_URL must start with file:, libsql:, http(s): or be :memory:");
    expect(problems).toContain("WUTONG_OPERATOR_KEY must be 'wtop_' followed by at least 20 letters, digits, '_' or '-'");
    expect((error as Error).message).toMatch(/^Invalid configuration:\n {2}- /);
  });

  it("requires the operator key on Workers", () => {
    expect(() => parseConfig(WorkerConfigSchema, {})).toThrowError(/WUTONG_OPERATOR_KEY is required/);
    expect(parseConfig(WorkerConfigSchema, { WUTONG_OPERATOR_KEY: "wtop_abcdefghijklmnopqrstuvwxyz" }).LOG_LEVEL).toBe("info");
  });
});
