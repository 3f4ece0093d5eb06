import type { App } from "../app.ts";
import { registerAllocationRoutes } from "./allocations/index.ts";
import { registerCatalogRoutes } from "./catalogs/index.ts";
import { registerDemandRoutes } from "./demands/index.ts";
import { registerEventRoutes } from "./events/index.ts";
import { registerMatchRoutes } from "./matches/index.ts";
import { registerImportRoutes } from "./imports/index.ts";
import { registerIndustryChainRoutes } from "./industry-chains/index.ts";
import { registerIntroductionRoutes } from "./introductions/index.ts";
import { registerSettingsRoutes } from "./settings/index.ts";
import { registerSuggestionRoutes } from "./suggestions/index.ts";
import { registerKeyRoutes } from "./keys/index.ts";
import { registerMeRoutes } from "./me/index.ts";
import { registerMetaRoutes } from "./meta/index.ts";
import { registerOrganizationRoutes } from "./organizations/index.ts";
import { registerProjectRoutes } from "./projects/index.ts";
import { registerReportRoutes } from "./reports/index.ts";
import { registerSignupRoutes } from "./signups/index.ts";
import { registerTalentRoutes } from "./talents/index.ts";
import { registerTaxonomyRoutes } from "./taxonomy/index.ts";
import { registerTenantRoutes } from "./tenants/index.ts";
import { registerWebhookRoutes } from "./webhooks/index.ts";

/** Mounts every resource's routes; each resource registers its operations from its own folder. */
export function registerRoutes(app: App): void {
  registerMetaRoutes(app);
  registerTenantRoutes(app);
  registerOrganizationRoutes(app);
  registerKeyRoutes(app);
  registerMeRoutes(app);
  registerTalentRoutes(app);
  registerDemandRoutes(app);
  registerCatalogRoutes(app);
  registerImportRoutes(app);
  registerTaxonomyRoutes(app);
  registerIndustryChainRoutes(app);
  registerMatchRoutes(app);
  registerIntroductionRoutes(app);
  registerSuggestionRoutes(app);
  registerSettingsRoutes(app);
  registerAllocationRoutes(app);
  registerWebhookRoutes(app);
  registerEventRoutes(app);
  registerSignupRoutes(app);
  registerProjectRoutes(app);
  registerReportRoutes(app);
}
