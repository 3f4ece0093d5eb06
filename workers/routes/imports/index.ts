import type { App } from "../../app.ts";
import { registerGetImport } from "./get.ts";
import { registerListImports } from "./list.ts";

/** Import jobs of catalogs and talents: status, progress and reports. */
export function registerImportRoutes(app: App): void {
  registerListImports(app);
  registerGetImport(app);
}
