import type { AppConfig } from "./config.ts";
import type { Db } from "./db.ts";
import type { JobQueue } from "./jobs/queue.ts";
import type { Lang } from "./i18n.ts";
import type { Logger } from "./logger.ts";
import type { Role } from "../schema/index.ts";

/** The clock is a dependency so tests can move time (idempotency expiry, signup windows). */
export type Clock = () => Date;

/** Everything a request needs from the outside world, built once per request (Worker) or at start (Node). */
export interface Deps {
  db: Db;
  config: AppConfig;
  clock: Clock;
  logger: Logger;
  /** The Node entry's in-process job runner; absent on Workers, where `waitUntil` is used. */
  jobs?: JobQueue;
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
  LOG_LEVEL?: string;
  MAX_BODY_BYTES?: string;
  WEBHOOK_ALLOW_PRIVATE_URLS?: string;
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
