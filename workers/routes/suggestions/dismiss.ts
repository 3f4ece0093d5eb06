import { createRoute } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { suggestions } from "../../../schema/tables/introductions.ts";
import type { App } from "../../app.ts";
import { authenticate, requireRole } from "../../auth.ts";
import { ApiError, NotFoundError } from "../../errors.ts";
import { assertMayManageDemand } from "../demands/access.ts";
import { AUTHED_ERRORS, BEARER, errorResponses, idParam, jsonContent } from "../shared.ts";
import { pairNames } from "../../data/names.ts";
import { SuggestionSchema, toSuggestion } from "./schema.ts";

const route = createRoute({
  method: "post",
  path: "/v1/suggestions/{id}/dismiss",
  tags: ["Matches"],
  summary: "Dismiss a suggestion",
  description: "By the demand's enterprise (or an organizer). A dismissed suggestion is not suggested again.",
  security: BEARER,
  middleware: [authenticate("admin", "organizer", "enterprise")] as const,
  request: { params: idParam("suggestion") },
  responses: { 200: jsonContent(SuggestionSchema, "The suggestion"), ...errorResponses(400, ...AUTHED_ERRORS, 404, 409) },
});

export function registerDismissSuggestion(app: App): void {
  app.openapi(route, async (c) => {
    const caller = requireRole(c, "admin", "organizer", "enterprise");
    const id = c.req.valid("param").id;
    const { db, clock } = c.get("deps");
    const where = and(eq(suggestions.tenantId, caller.tenantId), eq(suggestions.id, id));
    const row = (await db.select().from(suggestions).where(where).limit(1))[0];
    if (!row || (caller.role === "enterprise" && caller.organizationId !== row.organizationId)) throw new NotFoundError("suggestion", id);
    assertMayManageDemand(caller, row);
    if (row.status === "introduced") throw new ApiError("conflict", "This suggestion already led to an introduction.", { detailZh: "该推荐已促成引荐。" });
    const updated = { ...row, status: "dismissed" as const, updatedAt: clock().toISOString() };
    await db.update(suggestions).set({ status: "dismissed", updatedAt: updated.updatedAt }).where(where);
    return c.json(toSuggestion(updated, await pairNames(db, caller.tenantId, [updated])), 200);
  });
}
