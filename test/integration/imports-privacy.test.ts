import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imports, talents } from "../../schema/index.ts";
import { sweep } from "../../workers/jobs/sweep.ts";
import { CSV } from "../imports/files.ts";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { createTenant, type TenantFixture } from "../helpers/factories.ts";

interface Issue {
  row: number;
  column: string;
  value: string;
  reason_en: string;
}

describe("talent-import reports forget personal values", () => {
  let t: TestApp;
  let tenant: TenantFixture;
  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t);
  });
  afterAll(() => t.close());

  const upload = async (body: string) => {
    const res = await t.app.request("/v1/talents/imports", { method: "POST", headers: { authorization: `Bearer ${tenant.adminKey}`, "content-type": CSV }, body });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as { id: string; rejections: Issue[] };
  };
  const report = async (id: string) => (await (await t.call("GET", `/v1/imports/${id}`, { key: tenant.adminKey })).json()) as { rejections: Issue[] };

  it("blanks the cells holding an erased talent's phone or e-mail, in the erasure, and only those", async () => {
    const r = await upload("姓名,手机,邮箱\n钱多,13600136000,qian@example.com\n钱多二,+86 136 0013 6000,\n钱多三,,QIAN@example.com\n孙少,13600136111,\n孙少二,13600136111,\n");
    expect(r.rejections.map((x) => [x.row, x.value])).toEqual([
      [3, "+86 136 0013 6000"],
      [6, "13600136111"],
    ]);
    const [talent] = await t.db.select().from(talents).where(eq(talents.phone, "13600136000"));
    expect((await t.call("DELETE", `/v1/talents/${talent?.id ?? ""}`, { key: tenant.adminKey })).status).toBe(204);
    expect((await report(r.id)).rejections.map((x) => [x.row, x.column, x.value, x.reason_en])).toEqual([
      [3, "手机", "", "same value as row 2"],
      [6, "手机", "13600136111", "same value as row 5"],
    ]);
  });

  it("keeps rows and reasons but not values of talent-import reports older than 30 days", async () => {
    const r = await upload("姓名,手机\n李四,12345\n");
    expect(r.rejections.map((x) => x.value)).toEqual(["12345"]);
    await sweep(t.db, new Date(Date.now() + 29 * 86_400_000));
    expect((await report(r.id)).rejections.map((x) => x.value)).toEqual(["12345"]);
    const { importReportsRedacted } = await sweep(t.db, new Date(Date.now() + 31 * 86_400_000));
    expect(importReportsRedacted).toBeGreaterThanOrEqual(1);
    expect((await report(r.id)).rejections).toEqual([expect.objectContaining({ row: 2, column: "手机", value: "", reason_en: "not a mainland mobile number" })]);
    const [row] = await t.db.select({ redactedAt: imports.redactedAt }).from(imports).where(eq(imports.id, r.id));
    expect(row?.redactedAt).not.toBeNull();
  });
});
