import type { App } from "../../app.ts";
import { OPERATION_IDS, PUBLIC_OPERATIONS, TAGS, webhookOperationId } from "../operation-ids.ts";

export type OpenApiDocument = ReturnType<App["getOpenAPI31Document"]>;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

interface OperationLike {
  operationId?: string;
  security?: Record<string, string[]>[];
}

/**
 * The OpenAPI 3.1 document of an app, completed with what route files do not say themselves:
 * operationIds from the central table, `security: []` on public operations and webhooks, the
 * tag list and `servers`.
 */
export function buildOpenApiDocument(app: App): OpenApiDocument {
  const doc = app.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "Wutong (梧桐) API",
      version: "0.1.0",
      description:
        "Talent ↔ industry-demand matchmaking for regions. Errors are RFC 9457 problems (`application/problem+json`), written in Chinese or English after `Accept-Language` (else the tenant's `locale` setting), with `Content-Language`; lists are cursor-paginated (`limit`, `cursor` → `{ data, next_cursor }`); creating writes accept `Idempotency-Key`.",
    },
    // Relative to where this document is served: the API and its description share an origin.
    servers: [{ url: "/", description: "The server this document was fetched from" }],
    tags: [...TAGS],
  });
  // Not open source (package.json: UNLICENSED); an SPDX LicenseRef names a license outside the SPDX list.
  // Set here because the generator's config type predates 3.1's `identifier`.
  doc.info.license = { name: "Proprietary", identifier: "LicenseRef-Wutong-Proprietary" };
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op: OperationLike | undefined = item[method];
      if (!op) continue;
      const key = `${method.toUpperCase()} ${path}`;
      op.operationId ??= OPERATION_IDS[key];
      if (op.security === undefined && PUBLIC_OPERATIONS.has(key)) op.security = [];
    }
  }
  for (const [eventType, item] of Object.entries(doc.webhooks ?? {})) {
    const op: OperationLike | undefined = item.post;
    if (!op) continue;
    op.operationId ??= webhookOperationId(eventType);
    // Wutong calls the receiver; the signature headers, not a key, authenticate the call.
    op.security ??= [];
  }
  return doc;
}

/** Serves the document at `/openapi.json`, built once per app on first request (routes are fixed by then). */
export function registerOpenApiDocument(app: App): void {
  let doc: OpenApiDocument | undefined;
  app.get("/openapi.json", (c) => {
    doc ??= buildOpenApiDocument(app);
    return c.json(doc);
  });
}
