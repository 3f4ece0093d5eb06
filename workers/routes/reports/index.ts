import type { App } from "../../app.ts";

export function registerReportRoutes(_app: App): void {}
