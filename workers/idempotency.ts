import { and, eq, lt } from "drizzle-orm";
import type { Context } from "hono";
import { idempotencyKeys } from "../schema/index.ts";
import type { AppEnv } from "./context.ts";
import { idempotencyScope } from "./data/idempotency.ts";
import { ApiError, InvalidParameterError } from "./errors.ts";
import { sha256Hex } from "./lib/secrets.ts";
import { PROBLEM_CONTENT_TYPE, problemResponse } from "./problem.ts";

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const TTL_MS = 24 * 60 * 60 * 1000;
/** A "running" record older than this belongs to a request that died; a retry may take it over. */
const STALE_MS = 2 * 60 * 1000;

/** How a route keeps a secret it shows once out of its stored replay. */
export interface IdempotencyOptions {
  /** Rewrites the JSON body before it is stored: secrets become `null` with `secret_shown: false`. */
  redact?: (body: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * Runs a creating write at most once per `Idempotency-Key` in `scope` (a tenant id, or `operator`)
 * for the calling key: another caller using the same Idempotency-Key makes a fresh request and
 * never sees this caller's answer. Same key and body within 24 h → the first response again
 * (with `options.redact` applied); same key, other body → 422; first request still running → 409.
 * Server failures are not remembered, so they can be retried.
 */
export async function idempotent<R extends Response>(
  c: Context<AppEnv>,
  tenantScope: string,
  run: () => Promise<R>,
  options: IdempotencyOptions = {},
): Promise<R> {
  const key = c.req.header("idempotency-key");
  if (key === undefined) return run();
  if (!KEY_PATTERN.test(key)) {
    throw new InvalidParameterError(
      [{ path: "Idempotency-Key", message: "must be 1–255 visible ASCII characters" }],
      "The Idempotency-Key header is not valid.",
    );
  }
  const scope = callerScope(c, tenantScope);
  const { db, clock } = c.get("deps");
  const now = clock();
  const fingerprint = await sha256Hex(`${c.req.method} ${c.req.path}\n${await c.req.text()}`);

  // Expired records are dead: clear this one so the key can be used again.
  await db
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key), lt(idempotencyKeys.expiresAt, now.toISOString())));

  const claimed = await db
    .insert(idempotencyKeys)
    .values({
      scope,
      key,
      fingerprint,
      state: "running",
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + TTL_MS).toISOString(),
    })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });

  if (claimed.length === 0) {
    const replay = await existing(c, scope, key, fingerprint, now);
    // A replay is byte-for-byte the typed response the handler produced the first time.
    if (replay) return replay as R;
  }

  let response: R;
  try {
    response = await run();
  } catch (err) {
    if (!(err instanceof ApiError) || err.code === "internal_error") await release(c, scope, key);
    else await remember(c, scope, key, problemResponse(c, err));
    throw err;
  }
  if (response.status >= 500) {
    await release(c, scope, key);
    return response;
  }
  await remember(c, scope, key, response.clone(), options.redact);
  return response;
}

/**
 * The store's scope: the tenant (or `operator`) and the calling key. A key acts as exactly one
 * talent or organization, so the key id also scopes by who the caller acts as.
 */
function callerScope(c: Context<AppEnv>, tenantScope: string): string {
  const principal = c.get("principal");
  return principal.kind === "key" ? idempotencyScope(tenantScope, principal.keyId) : tenantScope;
}

/**
 * A redactor for a secret shown once: the stored replay carries `field: null` and
 * `secret_shown: false` (inside `within` when the secret sits in a nested object).
 */
export function secretShownOnce(field: string, within?: string): NonNullable<IdempotencyOptions["redact"]> {
  const hide = (o: Record<string, unknown>) => ({ ...o, [field]: null, secret_shown: false });
  return (body) => {
    if (within === undefined) return hide(body);
    const inner = body[within];
    return inner && typeof inner === "object" ? { ...body, [within]: hide(inner as Record<string, unknown>) } : body;
  };
}

async function existing(c: Context<AppEnv>, scope: string, key: string, fingerprint: string, now: Date): Promise<Response | null> {
  const { db } = c.get("deps");
  const rows = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
    .limit(1);
  const row = rows[0];
  if (!row) return null; // released between our insert and this read: proceed as the first
  if (row.fingerprint !== fingerprint) {
    throw new ApiError("idempotency_key_reused", "This Idempotency-Key was already used with a different request body or path.", {
      detailZh: "该 Idempotency-Key 已用于不同的请求体或路径。",
    });
  }
  if (row.state === "running") {
    const stale = now.getTime() - Date.parse(row.createdAt) > STALE_MS;
    if (stale) {
      const taken = await db
        .update(idempotencyKeys)
        .set({ createdAt: now.toISOString() })
        .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key), eq(idempotencyKeys.createdAt, row.createdAt)))
        .returning({ key: idempotencyKeys.key });
      if (taken.length > 0) return null;
    }
    throw new ApiError("idempotency_in_progress", "A request with this Idempotency-Key is still in progress; retry later.", {
      headers: { "retry-after": "1" },
      detailZh: "使用该 Idempotency-Key 的请求仍在处理中，请稍后重试。",
    });
  }
  const headers = new Headers({ "idempotent-replayed": "true" });
  const status = row.responseStatus ?? 200;
  headers.set("content-type", status >= 400 ? PROBLEM_CONTENT_TYPE : "application/json");
  return new Response(row.responseBody, { status, headers });
}

async function remember(
  c: Context<AppEnv>,
  scope: string,
  key: string,
  response: Response,
  redact?: IdempotencyOptions["redact"],
): Promise<void> {
  const { db } = c.get("deps");
  let body = await response.text();
  if (redact && response.status < 300) body = JSON.stringify(redact(JSON.parse(body) as Record<string, unknown>));
  await db
    .update(idempotencyKeys)
    .set({ state: "done", responseStatus: response.status, responseBody: body })
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
}

async function release(c: Context<AppEnv>, scope: string, key: string): Promise<void> {
  const { db } = c.get("deps");
  await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
}

