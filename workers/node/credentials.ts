import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { KEY_PREFIX, newSecret } from "../lib/secrets.ts";

/**
 * Secrets the embedded default keeps beside its database file, so that `npm start` can print them
 * again on every start: the generated operator key, the demo tenant's admin key and the key
 * sealing secrets at rest.
 */
export interface LocalCredentials {
  operator_key?: string;
  demo_admin_key?: string;
  /** The generated WUTONG_SECRETS_KEY (AES-256, base64) sealing webhook secrets in the database. */
  secrets_key?: string;
}

export function loadCredentials(dir: string): LocalCredentials {
  const file = join(dir, "credentials.json");
  if (!existsSync(file)) return {};
  return JSON.parse(readFileSync(file, "utf8")) as LocalCredentials;
}

export function saveCredentials(dir: string, credentials: LocalCredentials): void {
  writeFileSync(join(dir, "credentials.json"), `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
}

export function newOperatorKey(): string {
  return newSecret(KEY_PREFIX.operator);
}
