import type { EventStatus, ProjectStatus } from "../../schema/tables/roadshows.ts";

/** Each event status and the one it may move to: draft → open → closed → held → reported. */
export const EVENT_NEXT: Record<EventStatus, EventStatus | null> = { draft: "open", open: "closed", closed: "held", held: "reported", reported: null };

/** Event statuses in which the door checks people in. */
export const CHECK_IN_STATUSES: readonly EventStatus[] = ["open", "closed", "held"];

/** Event statuses whose figures are final enough to count no-shows and meetings held. */
export const TOOK_PLACE: readonly EventStatus[] = ["held", "reported"];

/**
 * Project moves set with PATCH (signing has its own route, with its figures):
 * submitted → selected → pitched → negotiating → signed | not_signed; an organizer may reject a
 * submitted project and close a pitched one as not signed; the owner may withdraw until it ends.
 */
export const PROJECT_NEXT: Record<ProjectStatus, readonly ProjectStatus[]> = {
  submitted: ["selected", "rejected", "withdrawn"],
  selected: ["pitched", "withdrawn"],
  pitched: ["negotiating", "not_signed", "withdrawn"],
  negotiating: ["signed", "not_signed", "withdrawn"],
  signed: [],
  not_signed: [],
  rejected: [],
  withdrawn: [],
};

/** Still in play: not yet signed, not signed, rejected or withdrawn. */
export const OPEN_PROJECT_STATUSES: readonly ProjectStatus[] = ["submitted", "selected", "pitched", "negotiating"];

/** Reached selection (入选): selected, or any status only a selected project reaches. */
export const SELECTED_OR_LATER: readonly ProjectStatus[] = ["selected", "pitched", "negotiating", "signed", "not_signed"];

/** Pitched on stage (路演): a not-signed project was pitched too (it can only end so from pitched or negotiating). */
export const PITCHED_OR_LATER: readonly ProjectStatus[] = ["pitched", "negotiating", "signed", "not_signed"];

/** The 409 detail for a move the lifecycle does not allow. */
export function projectMoveRefusal(from: ProjectStatus, to: ProjectStatus): string {
  const next = PROJECT_NEXT[from].filter((s) => s !== "signed");
  if (next.length === 0) return `The project is ${from}; its status no longer changes.`;
  return `The project is ${from}; it can move to ${next.join(" or ")}, not ${to}.`;
}

/** The 409 detail for an event move the lifecycle does not allow. */
export function eventMoveRefusal(from: EventStatus, to: EventStatus): string {
  const next = EVENT_NEXT[from];
  return next === null ? `The event is ${from}; its status no longer changes.` : `The event is ${from}; it can move only to ${next}, not ${to}.`;
}

/** The same refusal in Chinese. */
export function eventMoveRefusalZh(from: EventStatus, to: EventStatus): string {
  const next = EVENT_NEXT[from];
  return next === null ? `活动状态为 ${from}，不再变化。` : `活动状态为 ${from}，只能变为 ${next}，不能变为 ${to}。`;
}
