import type { Context } from "hono";
import type { AppConfig } from "./config.ts";
import type { Db } from "./db.ts";
import type { JobQueue } from "./jobs/queue.ts";
import type { SecretBox } from "./lib/secrets.ts";
import type { Lang } from "./i18n.ts";
import type { Logger } from "./logger.ts";
import type { Sender } from "./messages.ts";
import type { Role } from "../schema/index.ts";
import type { HttpSender } from "./webhooks/sender.ts";
import type { HostResolver } from "./webhooks/url-policy.ts";

/** The clock is a dependency so tests can move time (idempotency expiry, signup windows). */
export type Clock = () => Date;

/** Everything a request needs from the outside world, built once per request (Worker) or at start (Node). */
export interface Deps {
  db: Db;
  config: AppConfig;
  clock: Clock;
  logger: Logger;
  /** Delivers invitations and verification codes to a talent's own phone or email. */
  sender: Sender;
  /** Seals recoverable secrets (webhook signing secrets) at rest. */
  secrets: SecretBox;
  /** The Node entry's in-process job runner; absent on Workers, where `waitUntil` is used. */
  jobs?: JobQueue;
  /** Resolves webhook hosts so their addresses are checked before sending (Node); Workers have no lookup before fetch. */
  resolveHost?: HostResolver;
  /** The webhook sender; `fetch` unless the entry has a better one (Node pins the checked address). */
  sendWebhook?: HttpSender;
  /** The client's address as the runtime knows it (the socket on Node, CF-Connecting-IP on Workers); null when unknown. */
  clientAddress?: (c: Context<AppEnv>) => string | null;
}

/** Who is calling. Operators manage tenants; every other caller acts inside exactly one tenant. */
export type Principal =
  | { kind: "operator" }
  | {
      kind: "key";
      keyId: string;
      tenantId: string;
      organizationId: string | null;
      talentId: string | null;
      role: Role;
    };

export type TenantPrincipal = Extract<Principal, { kind: "key" }>;

/** Bindings of the Worker entry (wrangler.toml and secrets). */
export interface WorkerBindings {
  DB: D1Database;
  WUTONG_OPERATOR_KEY?: string;
  WUTONG_SECRETS_KEY?: string;
  WUTONG_SECRETS_KEY_PREVIOUS?: string;
  LOG_LEVEL?: string;
  MAX_BODY_BYTES?: string;
  WEBHOOK_ALLOW_PRIVATE_URLS?: string;
  RATE_LIMIT_AUTH_FAILURES?: string;
  RATE_LIMIT_WRITES?: string;
  RATE_LIMIT_WINDOW_SECONDS?: string;
  CLIENT_IP_HEADER?: string;
}

export interface AppEnv {
  Bindings: WorkerBindings;
  Variables: {
    requestId: string;
    deps: Deps;
    principal: Principal;
    /** The tenant's `locale` setting, once the key is resolved: the language of problems without Accept-Language. */
    tenantLang?: Lang;
  };
}
