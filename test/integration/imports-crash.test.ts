import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { and, count, countDistinct, eq, gt } from "drizzle-orm";
import { afterAll, expect, it } from "vitest";
import { auditLog, demands, imports, organizations, outboxEvents } from "../../schema/index.ts";
import { openDatabase } from "../../workers/node/database.ts";
import { csvLine } from "../imports/files.ts";
import { OPERATOR_KEY } from "../helpers/app.ts";

const ENTRY = resolve(import.meta.dirname, "../../workers/entry-node.ts");
const LINES = 20_000;
const EMPLOYERS = 40;
const dir = mkdtempSync(join(tmpdir(), "wutong-import-crash-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `npm start`'s entry as a real process on the test's database file. */
function start(url: string): Promise<{ child: ChildProcess; base: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [ENTRY], {
      env: { ...process.env, PORT: "0", LOG_LEVEL: "silent", DATABASE_URL: url, WUTONG_DEMO: "false", WUTONG_OPERATOR_KEY: OPERATOR_KEY },
    });
    let out = "";
    let err = "";
    const timer = setTimeout(() => fail(new Error(`no start within 45 s:\n${out}\n${err}`)), 45_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const base = /listening on (http:\S+)/.exec(out)?.[1];
      if (base && out.includes("curl")) {
        clearTimeout(timer);
        done({ child, base });
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`exited with ${code}:\n${out}\n${err}`));
    });
  });
}

function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((done) => {
    child.removeAllListeners("exit");
    child.on("exit", () => done());
    child.kill(signal);
  });
}

it(`a ${LINES.toLocaleString("en")}-line import SIGKILLed mid-way shows interrupted with its progress, and re-sending it completes it with every line once`, { timeout: 240_000 }, async () => {
  const url = `file:${join(dir, "wutong.db")}`;
  let server = await start(url);
  const call = (path: string, init: { method?: string; key: string; body?: string; type?: string; headers?: Record<string, string> }) =>
    fetch(`${server.base}${path}`, {
      method: init.method ?? "GET",
      headers: { authorization: `Bearer ${init.key}`, ...(init.type ? { "content-type": init.type } : {}), ...init.headers },
      body: init.body,
    });
  const tenant = (await (await call("/v1/tenants", { method: "POST", key: OPERATOR_KEY, type: "application/json", body: JSON.stringify({ name: "鄂尔多斯市", slug: "crash" }) })).json()) as {
    tenant: { id: string };
    admin_key: { key: string };
  };
  const key = tenant.admin_key.key;
  const catalog = (await (await call("/v1/catalogs", { method: "POST", key, type: "application/json", body: JSON.stringify({ name: "2026 目录", year: 2026 }) })).json()) as { id: string };
  const header = csvLine(["岗位名称", "用人单位", "需求人数", "工作地点", "学历要求", "技能要求", "外部编号"]);
  const file = [header, ...Array.from({ length: LINES }, (_, i) => csvLine([`工艺工程师${i}`, `崩溃测试企业${i % EMPLOYERS}`, String(1 + (i % 5)), "鄂尔多斯", "本科", "煤气化、DCS", `C-${i}`]))].join("\n");
  const send = () => call(`/v1/catalogs/${catalog.id}/imports`, { method: "POST", key, type: "text/csv", body: file, headers: { "idempotency-key": "crash-import-1" } });

  // Watch the file from this process; kill the server once a few batches have committed.
  const { db, close } = await openDatabase(url);
  try {
    const inFlight = send().catch(() => null);
    let seen: { id: string; rowsDone: number } | undefined;
    const deadline = Date.now() + 120_000;
    while (!seen && Date.now() < deadline) {
      [seen] = await db
        .select({ id: imports.id, rowsDone: imports.rowsDone })
        .from(imports)
        .where(and(eq(imports.tenantId, tenant.tenant.id), eq(imports.status, "running"), gt(imports.created, 2_000)));
      if (!seen) await sleep(20);
    }
    expect(seen, "the import never got two batches in").toBeDefined();
    await kill(server.child, "SIGKILL");
    expect(await inFlight).toBeNull();
    const importId = seen?.id ?? "";

    const [committed] = await db.select({ n: count() }).from(demands).where(eq(demands.catalogId, catalog.id));
    const partial = committed?.n ?? 0;
    expect(partial).toBeGreaterThan(2_000);
    expect(partial).toBeLessThan(LINES);

    server = await start(url);
    const got = (await (await call(`/v1/imports/${importId}`, { key })).json()) as Record<string, unknown>;
    // The job says how far it got: exactly the lines that committed, and no event was sent.
    expect(got).toMatchObject({ id: importId, status: "interrupted", rows_total: LINES, rows_done: partial, created: partial, updated: 0, rejected: 0 });
    const [early] = await db.select({ n: count() }).from(outboxEvents).where(and(eq(outboxEvents.type, "catalog.imported"), eq(outboxEvents.subjectId, catalog.id)));
    expect(early?.n).toBe(0);
    const batches = await db.select({ detail: auditLog.detail }).from(auditLog).where(and(eq(auditLog.subjectId, importId), eq(auditLog.action, "import.batch_committed")));
    expect(batches.length).toBeGreaterThan(1);

    // The same request again, with the same Idempotency-Key: not a 409, the job completes.
    const again = await send();
    expect(again.status, await again.clone().text()).toBe(200);
    expect(await again.json()).toMatchObject({ id: importId, status: "completed", rows_total: LINES, rows_done: LINES, created: LINES, updated: 0, unchanged: 0, rejected: 0 });
    const [lines] = await db.select({ n: count(), keys: countDistinct(demands.importKey) }).from(demands).where(eq(demands.catalogId, catalog.id));
    expect(lines).toEqual({ n: LINES, keys: LINES });
    const [orgs] = await db.select({ n: count() }).from(organizations).where(eq(organizations.tenantId, tenant.tenant.id));
    // The employers plus the tenant's own organization.
    expect(orgs?.n).toBe(EMPLOYERS + 1);
    const events = await db.select().from(outboxEvents).where(and(eq(outboxEvents.type, "catalog.imported"), eq(outboxEvents.subjectId, catalog.id)));
    expect(events.map((e) => e.payload)).toEqual([expect.objectContaining({ import_id: importId, created: LINES })]);
    const done = (await (await call(`/v1/imports/${importId}`, { key })).json()) as Record<string, unknown>;
    expect(done).toMatchObject({ status: "completed", rows_done: LINES });
  } finally {
    close();
    await kill(server.child, "SIGTERM");
  }
});
