import type { App } from "../../app.ts";
import { registerCreateWebhookEndpoint } from "./create.ts";
import { registerListWebhookDeliveries } from "./deliveries.ts";
import { registerDeleteWebhookEndpoint } from "./delete.ts";
import { registerWebhookDocs } from "./docs.ts";
import { registerGetWebhookEndpoint } from "./get.ts";
import { registerListWebhookEndpoints } from "./list.ts";
import { registerRecoverWebhookEndpoint } from "./recover.ts";
import { registerReplayWebhookDelivery } from "./replay.ts";
import { registerRotateWebhookSecret } from "./rotate-secret.ts";
import { registerTestWebhookEndpoint } from "./test.ts";
import { registerUpdateWebhookEndpoint } from "./update.ts";

/** Webhook endpoints, their delivery log, replay and recovery, and the event types documented as OpenAPI webhooks. */
export function registerWebhookRoutes(app: App): void {
  registerCreateWebhookEndpoint(app);
  registerListWebhookEndpoints(app);
  registerGetWebhookEndpoint(app);
  registerUpdateWebhookEndpoint(app);
  registerDeleteWebhookEndpoint(app);
  registerRotateWebhookSecret(app);
  registerTestWebhookEndpoint(app);
  registerListWebhookDeliveries(app);
  registerReplayWebhookDelivery(app);
  registerRecoverWebhookEndpoint(app);
  registerWebhookDocs(app);
}
