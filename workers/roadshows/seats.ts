import type { SignupRole } from "../../schema/tables/roadshows.ts";
import { promotedWith, promoteStatements } from "../data/roadshows-signups.ts";
import type { EventRow } from "../data/roadshows.ts";
import { commit, type Db } from "../db.ts";
import { newId } from "../lib/ids.ts";

/**
 * Fills free seats of a role from its waitlist, one atomic promotion per batch (each with its own
 * `signup.promoted` event), until the role is full or nobody waits. Used after capacity is raised.
 */
export async function promoteWhileSeatsFree(db: Db, event: EventRow, role: SignupRole, at: Date, max = 10_000): Promise<number> {
  let promoted = 0;
  while (promoted < max) {
    const token = newId("signup", at);
    await commit(db, promoteStatements(db, token, { tenantId: event.tenantId, eventId: event.id, role, organizerId: event.organizerId, at: at.toISOString() }));
    if (!(await promotedWith(db, event.id, token))) break;
    promoted += 1;
  }
  return promoted;
}
