import type { App } from "../../app.ts";
import { registerCreateTalent } from "./create.ts";
import { registerDeleteTalent } from "./delete.ts";
import { registerGetTalent } from "./get.ts";
import { registerImportTalents } from "./import.ts";
import { registerCreateTalentKey } from "./keys.ts";
import { registerListTalents } from "./list.ts";
import { registerRedeemTalentInvitation } from "./redeem.ts";
import { registerUpdateTalent } from "./update.ts";
import { registerVerifyTalentContact } from "./verify-contact.ts";

export function registerTalentRoutes(app: App): void {
  registerCreateTalent(app);
  // Before `/v1/talents/{id}`-shaped routes: "imports" is not an id.
  registerImportTalents(app);
  registerListTalents(app);
  registerGetTalent(app);
  registerUpdateTalent(app);
  registerDeleteTalent(app);
  registerCreateTalentKey(app);
  registerRedeemTalentInvitation(app);
  registerVerifyTalentContact(app);
}
