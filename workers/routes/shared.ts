import { z } from "@hono/zod-openapi";
import { ERROR_CODES, type ErrorStatus } from "../errors.ts";
import { type IdKind, idPattern } from "../lib/ids.ts";
import { ProblemSchema } from "../problem.ts";

const STATUS_TEXT: Record<ErrorStatus, string> = {
  400: "Invalid parameter or malformed JSON",
  401: "Missing, unknown or revoked API key",
  403: "The key's role may not do this",
  404: "Not found in the caller's tenant",
  405: "Method not allowed",
  409: "Conflict, or the same Idempotency-Key is still in progress",
  413: "Body too large",
  415: "Body is not application/json",
  422: "Validation failed, or Idempotency-Key reused with another body",
  429: "Too many requests or failed authentications; see Retry-After",
  431: "Request line or headers too large",
  500: "Internal error",
  503: "Database or configuration unavailable",
};

/** OpenAPI responses for the listed error statuses, each an RFC 9457 problem. */
export function errorResponses(...statuses: ErrorStatus[]) {
  const out: Record<number, { description: string; content: { "application/problem+json": { schema: typeof ProblemSchema } } }> = {};
  // Every authenticated route is throttled (failed authentications per address, writes per key).
  const throttled = statuses.includes(401) ? [429 as const] : [];
  for (const status of [...statuses, ...throttled, 500 as const]) {
    const codes = Object.entries(ERROR_CODES)
      .filter(([, v]) => v.status === status)
      .map(([k]) => k);
    out[status] = {
      description: `${STATUS_TEXT[status]} (code: ${codes.join(" | ")})`,
      content: { "application/problem+json": { schema: ProblemSchema } },
    };
  }
  return out;
}

/** The errors any authenticated route can answer with. */
export const AUTHED_ERRORS = [401, 403] as const;
/** …plus those of a route with a JSON body. */
export const WRITE_ERRORS = [400, 401, 403, 413, 415, 422] as const;

/** A path id of a given kind; a malformed id is a 400 naming the parameter, not a lookup. */
export function idParam(kind: IdKind) {
  return z.object({
    id: z
      .string()
      .regex(idPattern(kind), `must be an id of the form ${idPattern(kind).source.slice(1, 5)}…`)
      .openapi({ param: { name: "id", in: "path" }, example: `${idPattern(kind).source.slice(1, 4)}_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z` }),
  });
}

export const PaginationQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .openapi({ param: { name: "limit", in: "query" }, description: "Page size, 1–100.", example: 20 }),
  cursor: z
    .string()
    .max(200)
    .optional()
    .openapi({ param: { name: "cursor", in: "query" }, description: "The `next_cursor` of the previous page." }),
});

/** `{ data, next_cursor }`, the shape of every list. */
export function listOf<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      data: z.array(item),
      next_cursor: z.string().nullable().openapi({ description: "Pass as `cursor` for the next page; null on the last page." }),
    })
    .openapi(name);
}

export const IdempotencyHeader = z.object({
  "Idempotency-Key": z
    .string()
    .optional()
    .openapi({
      param: { name: "Idempotency-Key", in: "header" },
      description: "Makes retries safe: the same key and body within 24 h return the first response.",
    }),
});

export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}

export const BEARER = [{ bearer: [] }];
