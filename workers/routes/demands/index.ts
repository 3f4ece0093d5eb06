import type { App } from "../../app.ts";
import { registerCreateDemand } from "./create.ts";
import { registerDeleteDemand } from "./delete.ts";
import { registerGetDemand } from "./get.ts";
import { registerListDemands } from "./list.ts";
import { registerUpdateDemand } from "./update.ts";

export function registerDemandRoutes(app: App): void {
  registerCreateDemand(app);
  registerListDemands(app);
  registerGetDemand(app);
  registerUpdateDemand(app);
  registerDeleteDemand(app);
}
