import { zhResourceName } from "./i18n.ts";

/**
 * The closed list of error codes the API can answer with, each with exactly one HTTP status.
 * Domain code throws the errors below; `onError` turns them into RFC 9457 problems once.
 */
export const ERROR_CODES = {
  invalid_parameter: { status: 400, title: "Invalid parameter", description: "A path, query or header value is not valid." },
  malformed_json: { status: 400, title: "Malformed JSON", description: "The request body is not valid JSON." },
  unauthorized: { status: 401, title: "Unauthorized", description: "The API key is missing, unknown or revoked." },
  forbidden: { status: 403, title: "Forbidden", description: "The key's role may not perform this operation." },
  not_found: { status: 404, title: "Not found", description: "No such resource in the caller's tenant, or no such route." },
  method_not_allowed: { status: 405, title: "Method not allowed", description: "The route exists but not for this HTTP method." },
  conflict: { status: 409, title: "Conflict", description: "The request conflicts with the current state of a resource." },
  idempotency_in_progress: {
    status: 409,
    title: "Request in progress",
    description: "A request with the same Idempotency-Key is still being processed.",
  },
  payload_too_large: { status: 413, title: "Payload too large", description: "The request body exceeds the size limit." },
  unsupported_media_type: {
    status: 415,
    title: "Unsupported media type",
    description: "The request body's Content-Type is not one this route accepts.",
  },
  validation_failed: { status: 422, title: "Validation failed", description: "The request body has invalid fields; see errors[]." },
  idempotency_key_reused: {
    status: 422,
    title: "Idempotency-Key reused",
    description: "The Idempotency-Key was already used with a different request.",
  },
  rate_limited: {
    status: 429,
    title: "Too many requests",
    description: "Too many requests or failed authentications in the current window; retry after the Retry-After seconds.",
  },
  request_header_fields_too_large: {
    status: 431,
    title: "Request header fields too large",
    description: "The request line or headers exceed the server's limit (16 KB); shorten the URL or move data into the body.",
  },
  internal_error: { status: 500, title: "Internal error", description: "The server failed; the request id identifies the log entry." },
  service_unavailable: {
    status: 503,
    title: "Service unavailable",
    description: "A dependency (database, configuration) is not available.",
  },
} as const satisfies Record<string, { status: number; title: string; description: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
export type ErrorStatus = (typeof ERROR_CODES)[ErrorCode]["status"];

/** The code a bare HTTP status maps to (used for framework errors that only carry a status). */
export const CODE_FOR_STATUS: Record<ErrorStatus, ErrorCode> = {
  400: "invalid_parameter",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  409: "conflict",
  413: "payload_too_large",
  415: "unsupported_media_type",
  422: "validation_failed",
  429: "rate_limited",
  431: "request_header_fields_too_large",
  500: "internal_error",
  503: "service_unavailable",
};

/** One invalid field: `path` is a JSON-pointer-like dotted path (`capacity.talent`, `items.2.name`). */
export interface FieldError {
  path: string;
  message: string;
  /** The message in Chinese, where the thrower wrote one; otherwise the known phrases are translated. */
  messageZh?: string;
}

/** Options of an ApiError: field errors, response headers and the detail in Chinese. */
export interface ApiErrorOptions {
  errors?: FieldError[];
  headers?: Record<string, string>;
  /** The detail in Chinese; without it a Chinese problem gives the code's description and the English detail. */
  detailZh?: string;
}

/** Base of every error the API reports on purpose. Knows its code, not HTTP. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;
  readonly detailZh: string | undefined;

  constructor(code: ErrorCode, detail: string, options?: ApiErrorOptions) {
    super(detail);
    this.name = "ApiError";
    this.code = code;
    this.errors = options?.errors;
    this.headers = options?.headers;
    this.detailZh = options?.detailZh;
  }
}

/** A resource that does not exist in the caller's tenant (or at all: the two are indistinguishable). */
export class NotFoundError extends ApiError {
  constructor(resource: string, id: string) {
    super("not_found", `No ${resource} with id '${id}'.`, { detailZh: `没有编号为 '${id}' 的${zhResourceName(resource)}。` });
  }
}

export class ForbiddenError extends ApiError {
  constructor(detail: string, detailZh?: string) {
    super("forbidden", detail, detailZh === undefined ? undefined : { detailZh });
  }
}

export class UnauthorizedError extends ApiError {
  constructor(detail: string, detailZh?: string) {
    super("unauthorized", detail, { headers: { "www-authenticate": 'Bearer realm="wutong"' }, ...(detailZh === undefined ? {} : { detailZh }) });
  }
}

export class ConflictError extends ApiError {
  constructor(detail: string, detailZh?: string) {
    super("conflict", detail, detailZh === undefined ? undefined : { detailZh });
  }
}

/** Body fields that are individually valid in form but wrong in context (a role that does not fit the organization). */
export class ValidationError extends ApiError {
  constructor(errors: FieldError[], detail?: string, detailZh?: string) {
    super("validation_failed", detail ?? "The request body has invalid fields.", {
      errors,
      detailZh: detailZh ?? (detail === undefined ? "请求体中有无效字段。" : undefined),
    });
  }
}

/** Query, path or header values that are not valid. */
export class InvalidParameterError extends ApiError {
  constructor(errors: FieldError[], detail?: string, detailZh?: string) {
    super("invalid_parameter", detail ?? "A request parameter is not valid.", {
      errors,
      detailZh: detailZh ?? (detail === undefined ? "请求参数无效。" : undefined),
    });
  }
}

/**
 * Too many requests (or failed authentications, or contact changes) in the current window: either
 * the seconds to wait, which become Retry-After, or full headers (Retry-After and the RateLimit fields).
 */
export class RateLimitedError extends ApiError {
  constructor(detail: string, retry: number | Record<string, string>) {
    const headers = typeof retry === "number" ? { "retry-after": String(Math.max(1, Math.ceil(retry))) } : retry;
    super("rate_limited", detail, { headers });
  }
}
