import type { App } from "../../app.ts";
import { registerDismissSuggestion } from "./dismiss.ts";
import { registerListSuggestions } from "./list.ts";

export function registerSuggestionRoutes(app: App): void {
  registerListSuggestions(app);
  registerDismissSuggestion(app);
}
