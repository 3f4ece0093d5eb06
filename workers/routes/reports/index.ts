import type { App } from "../../app.ts";
import { registerRoadshowReport } from "./roadshows.ts";

export function registerReportRoutes(app: App): void {
  registerRoadshowReport(app);
}
