import type { MiddlewareHandler } from "hono";
import { bodyLimit as honoBodyLimit } from "hono/body-limit";
import type { AppEnv } from "../context.ts";
import { ApiError } from "../errors.ts";

/** The largest file an import accepts (the catalog issue's 20 MB). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

/** Refuses bodies over `MAX_BODY_BYTES` with a 413 problem, whether or not Content-Length is sent. */
export function bodyLimit(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // File imports carry spreadsheets: their own, larger limit.
    const maxSize = c.req.path.endsWith("/imports") ? Math.max(IMPORT_MAX_BYTES, c.get("deps").config.MAX_BODY_BYTES) : c.get("deps").config.MAX_BODY_BYTES;
    const limit = honoBodyLimit({
      maxSize,
      onError: () => {
        throw new ApiError("payload_too_large", `The request body exceeds ${maxSize} bytes.`, { detailZh: `请求体超过 ${maxSize} 字节。` });
      },
    });
    return limit(c, next);
  };
}
