import type { App } from "../../app.ts";
import { registerCreateIndustryChain } from "./create.ts";
import { registerListIndustryChains } from "./list.ts";
import { registerUpdateIndustryChain } from "./update.ts";

export function registerIndustryChainRoutes(app: App): void {
  registerListIndustryChains(app);
  registerCreateIndustryChain(app);
  registerUpdateIndustryChain(app);
}
