import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ENTRY = resolve(import.meta.dirname, "../../workers/entry-node.ts");

interface Started {
  child: ChildProcess;
  url: string;
  operatorKey: string;
  demoKey: string | undefined;
}

/** Starts `npm start`'s entry as a real process and reads what it prints. */
function start(env: Record<string, string>): Promise<Started> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [ENTRY], { env: { ...process.env, PORT: "0", LOG_LEVEL: "silent", ...env } });
    let out = "";
    let err = "";
    const timer = setTimeout(() => fail(new Error(`no start within 45 s:\n${out}\n${err}`)), 45_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (http:\S+)/.exec(out)?.[1];
      const operatorKey = /operator key\s+(wtop_\S+)/.exec(out)?.[1];
      const demoKey = /demo admin\s+(wt_\S+)/.exec(out)?.[1];
      if (url && operatorKey && out.includes("curl")) {
        clearTimeout(timer);
        done({ child, url, operatorKey, demoKey });
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`exited with ${code}:\n${out}\n${err}`));
    });
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((done) => {
    child.removeAllListeners("exit");
    child.on("exit", (code) => done(code));
    child.kill("SIGTERM");
  });
}

function run(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [ENTRY], { env: { ...process.env, ...env } });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (code) => done({ code, stderr }));
  });
}

describe("the Node entry (npm start)", () => {
  const dir = mkdtempSync(join(tmpdir(), "wutong-entry-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("starts on an embedded file, loads the demo once, and prints working keys on every start", async () => {
    const env = { DATABASE_URL: `file:${join(dir, "wutong.db")}` };
    const first = await start(env);
    expect(first.demoKey).toMatch(/^wt_/);
    const me = await fetch(`${first.url}/v1/me`, { headers: { authorization: `Bearer ${first.demoKey}` } });
    expect(await me.json()).toMatchObject({ role: "admin", tenant: { slug: "demo-ordos" } });
    const orgs = (await (await fetch(`${first.url}/v1/organizations`, { headers: { authorization: `Bearer ${first.demoKey}` } })).json()) as {
      data: unknown[];
    };
    expect(orgs.data.length).toBeGreaterThanOrEqual(5);
    // The entry serves through the server that answers parser refusals with problems.
    const long = await fetch(`${first.url}/v1/demands?q=${"a".repeat(17_000)}`);
    expect(long.status).toBe(431);
    expect(await long.json()).toMatchObject({ code: "request_header_fields_too_large", status: 431 });
    expect(await stop(first.child)).toBe(0);

    const second = await start(env);
    expect(second.operatorKey).toBe(first.operatorKey);
    expect(second.demoKey).toBe(first.demoKey);
    const tenants = (await (await fetch(`${second.url}/v1/tenants`, { headers: { authorization: `Bearer ${second.operatorKey}` } })).json()) as {
      data: { slug: string }[];
    };
    expect(tenants.data.map((t) => t.slug)).toEqual(["demo-ordos"]);
    expect(await stop(second.child)).toBe(0);
  }, 120_000);

  it("uses WUTONG_OPERATOR_KEY when set", async () => {
    const key = "wtop_configured_operator_key_abcdefgh";
    const s = await start({ DATABASE_URL: `file:${join(dir, "configured.db")}`, WUTONG_OPERATOR_KEY: key, WUTONG_DEMO: "false" });
    expect(s.operatorKey).toBe(key);
    expect(s.demoKey).toBeUndefined();
    const res = await fetch(`${s.url}/v1/me`, { headers: { authorization: `Bearer ${key}` } });
    expect(await res.json()).toMatchObject({ role: "operator" });
    await stop(s.child);
  }, 60_000);

  it("throttles failed authentications by the socket's address, ignoring a forged X-Forwarded-For", async () => {
    const key = "wtop_configured_operator_key_abcdefgh";
    const s = await start({ DATABASE_URL: `file:${join(dir, "throttled.db")}`, WUTONG_OPERATOR_KEY: key, WUTONG_DEMO: "false", RATE_LIMIT_AUTH_FAILURES: "2", RATE_LIMIT_WINDOW_SECONDS: "86400" });
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${s.url}/v1/me`, { headers: { authorization: "Bearer wt_00000000000000000000000000000000", "x-forwarded-for": `198.51.100.${i}` } });
      statuses.push(res.status);
      await res.body?.cancel();
    }
    expect(statuses).toEqual([401, 401, 429, 429]);
    expect((await fetch(`${s.url}/v1/me`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(429);
    await stop(s.child);
  }, 60_000);

  it("refuses to start on bad configuration, naming each variable", async () => {
    const { code, stderr } = await run({ PORT: "eighty", DATABASE_URL: "postgres://db", LOG_LEVEL: "loud" });
    expect(code).toBe(1);
    expect(stderr).toContain("Invalid configuration:");
    expect(stderr).toMatch(/- PORT /);
    expect(stderr).toContain("- DATABASE_URL must start with file:, libsql:, http(s): or be :memory:");
    expect(stderr).toMatch(/- LOG_LEVEL /);
  }, 60_000);
});
