import type { App } from "../../app.ts";
import { registerCreateKey } from "./create.ts";
import { registerListKeys } from "./list.ts";
import { registerRevokeKey } from "./revoke.ts";

export function registerKeyRoutes(app: App): void {
  registerCreateKey(app);
  registerListKeys(app);
  registerRevokeKey(app);
}
