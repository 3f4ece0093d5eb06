import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context.ts";
import { ApiError } from "../errors.ts";

const JSON_TYPE = /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i;

/**
 * For routes that take a JSON body: a missing body or another media type is a 415, and unparsable
 * JSON a 400, before validation runs. (The validator alone would read a CSV body as `{}` and answer
 * with confusing "field is required" errors.)
 */
export function jsonBody(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const type = c.req.header("content-type");
    if (!type || !JSON_TYPE.test(type)) {
      throw new ApiError(
        "unsupported_media_type",
        type ? `Content-Type '${type.slice(0, 100)}' is not accepted here; send application/json.` : "Send a JSON body with Content-Type: application/json.",
        {
          detailZh: type
            ? `此处不接受 Content-Type '${type.slice(0, 100)}'；请发送 application/json。`
            : "请以 Content-Type: application/json 发送 JSON 请求体。",
        },
      );
    }
    try {
      await c.req.json();
    } catch {
      throw new ApiError("malformed_json", "The request body is not valid JSON.", { detailZh: "请求体不是有效的 JSON。" });
    }
    await next();
  };
}
