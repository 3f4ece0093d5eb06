import type { App } from "../../app.ts";
import { registerListIndustries } from "./list-industries.ts";
import { registerListOccupations } from "./list-occupations.ts";
import { registerListRegions } from "./list-regions.ts";
import { registerResolveTaxonomy } from "./resolve.ts";

/** Reference data: GB/T 4754 industries, 职业分类大典 occupations, GB/T 2260 regions, and the name resolver. */
export function registerTaxonomyRoutes(app: App): void {
  registerListIndustries(app);
  registerListOccupations(app);
  registerListRegions(app);
  registerResolveTaxonomy(app);
}
