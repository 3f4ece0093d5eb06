import type { App } from "../../app.ts";
import { registerApproveSignup } from "./approve.ts";
import { registerCancelSignup } from "./cancel.ts";
import { registerCheckIn } from "./check-in.ts";
import { registerCreateSignup } from "./create.ts";
import { registerGetSignup } from "./get.ts";
import { registerListSignups } from "./list.ts";
import { registerSignupQr } from "./qr.ts";
import { registerRejectSignup } from "./reject.ts";

export function registerSignupRoutes(app: App): void {
  registerCreateSignup(app);
  registerListSignups(app);
  registerGetSignup(app);
  registerSignupQr(app);
  registerCancelSignup(app);
  registerApproveSignup(app);
  registerRejectSignup(app);
  registerCheckIn(app);
}
