import { describe, expect, it } from "vitest";
import { ConfigError, NodeConfigSchema, parseConfig, WorkerConfigSchema } from "../../workers/config.ts";

/** Base64 of 32 bytes: the Worker requires a key sealing secrets at rest. */
const SECRETS_KEY = "dGVzdC1zZWNyZXRzLWtleS0wMTIzNDU2Nzg5YWJjZGU=";

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
    expect(parseConfig(WorkerConfigSchema, { WUTONG_OPERATOR_KEY: "wtop_abcdefghijklmnopqrstuvwxyz", WUTONG_SECRETS_KEY: SECRETS_KEY }).LOG_LEVEL).toBe("info");
  });

  it("has throttling defaults, refuses bad limits by name, and lower-cases the client address header", () => {
    expect(parseConfig(WorkerConfigSchema, { WUTONG_OPERATOR_KEY: "wtop_abcdefghijklmnopqrstuvwxyz", WUTONG_SECRETS_KEY: SECRETS_KEY })).toMatchObject({
      RATE_LIMIT_AUTH_FAILURES: 20,
      RATE_LIMIT_WRITES: 600,
      RATE_LIMIT_WINDOW_SECONDS: 60,
    });
    expect(parseConfig(NodeConfigSchema, { CLIENT_IP_HEADER: "X-Real-IP" }).CLIENT_IP_HEADER).toBe("x-real-ip");
    let error: unknown;
    try {
      parseConfig(NodeConfigSchema, { RATE_LIMIT_WRITES: "-1", RATE_LIMIT_WINDOW_SECONDS: "0", CLIENT_IP_HEADER: "X Real IP" });
    } catch (err) {
      error = err;
    }
    const problems = (error as ConfigError).problems;
    expect(problems.map((p) => p.split(" ")[0])).toEqual(["RATE_LIMIT_WRITES", "RATE_LIMIT_WINDOW_SECONDS", "CLIENT_IP_HEADER"]);
    expect(problems).toContain("CLIENT_IP_HEADER must be a header name");
  });
});
