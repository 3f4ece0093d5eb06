import type { MeetingSlot } from "../../schema/tables/roadshows.ts";
import type { FieldError } from "../errors.ts";

/** Slots in start order. */
export function sortSlots(slots: readonly MeetingSlot[]): MeetingSlot[] {
  return [...slots].sort((a, b) => (a.starts_at < b.starts_at ? -1 : a.starts_at > b.starts_at ? 1 : 0));
}

/**
 * What is wrong with an event's meeting slots: each must end after it starts, fall within the
 * event, and not overlap another (a participant sits at one table at a time). Paths index the
 * slots as given.
 */
export function slotProblems(slots: readonly MeetingSlot[], event: { startsAt: string; endsAt: string }): FieldError[] {
  const out: FieldError[] = [];
  slots.forEach((s, i) => {
    if (s.ends_at <= s.starts_at) out.push({ path: `meeting_slots.${i}.ends_at`, message: "must be after starts_at" });
    else if (s.starts_at < event.startsAt || s.ends_at > event.endsAt) out.push({ path: `meeting_slots.${i}`, message: "must fall within the event's starts_at and ends_at" });
  });
  if (out.length > 0) return out;
  const order = slots.map((s, i) => ({ s, i })).sort((a, b) => (a.s.starts_at < b.s.starts_at ? -1 : 1));
  for (let k = 1; k < order.length; k++) {
    const prev = order[k - 1];
    const cur = order[k];
    if (prev && cur && cur.s.starts_at < prev.s.ends_at) out.push({ path: `meeting_slots.${cur.i}`, message: `must not overlap meeting_slots.${prev.i}` });
  }
  return out;
}

/** The slot starting at `start`, for a meeting's end time. */
export function slotEnd(slots: readonly MeetingSlot[], start: string): string {
  return slots.find((s) => s.starts_at === start)?.ends_at ?? start;
}
