import type { App } from "../../app.ts";
import { registerCreateEvent } from "./create.ts";
import { registerCreateMeetingPlan } from "./meeting-plans.ts";
import { registerCreateMeetingRequest } from "./meeting-requests.ts";
import { registerListMeetings } from "./meetings.ts";
import { registerGetEvent } from "./get.ts";
import { registerListEvents } from "./list.ts";
import { registerEventReport } from "./report.ts";
import { registerUpdateEvent } from "./update.ts";

export function registerEventRoutes(app: App): void {
  registerCreateEvent(app);
  registerListEvents(app);
  registerGetEvent(app);
  registerUpdateEvent(app);
  registerCreateMeetingRequest(app);
  registerCreateMeetingPlan(app);
  registerListMeetings(app);
  registerEventReport(app);
}
