import type { MiddlewareHandler } from "hono";
import { bodyLimit as honoBodyLimit } from "hono/body-limit";
import type { AppEnv } from "../context.ts";
import { ApiError } from "../errors.ts";

/** Refuses bodies over `MAX_BODY_BYTES` with a 413 problem, whether or not Content-Length is sent. */
export function bodyLimit(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const maxSize = c.get("deps").config.MAX_BODY_BYTES;
    const limit = honoBodyLimit({
      maxSize,
      onError: () => {
        throw new ApiError("payload_too_large", `The request body exceeds ${maxSize} bytes.`);
      },
    });
    return limit(c, next);
  };
}
