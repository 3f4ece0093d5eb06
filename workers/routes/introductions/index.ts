import type { App } from "../../app.ts";
import { registerCreateIntroduction } from "./create.ts";
import { registerGetIntroduction } from "./get.ts";
import { registerListIntroductions } from "./list.ts";
import { registerIntroductionOutcome } from "./outcome.ts";
import { registerRespondToIntroduction } from "./respond.ts";

export function registerIntroductionRoutes(app: App): void {
  registerCreateIntroduction(app);
  registerListIntroductions(app);
  registerGetIntroduction(app);
  registerRespondToIntroduction(app);
  registerIntroductionOutcome(app);
}
