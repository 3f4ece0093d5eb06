import type { EventRow } from "../data/roadshows.ts";

/** When an event takes signups: `[opens, closes)`, either end open when null. */
export interface SignupWindow {
  opens: string | null;
  closes: string;
}

/**
 * The window a caller signs up in. An explicit `signup_closes_at` binds everyone, the desk
 * included: moving it into the past closes signups. Without one, self-signups close when the event
 * starts, and the desk (organizers, admins) may still sign walk-ins up until the event ends.
 */
export function signupWindow(event: Pick<EventRow, "signupOpensAt" | "signupClosesAt" | "startsAt" | "endsAt">, desk: boolean): SignupWindow {
  return { opens: event.signupOpensAt, closes: event.signupClosesAt ?? (desk ? event.endsAt : event.startsAt) };
}

/** Why `at` is outside the window (stating the window), or null inside it. */
export function outsideWindow(w: SignupWindow, at: string): { en: string; zh: string } | null {
  const span = w.opens ? `from ${w.opens} until ${w.closes}` : `until ${w.closes}`;
  const spanZh = w.opens ? `${w.opens} 至 ${w.closes}` : `截至 ${w.closes}`;
  if (w.opens && at < w.opens) return { en: `Signups are not open yet: this event takes signups ${span}.`, zh: `报名尚未开始：本活动的报名时间为 ${spanZh}。` };
  if (at >= w.closes) return { en: `Signups are closed: this event took signups ${span}.`, zh: `报名已截止：本活动的报名时间为 ${spanZh}。` };
  return null;
}
