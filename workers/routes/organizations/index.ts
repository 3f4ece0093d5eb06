import type { App } from "../../app.ts";
import { registerCreateOrganization } from "./create.ts";
import { registerGetOrganization } from "./get.ts";
import { registerListOrganizations } from "./list.ts";

export function registerOrganizationRoutes(app: App): void {
  registerCreateOrganization(app);
  registerListOrganizations(app);
  registerGetOrganization(app);
}
