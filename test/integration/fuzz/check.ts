import { ERROR_CODES, type ErrorCode } from "../../../workers/errors.ts";
import type { FuzzRequest } from "./requests.ts";

/** What must never reach a client: stack frames, driver and SQL errors, the validator's own output. */
const LEAKS = /SQLITE_|LibsqlError|SqliteError|ZodError|\bat [\w.<>$]+ \(|node_modules|\.ts:\d+:\d+|"issues"\s*:|"expected"\s*:|"received"\s*:|"origin"\s*:|FOREIGN KEY constraint|UNIQUE constraint/;
/** zod's default wording, which validation.ts replaces with ours. */
const RAW_ZOD_MESSAGE = /^Invalid (input|string|option|format|union|key|element|value)|expected .+, received /i;

function summarize(req: FuzzRequest, res: Response, text: string): string {
  const body = typeof req.body === "string" ? req.body.slice(0, 300) : req.body ? `<${req.body.length} bytes>` : "";
  return `${req.method} ${req.url.slice(0, 300)} ${JSON.stringify(req.headers).slice(0, 300)} ${body}\n→ ${res.status} ${res.headers.get("content-type") ?? ""} ${text.slice(0, 500)}`;
}

/** Throws (so fast-check shrinks and reports the seed) unless the response keeps the error contract. */
export async function checkResponse(req: FuzzRequest, res: Response): Promise<void> {
  const text = await res.text();
  const fail = (why: string): never => {
    throw new Error(`${why}\n${summarize(req, res, text)}`);
  };
  if (res.status >= 500) fail("a 5xx for bad input");
  if (res.status < 400) return;
  if (res.headers.get("content-type") !== "application/problem+json") fail("a 4xx that is not application/problem+json");
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return fail("a problem body that is not JSON");
  }
  const code = body.code as ErrorCode;
  const entry = ERROR_CODES[code] as (typeof ERROR_CODES)[ErrorCode] | undefined;
  if (!entry) return fail(`a code outside the closed list: ${String(body.code)}`);
  if (entry.status !== res.status) fail(`code ${code} belongs to ${entry.status}, sent with ${res.status}`);
  if (body.status !== res.status) fail("body status differs from the HTTP status");
  if (body.type !== `/problems/${code}`) fail("type does not name the code");
  // A problem in another language (Content-Language) carries that language's title.
  const english = !res.headers.get("content-language") || res.headers.get("content-language")?.startsWith("en");
  if (english ? body.title !== entry.title : typeof body.title !== "string" || body.title.length === 0) fail("title is not the code's title");
  if (typeof body.detail !== "string" || body.detail.length === 0) fail("no detail");
  if (typeof body.request_id !== "string" || body.request_id !== res.headers.get("x-request-id")) fail("request_id missing or not the x-request-id");
  if (body.errors !== undefined) {
    if (!Array.isArray(body.errors)) fail("errors is not an array");
    for (const e of body.errors as unknown[]) {
      const item = e as { path?: unknown; message?: unknown };
      if (typeof item.path !== "string" || typeof item.message !== "string") fail("an errors[] item is not { path, message }");
      if (typeof item.message === "string" && RAW_ZOD_MESSAGE.test(item.message)) fail("the validator's raw wording reached the client");
    }
  }
  if (LEAKS.test(text)) fail("internals in a problem body");
  if (res.status === 405 && !res.headers.get("allow")) fail("a 405 without Allow");
}
