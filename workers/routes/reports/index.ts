import type { App } from "../../app.ts";
import { registerQuarterReport } from "./quarter.ts";

export function registerReportRoutes(app: App): void {
  registerQuarterReport(app);
}
