import type { App } from "../../app.ts";
import { registerCreateCatalog } from "./create.ts";
import { registerGetCatalog } from "./get.ts";
import { registerImportCatalog } from "./import.ts";
import { registerListCatalogs } from "./list.ts";
import { registerCatalogTemplate } from "./template.ts";

export function registerCatalogRoutes(app: App): void {
  registerCreateCatalog(app);
  registerListCatalogs(app);
  // Before `/v1/catalogs/{id}`: "template.xlsx" is not an id.
  registerCatalogTemplate(app);
  registerGetCatalog(app);
  registerImportCatalog(app);
}
