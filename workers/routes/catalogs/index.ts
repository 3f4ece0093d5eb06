import type { App } from "../../app.ts";
import { registerCreateCatalog } from "./create.ts";
import { registerGetCatalog } from "./get.ts";
import { registerListCatalogs } from "./list.ts";

export function registerCatalogRoutes(app: App): void {
  registerCreateCatalog(app);
  registerListCatalogs(app);
  registerGetCatalog(app);
}
