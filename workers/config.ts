import { z } from "zod";
import { isSecretsKey } from "./lib/secrets.ts";

const secretsKey = z.string().refine(isSecretsKey, "must be base64 of exactly 32 bytes (e.g. `openssl rand -base64 32`)");

/** Settings both runtimes share. Read once at start (Node) or per request (Worker), validated here. */
const shared = {
  WUTONG_OPERATOR_KEY: z
    .string()
    .regex(/^wtop_[A-Za-z0-9_-]{20,200}$/, "must be 'wtop_' followed by at least 20 letters, digits, '_' or '-'")
    .optional()
    .describe("the operator key that may create tenants"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024),
  /** Lets webhook endpoints use http and private/loopback hosts (local receivers, tests). Never on in production. */
  WEBHOOK_ALLOW_PRIVATE_URLS: z.enum(["true", "false"]).default("false"),
  /** AES-256-GCM key sealing recoverable secrets at rest (webhook signing secrets). */
  WUTONG_SECRETS_KEY: secretsKey.optional().describe("the key sealing webhook secrets at rest"),
  /** The key before the last rotation: ciphertexts under it still open and are sealed again under the new one. */
  WUTONG_SECRETS_KEY_PREVIOUS: secretsKey.optional(),
  /** Failed authentications per client address per window before 429; 0 turns the limit off. */
  RATE_LIMIT_AUTH_FAILURES: z.coerce.number().int().min(0).max(1_000_000).default(20),
  /** Write requests (POST, PUT, PATCH, DELETE) per key per window before 429; 0 turns the limit off. */
  RATE_LIMIT_WRITES: z.coerce.number().int().min(0).max(1_000_000).default(600),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** A header a trusted reverse proxy sets to the client address (X-Real-IP; X-Forwarded-For uses its last entry). Unset: the socket (Node), CF-Connecting-IP (Workers). */
  CLIENT_IP_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/, "must be a header name")
    .transform((v) => v.toLowerCase())
    .optional(),
};

export const WorkerConfigSchema = z.object({
  ...shared,
  WUTONG_OPERATOR_KEY: shared.WUTONG_OPERATOR_KEY.unwrap(),
  WUTONG_SECRETS_KEY: shared.WUTONG_SECRETS_KEY.unwrap(),
});

export const NodeConfigSchema = z.object({
  ...shared,
  DATABASE_URL: z
    .string()
    .regex(/^(file:|libsql:|https?:|:memory:$)/, "must start with file:, libsql:, http(s): or be :memory:")
    .default("file:.data/wutong.db"),
  DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default("127.0.0.1"),
  WUTONG_DEMO: z.enum(["true", "false"]).default("true"),
});

export type AppConfig = z.infer<typeof WorkerConfigSchema>;
export type NodeConfig = z.infer<typeof NodeConfigSchema>;

/** Thrown when configuration is missing or bad; the message names each variable and why. */
export class ConfigError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
    this.problems = problems;
  }
}

/** Validates raw environment values against a schema, naming every bad variable. */
export function parseConfig<S extends z.ZodType>(schema: S, raw: Record<string, unknown>): z.infer<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join(".");
    const message = issue.code === "invalid_type" && raw[name] === undefined ? "is required" : issue.message;
    return `${name} ${message}`;
  });
  throw new ConfigError(problems);
}
