import type { App } from "../../app.ts";
import { registerCreateTenant } from "./create.ts";
import { registerListTenants } from "./list.ts";

export function registerTenantRoutes(app: App): void {
  registerCreateTenant(app);
  registerListTenants(app);
}
