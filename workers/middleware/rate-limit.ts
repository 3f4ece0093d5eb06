import type { Context } from "hono";
import type { AppEnv, Principal } from "../context.ts";
import { bucketCount, hitBucket } from "../data/rate-limits.ts";
import { ApiError, RateLimitedError } from "../errors.ts";
import { parseIpv6 } from "../webhooks/url-policy.ts";

/**
 * Throttling, in fixed windows counted in the database (the `rate_limits` table on libSQL and on
 * D1 alike, one UPSERT per counted request): failed authentications per client address, and
 * writes per key. Responses carry the IETF `RateLimit-Policy` / `RateLimit` fields
 * (draft-ietf-httpapi-ratelimit-headers-10); a refusal is a 429 `rate_limited` with `Retry-After`.
 */

interface Policy {
  name: "auth-failures" | "writes";
  quota: number;
  windowSeconds: number;
}

interface Window {
  start: number;
  /** Seconds until the window ends (at least 1). */
  reset: number;
}

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function windowAt(now: Date, seconds: number): Window {
  const epoch = Math.floor(now.getTime() / 1000);
  const start = epoch - (epoch % seconds);
  return { start, reset: Math.max(1, start + seconds - epoch) };
}

function headers(policy: Policy, used: number, w: Window): Record<string, string> {
  return {
    "ratelimit-policy": `"${policy.name}";q=${policy.quota};w=${policy.windowSeconds}`,
    ratelimit: `"${policy.name}";r=${Math.max(0, policy.quota - used)};t=${w.reset}`,
  };
}

function refusal(policy: Policy, used: number, w: Window, detail: string): RateLimitedError {
  return new RateLimitedError(detail, { ...headers(policy, used, w), "retry-after": String(w.reset) });
}

/**
 * What an address is counted as: IPv4 as is, IPv4-mapped IPv6 as its IPv4, other IPv6 by its /64
 * (one subscriber usually holds a whole /64 and could otherwise rotate through it).
 */
export function addressBucket(address: string): string {
  const groups = parseIpv6(address);
  if (!groups) return address;
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0xffff) return [g6 >> 8, g6 & 255, g7 >> 8, g7 & 255].join(".");
  return `${[g0, g1, g2, g3].map((g) => g.toString(16)).join(":")}::/64`;
}

/**
 * The client's address: a configured proxy header (its last entry, the one the proxy appended),
 * else what the runtime reports. Never X-Forwarded-For unless it is the configured header.
 */
export function clientAddress(c: Context<AppEnv>): string | null {
  const { config, clientAddress: fromRuntime } = c.get("deps");
  if (config.CLIENT_IP_HEADER) {
    const value = c.req.header(config.CLIENT_IP_HEADER);
    const last = value?.split(",").pop()?.trim();
    return last ? addressBucket(last.slice(0, 64)) : null;
  }
  const address = fromRuntime?.(c);
  return address ? addressBucket(address) : null;
}

function authPolicy(c: Context<AppEnv>): Policy | null {
  const { RATE_LIMIT_AUTH_FAILURES, RATE_LIMIT_WINDOW_SECONDS } = c.get("deps").config;
  return RATE_LIMIT_AUTH_FAILURES > 0 ? { name: "auth-failures", quota: RATE_LIMIT_AUTH_FAILURES, windowSeconds: RATE_LIMIT_WINDOW_SECONDS } : null;
}

/**
 * Refuses, before any key is looked up, a client address that has used up its failed
 * authentications in this window: guessing keys from it stops, valid keys included, until the
 * window ends. A request without a known address is not limited here.
 */
export async function refuseLockedOutClient(c: Context<AppEnv>): Promise<void> {
  const policy = authPolicy(c);
  const address = clientAddress(c);
  if (!policy || !address) return;
  const { db, clock } = c.get("deps");
  const w = windowAt(clock(), policy.windowSeconds);
  const used = await bucketCount(db, `auth:ip:${address}`, w.start);
  if (used >= policy.quota) {
    throw refusal(policy, used, w, `Too many failed authentications from this address; retry in ${w.reset} s.`);
  }
}

/** Counts a failed authentication against the client address: the 401 carries the remaining quota, the one over it is a 429. */
export async function countAuthFailure(c: Context<AppEnv>, err: ApiError): Promise<ApiError> {
  const policy = authPolicy(c);
  const address = clientAddress(c);
  if (!policy || !address) return err;
  const { db, clock } = c.get("deps");
  const w = windowAt(clock(), policy.windowSeconds);
  const used = await hitBucket(db, `auth:ip:${address}`, w.start);
  if (used > policy.quota) return refusal(policy, used, w, `Too many failed authentications from this address; retry in ${w.reset} s.`);
  return new ApiError(err.code, err.message, { errors: err.errors, headers: { ...err.headers, ...headers(policy, used, w) } });
}

/** Counts a write by an authenticated caller against its key; over the quota it is a 429, under it the response says what is left. */
export async function countWrite(c: Context<AppEnv>, principal: Principal): Promise<void> {
  if (!WRITE_METHODS.has(c.req.method)) return;
  const { db, clock, config } = c.get("deps");
  if (config.RATE_LIMIT_WRITES === 0) return;
  const policy: Policy = { name: "writes", quota: config.RATE_LIMIT_WRITES, windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS };
  const w = windowAt(clock(), policy.windowSeconds);
  const bucket = principal.kind === "operator" ? "write:operator" : `write:key:${principal.keyId}`;
  const used = await hitBucket(db, bucket, w.start);
  if (used > policy.quota) throw refusal(policy, used, w, `This key has used its ${policy.quota} writes per ${policy.windowSeconds} s; retry in ${w.reset} s.`);
  for (const [name, value] of Object.entries(headers(policy, used, w))) c.header(name, value);
}
