import type { Context, MiddlewareHandler } from "hono";
import type { Role } from "../schema/index.ts";
import type { AppEnv, Principal, TenantPrincipal } from "./context.ts";
import { findActiveKeyByHash } from "./data/api-keys.ts";
import { ForbiddenError, UnauthorizedError } from "./errors.ts";
import { langOfLocale } from "./i18n.ts";
import { KEY_PREFIX, sha256Hex, timingSafeEqual } from "./lib/secrets.ts";
import { countAuthFailure, countWrite, refuseLockedOutClient } from "./middleware/rate-limit.ts";

const BEARER = /^Bearer\s+([A-Za-z0-9_-]{8,200})\s*$/;

/**
 * Resolves `Authorization: Bearer <key>` to a principal, or answers 401. Keys are looked up by the
 * SHA-256 of the secret; the operator key is compared hash to hash in constant time.
 */
/** Who may call a route: tenant roles, or the operator. */
export type Access = Role | "operator";

/**
 * Resolves the key and, when `access` is given, refuses a caller outside it with 403 before the
 * body is read or validated: a role that may not act is told so, whatever it sent. Throttled
 * here too: a client address over its failed authentications is refused before any key lookup,
 * each 401 is counted against it, and each write is counted against the key.
 */
export function authenticate(...access: Access[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await refuseLockedOutClient(c);
    let principal: Principal;
    try {
      principal = await principalFromHeader(c);
    } catch (err) {
      if (err instanceof UnauthorizedError) throw await countAuthFailure(c, err);
      throw err;
    }
    c.set("principal", principal);
    if (access.length > 0) assertAccess(principal, access);
    await countWrite(c, principal);
    await next();
  };
}

async function principalFromHeader(c: Context<AppEnv>): Promise<Principal> {
  const header = c.req.header("authorization");
  if (!header) throw new UnauthorizedError("Send an API key as 'Authorization: Bearer <key>'.", "请以 'Authorization: Bearer <密钥>' 发送 API 密钥。");
  const secret = BEARER.exec(header)?.[1];
  if (!secret) throw new UnauthorizedError("The Authorization header must be 'Bearer <key>'.", "Authorization 请求头必须是 'Bearer <密钥>'。");
  return resolvePrincipal(c, secret);
}

async function resolvePrincipal(c: Context<AppEnv>, secret: string): Promise<Principal> {
  const { db, config } = c.get("deps");
  const hash = await sha256Hex(secret);
  if (secret.startsWith(KEY_PREFIX.operator)) {
    const expected = config.WUTONG_OPERATOR_KEY ? await sha256Hex(config.WUTONG_OPERATOR_KEY) : "";
    if (expected && timingSafeEqual(hash, expected)) return { kind: "operator" };
    throw new UnauthorizedError("The API key is not valid.", "API 密钥无效。");
  }
  const row = await findActiveKeyByHash(db, hash);
  if (!row || !timingSafeEqual(row.secretHash, hash)) throw new UnauthorizedError("The API key is not valid or has been revoked.", "API 密钥无效或已被吊销。");
  const lang = langOfLocale(row.locale);
  if (lang) c.set("tenantLang", lang);
  return {
    kind: "key",
    keyId: row.id,
    tenantId: row.tenantId,
    organizationId: row.organizationId,
    talentId: row.talentId,
    role: row.role,
  };
}

function assertAccess(principal: Principal, access: readonly Access[]): void {
  if (principal.kind === "operator") {
    if (access.includes("operator")) return;
    throw new ForbiddenError("The operator key only manages tenants; use a key of the tenant.", "运营方密钥只能管理租户；请使用租户的密钥。");
  }
  const roles = access.filter((a): a is Role => a !== "operator");
  if (roles.length === 0) throw new ForbiddenError("Only the operator key may manage tenants.", "只有运营方密钥可以管理租户。");
  if (!roles.includes(principal.role)) {
    throw new ForbiddenError(
      `A key with role '${principal.role}' may not do this; required: ${roles.join(" or ")}.`,
      `角色为 '${principal.role}' 的密钥无权执行此操作；需要：${roles.join(" 或 ")}。`,
    );
  }
}

/** The tenant caller, if its role is one of `roles`; otherwise 403. The operator key is refused too. */
export function requireRole(c: Context<AppEnv>, ...roles: Role[]): TenantPrincipal {
  const principal = c.get("principal");
  assertAccess(principal, roles);
  if (principal.kind === "operator") throw new ForbiddenError("The operator key only manages tenants; use a key of the tenant.", "运营方密钥只能管理租户；请使用租户的密钥。");
  return principal;
}

/** The operator, or 403 for a tenant key. */
export function requireOperator(c: Context<AppEnv>): void {
  if (c.get("principal").kind !== "operator") throw new ForbiddenError("Only the operator key may manage tenants.", "只有运营方密钥可以管理租户。");
}
