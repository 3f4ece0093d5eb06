import { and, eq, inArray } from "drizzle-orm";
import type { Context } from "hono";
import { contactReveals, introductions } from "../../schema/tables/introductions.ts";
import type { AppEnv, TenantPrincipal } from "../context.ts";
import { commit } from "../db.ts";
import { newId } from "../lib/ids.ts";

/**
 * Which of these talents' contact details the caller may see in clear: the talent itself, admins,
 * and an enterprise the talent accepted an introduction from (until the talent withdraws). Every
 * reveal to an enterprise is logged: who, when, under which introduction.
 */
export async function contactVisibility(c: Context<AppEnv>, caller: TenantPrincipal, talentIds: readonly string[]): Promise<Set<string>> {
  if (caller.role === "admin") return new Set(talentIds);
  if (caller.role === "talent") return new Set(talentIds.filter((id) => id === caller.talentId));
  if (caller.role !== "enterprise" || !caller.organizationId || talentIds.length === 0) return new Set();
  const { db, clock } = c.get("deps");
  const consented = new Map<string, string>();
  for (let i = 0; i < talentIds.length; i += 90) {
    const rows = await db
      .select({ talentId: introductions.talentId, id: introductions.id })
      .from(introductions)
      .where(
        and(
          eq(introductions.tenantId, caller.tenantId),
          eq(introductions.organizationId, caller.organizationId),
          eq(introductions.status, "accepted"),
          inArray(introductions.talentId, talentIds.slice(i, i + 90)),
        ),
      );
    for (const r of rows) consented.set(r.talentId, r.id);
  }
  if (consented.size > 0) {
    const now = clock();
    const organizationId = caller.organizationId;
    await commit(
      db,
      [...consented].map(([talentId, introductionId]) =>
        db.insert(contactReveals).values({
          id: newId("reveal", now),
          tenantId: caller.tenantId,
          talentId,
          organizationId,
          introductionId,
          viewerKeyId: caller.keyId,
          requestId: c.get("requestId"),
          at: now.toISOString(),
        }),
      ),
    );
  }
  return new Set(consented.keys());
}
