import type { App } from "../../app.ts";
import { registerDemandMatches } from "./demand-matches.ts";
import { registerTalentMatches } from "./talent-matches.ts";

export function registerMatchRoutes(app: App): void {
  registerDemandMatches(app);
  registerTalentMatches(app);
}
