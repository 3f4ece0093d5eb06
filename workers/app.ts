import { OpenAPIHono, type RouteConfig, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import type { AppEnv, Deps } from "./context.ts";
import { ApiError, CODE_FOR_STATUS, ERROR_CODES, type ErrorStatus, InvalidParameterError, ValidationError } from "./errors.ts";
import { ZH_ERROR_TEXT } from "./i18n.ts";
import { newId } from "./lib/ids.ts";
import { describeError } from "./logger.ts";
import { bodyLimit } from "./middleware/body-limit.ts";
import { logRequests } from "./middleware/log-requests.ts";
import { allowedMethods } from "./middleware/methods.ts";
import { problemResponse } from "./problem.ts";
import { registerRoutes } from "./routes/index.ts";
import { fieldErrors } from "./validation.ts";

export type App = OpenAPIHono<AppEnv>;

/**
 * A router with the API's validation hook. Every router in the project is made here, so a route
 * can never answer with the validator's raw output.
 */
export function newRouter(): App {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      const input: unknown = "data" in result ? result.data : undefined;
      const errors = fieldErrors(result.error.issues, input, result.target === "query" ? { unknownKey: "unknown query parameter" } : undefined);
      if (result.target === "json") throw new ValidationError(errors);
      throw new InvalidParameterError(errors);
    },
  });
  const register = app.openapi as unknown as (route: RouteConfig, ...rest: unknown[]) => unknown;
  app.openapi = ((route: RouteConfig, ...rest: unknown[]) => register(withStrictQuery(route), ...rest)) as unknown as App["openapi"];
  return app;
}

/**
 * A route's declared query schema, made strict: a parameter it does not declare (`?name=`, a typo
 * of a filter) is a 400 naming it, never silently ignored and answered with the whole list. A GET
 * route that declares no query takes none.
 */
function withStrictQuery(route: RouteConfig): RouteConfig {
  const query = route.request?.query ?? (route.method === "get" ? z.object({}) : undefined);
  if (!(query instanceof z.ZodObject)) return route;
  return { ...route, request: { ...route.request, query: query.strict() } };
}

export interface CreateAppOptions {
  /** Builds the request's dependencies: fixed at start on Node, from the bindings on Workers. */
  deps: (c: Context<AppEnv>) => Deps | Promise<Deps>;
}

/** The whole API: middleware, routes, OpenAPI document, and the single place errors become problems. */
export function createApp(options: CreateAppOptions): App {
  const app = newRouter();

  app.use(requestId({ headerName: "x-request-id", generator: () => newId("request") }));
  app.use(async (c, next) => {
    c.set("deps", await options.deps(c));
    await next();
  });
  app.use(logRequests());
  app.use(bodyLimit());

  registerRoutes(app);

  app.notFound((c) => {
    const methods = allowedMethods(app, c.req.path);
    if (methods.length > 0) {
      return problemResponse(
        c,
        new ApiError("method_not_allowed", `${c.req.method} is not allowed on ${c.req.path}; allowed: ${methods.join(", ")}.`, {
          headers: { allow: methods.join(", ") },
          detailZh: `${c.req.path} 不支持 ${c.req.method}；支持：${methods.join(", ")}。`,
        }),
      );
    }
    return problemResponse(c, new ApiError("not_found", `No route for ${c.req.method} ${c.req.path}.`, { detailZh: `没有 ${c.req.method} ${c.req.path} 这个路由。` }));
  });

  app.onError((err, c) => {
    if (err instanceof ApiError) return problemResponse(c, err);
    if (err instanceof HTTPException && err.status < 500) return problemResponse(c, fromHttpException(err));
    c.get("deps")?.logger.error("unhandled error", { request_id: c.get("requestId"), ...describeError(err) });
    return problemResponse(c, new ApiError("internal_error", "The request failed. Quote the request id when reporting it.", {
        detailZh: "请求处理失败。报告问题时请提供请求编号。",
      }));
  });

  return app;
}

/** Framework errors carry only a status (and a message we do not echo): map them to our codes. */
function fromHttpException(err: HTTPException): ApiError {
  const status = err.status as ErrorStatus;
  if (err.message === "Malformed JSON in request body") return new ApiError("malformed_json", "The request body is not valid JSON.", { detailZh: "请求体不是有效的 JSON。" });
  const code = CODE_FOR_STATUS[status] ?? "invalid_parameter";
  return new ApiError(code, ERROR_CODES[code].description, { detailZh: ZH_ERROR_TEXT[code].description });
}
