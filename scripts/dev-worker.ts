// `npm run dev:worker`: the Worker entry under `wrangler dev` with a local D1, offline.
// Creates `.dev.vars` with a fresh operator key and secrets key on first run, applies migrations, then serves.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const env = {
  ...process.env,
  XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME ?? `${process.cwd()}/.xdg`,
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
};

if (!existsSync(".dev.vars")) {
  const key = `wtop_${randomBytes(24).toString("base64url")}`;
  writeFileSync(".dev.vars", `WUTONG_OPERATOR_KEY=${key}\n`, { mode: 0o600 });
}
// A .dev.vars from before secrets were sealed at rest gets its key added once.
if (!/^WUTONG_SECRETS_KEY=/m.test(readFileSync(".dev.vars", "utf8"))) {
  writeFileSync(".dev.vars", `${readFileSync(".dev.vars", "utf8")}WUTONG_SECRETS_KEY=${randomBytes(32).toString("base64")}\n`, { mode: 0o600 });
}
const operatorKey = /WUTONG_OPERATOR_KEY=(\S+)/.exec(readFileSync(".dev.vars", "utf8"))?.[1];
console.log(`operator key (from .dev.vars): ${operatorKey ?? "(not set in .dev.vars)"}`);

const run = (args: string[]): void => {
  const result = spawnSync("wrangler", args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run(["d1", "migrations", "apply", "DB", "--local"]);
run(["dev", "--local", ...process.argv.slice(2)]);
