import type { TenantPrincipal } from "../../context.ts";
import { type EventRow, getEventInTenant } from "../../data/roadshows.ts";
import type { Db } from "../../db.ts";
import { NotFoundError } from "../../errors.ts";

/** Organizers and admins run events; everyone else sees only events that are not drafts. */
export function runsEvents(caller: TenantPrincipal): boolean {
  return caller.role === "admin" || caller.role === "organizer";
}

/** The event a caller may read: a draft is as absent as another tenant's event to talents and enterprises. */
export async function readableEvent(db: Db, caller: TenantPrincipal, id: string): Promise<EventRow> {
  const row = await getEventInTenant(db, caller.tenantId, id);
  if (row.status === "draft" && !runsEvents(caller)) throw new NotFoundError("event", id);
  return row;
}
