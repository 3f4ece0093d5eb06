import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "./context.ts";
import { type ApiError, ERROR_CODES, type ErrorCode, type FieldError } from "./errors.ts";
import { CONTENT_LANGUAGE, type Lang, requestLang, ZH_ERROR_TEXT, zhFieldMessage } from "./i18n.ts";

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

/**
 * Builds the problem body for a code, titled and with field messages in `lang`; `detail` (already
 * in `lang`) must never carry internals (SQL, stacks, validator dumps).
 */
export function problem(code: ErrorCode, detail: string, requestId: string, errors?: FieldError[], lang: Lang = "en"): Problem {
  const entry = ERROR_CODES[code];
  const title = lang === "zh" ? ZH_ERROR_TEXT[code].title : entry.title;
  const body: Problem = { type: `/problems/${code}`, title, status: entry.status, detail, code, request_id: requestId };
  if (errors && errors.length > 0) body.errors = errors.map((e) => ({ path: e.path, message: fieldMessage(e, lang) }));
  return body;
}

function fieldMessage(e: FieldError, lang: Lang): string {
  if (lang === "en") return e.message;
  return e.messageZh ?? zhFieldMessage(e.message) ?? e.message;
}

/** The detail in `lang`: Chinese where the thrower wrote it, else the code's Chinese description with the English detail. */
export function localizedDetail(err: ApiError, lang: Lang): string {
  if (lang === "en") return err.message;
  return err.detailZh ?? `${ZH_ERROR_TEXT[err.code].description}（${err.message}）`;
}

/** Writes an ApiError as an `application/problem+json` response in the request's language. */
export function problemResponse(c: Context<AppEnv>, err: ApiError): Response {
  const lang = requestLang(c);
  const body = problem(err.code, localizedDetail(err, lang), c.get("requestId") ?? "unknown", err.errors, lang);
  const headers: Record<string, string> = {
    "content-type": PROBLEM_CONTENT_TYPE,
    "content-language": CONTENT_LANGUAGE[lang],
    vary: "Accept-Language",
    ...err.headers,
  };
  return c.body(JSON.stringify(body), body.status as ContentfulStatusCode, headers);
}
