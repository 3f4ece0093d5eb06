import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "./context.ts";
import { type ApiError, ERROR_CODES, type ErrorCode, type FieldError } from "./errors.ts";

/** RFC 9457 problem details, as every error response of the API is shaped. */
export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: "/problems/validation_failed", description: "Stable URI reference naming the problem kind." }),
    title: z.string().openapi({ example: "Validation failed" }),
    status: z.number().int().openapi({ example: 422 }),
    detail: z.string().openapi({ example: "The request body has invalid fields." }),
    code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]).openapi({ description: "Machine-readable error code." }),
    request_id: z.string().openapi({ example: "req_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z" }),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .openapi({ description: "Per-field problems, for validation errors." }),
  })
  .openapi("Problem");

export type Problem = z.infer<typeof ProblemSchema>;

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** Builds the problem body for a code; `detail` must never carry internals (SQL, stacks, validator dumps). */
export function problem(code: ErrorCode, detail: string, requestId: string, errors?: FieldError[]): Problem {
  const entry = ERROR_CODES[code];
  const body: Problem = { type: `/problems/${code}`, title: entry.title, status: entry.status, detail, code, request_id: requestId };
  if (errors && errors.length > 0) body.errors = errors;
  return body;
}

/** Writes an ApiError as an `application/problem+json` response. */
export function problemResponse(c: Context<AppEnv>, err: ApiError): Response {
  const body = problem(err.code, err.message, c.get("requestId") ?? "unknown", err.errors);
  const headers: Record<string, string> = { "content-type": PROBLEM_CONTENT_TYPE, ...err.headers };
  return c.body(JSON.stringify(body), body.status as ContentfulStatusCode, headers);
}
