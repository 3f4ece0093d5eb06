import type { App } from "../../app.ts";
import { registerCarryOverProject } from "./carry-over.ts";
import { registerCreateProject } from "./create.ts";
import { registerGetProject } from "./get.ts";
import { registerListProjects } from "./list.ts";
import { registerProjectMatches } from "./matches.ts";
import { registerSignProject } from "./sign.ts";
import { registerSubmitProject } from "./submit-to-event.ts";
import { registerUpdateProject } from "./update.ts";

export function registerProjectRoutes(app: App): void {
  registerSubmitProject(app);
  registerCreateProject(app);
  registerListProjects(app);
  registerGetProject(app);
  registerUpdateProject(app);
  registerSignProject(app);
  registerCarryOverProject(app);
  registerProjectMatches(app);
}
