import type { App } from "../../app.ts";
import { registerCreateAllocation } from "./create.ts";
import { registerGetAllocation } from "./get.ts";

export function registerAllocationRoutes(app: App): void {
  registerCreateAllocation(app);
  registerGetAllocation(app);
}
