import type { App } from "../../app.ts";

export function registerProjectRoutes(_app: App): void {}
