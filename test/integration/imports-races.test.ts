import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demands, imports, organizations, talents } from "../../schema/index.ts";
import { createApp, type App } from "../../workers/app.ts";
import { parseConfig, WorkerConfigSchema } from "../../workers/config.ts";
import type { Db } from "../../workers/db.ts";
import { openDatabase } from "../../workers/node/database.ts";
import { CSV, csvLine } from "../imports/files.ts";
import { OPERATOR_KEY, SECRETS_KEY } from "../helpers/app.ts";
import { createSecretBox } from "../../workers/lib/secrets.ts";
import { MemorySender } from "../../workers/messages.ts";

/** Races settle to created/updated rows or a 409, never a 500: on the embedded default, a libSQL file in WAL mode. */
describe("concurrent imports on a libSQL file", () => {
  let dir: string;
  let db: Db;
  let close: () => void;
  let app: App;
  let admin: string;
  let tenantId: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "wutong-import-races-"));
    ({ db, close } = await openDatabase(`file:${join(dir, "wutong.db")}`));
    const quiet = () => undefined;
    const config = parseConfig(WorkerConfigSchema, { WUTONG_OPERATOR_KEY: OPERATOR_KEY, WUTONG_SECRETS_KEY: SECRETS_KEY });
    const secrets = createSecretBox(config.WUTONG_SECRETS_KEY, config.WUTONG_SECRETS_KEY_PREVIOUS);
    const logger = { info: quiet, warn: quiet, error: quiet };
    app = createApp({ deps: () => ({ db, config, clock: () => new Date(), logger, sender: new MemorySender(), secrets }) });
    const res = await app.request("/v1/tenants", { method: "POST", headers: { authorization: `Bearer ${OPERATOR_KEY}`, "content-type": "application/json" }, body: JSON.stringify({ name: "竞速市", slug: "races" }) });
    const body = (await res.json()) as { tenant: { id: string }; admin_key: { key: string } };
    admin = body.admin_key.key;
    tenantId = body.tenant.id;
  });
  afterAll(() => {
    close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (path: string, body: string, type = CSV) => app.request(path, { method: "POST", headers: { authorization: `Bearer ${admin}`, "content-type": type }, body });
  const catalog = async () => ((await (await post("/v1/catalogs", JSON.stringify({ name: `目录${Math.random()}`, year: 2026 }), "application/json")).json()) as { id: string }).id;

  /** Each response is a 200 report or a 409 problem; returns the reports. */
  async function settle(responses: Response[]): Promise<{ created: number; updated: number; unchanged: number }[]> {
    const reports = [];
    for (const res of responses) {
      const text = await res.text();
      expect([200, 409], text).toContain(res.status);
      if (res.status === 200) reports.push(JSON.parse(text) as { created: number; updated: number; unchanged: number });
      else expect(JSON.parse(text)).toMatchObject({ code: "conflict", status: 409 });
    }
    return reports;
  }

  it("four talent imports with the same new phone number make one profile", async () => {
    const file = (i: number) => ["姓名,手机,专业", csvLine([`并发人才${i}`, "13700137000", `专业${i}`]), csvLine([`其他人才${i}`, `1370013710${i}`, "化学"])].join("\n");
    const reports = await settle(await Promise.all([0, 1, 2, 3].map((i) => post("/v1/talents/imports", file(i)))));
    expect(reports.length).toBeGreaterThan(0);
    const same = await db.select().from(talents).where(and(eq(talents.tenantId, tenantId), eq(talents.phone, "13700137000")));
    expect(same).toHaveLength(1);
    // Whoever came first created it; the others updated it (or found it as they would have written it).
    expect(reports.reduce((n, r) => n + r.created, 0)).toBe(1 + 4);
    const jobs = await db.select({ status: imports.status }).from(imports).where(and(eq(imports.tenantId, tenantId), eq(imports.kind, "talents")));
    expect(jobs.filter((j) => j.status === "completed")).toHaveLength(reports.length);
    expect(jobs.filter((j) => j.status === "running")).toEqual([]);
  });

  it("four catalog imports naming the same new employer make one organization", async () => {
    const cats = await Promise.all([0, 1, 2, 3].map(() => catalog()));
    const file = (i: number) => ["岗位名称,用人单位,需求人数", csvLine([`岗位${i}`, "并发新材料有限公司", "2"]), csvLine([`共同岗位`, "并发新材料有限公司", "1"])].join("\n");
    const reports = await settle(await Promise.all(cats.map((cat, i) => post(`/v1/catalogs/${cat}/imports`, file(i)))));
    expect(reports).toHaveLength(4);
    const orgs = await db.select().from(organizations).where(and(eq(organizations.tenantId, tenantId), eq(organizations.name, "并发新材料有限公司")));
    expect(orgs).toHaveLength(1);
    const lines = await db.select({ org: demands.organizationId }).from(demands).where(eq(demands.tenantId, tenantId));
    expect(lines.filter((l) => l.org === orgs[0]?.id)).toHaveLength(8);
  });

  it("four imports of the same 1,500 new lines (two batches each) into one catalog land each line once", async () => {
    const cat = await catalog();
    const file = ["岗位名称,用人单位,需求人数", ...Array.from({ length: 1500 }, (_, i) => csvLine([`同批岗位${i}`, "同批新企业", "1"]))].join("\n");
    const reports = await settle(await Promise.all([0, 1, 2, 3].map(() => post(`/v1/catalogs/${cat}/imports`, file))));
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.reduce((n, r) => n + r.created, 0)).toBe(1500);
    expect(await db.select().from(demands).where(eq(demands.catalogId, cat))).toHaveLength(1500);
  });
});
