import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../workers/demo/index.ts";
import { parseAcceptLanguage } from "../../workers/i18n.ts";
import { newId } from "../../workers/lib/ids.ts";
import { createTestApp, OPERATOR_KEY, type TestApp } from "../helpers/app.ts";
import { createTenant, type TenantFixture, unique } from "../helpers/factories.ts";
import { expectProblem } from "../helpers/problems.ts";

const TAL = newId("talent");
const DEM = newId("demand");
const ZH = { "accept-language": "zh-CN,zh;q=0.9,en;q=0.8" };
const EN = { "accept-language": "en-US,en;q=0.9" };

describe("Accept-Language", () => {
  it.each([
    ["zh-CN", "zh"],
    ["zh", "zh"],
    ["zh-Hans-CN", "zh"],
    ["en-GB", "en"],
    ["en;q=0.5, zh;q=0.9", "zh"],
    ["zh;q=0, en", "en"],
    ["fr, en;q=0.3", "en"],
    ["fr", null],
    ["*", null],
    ["", null],
  ])("%s → %s", (header, lang) => {
    expect(parseAcceptLanguage(header)).toBe(lang);
  });
});

describe("problems in the caller's language", () => {
  let t: TestApp;
  let en: TenantFixture;
  let zhKey: string;

  beforeAll(async () => {
    t = await createTestApp();
    en = await createTenant(t);
    const res = await t.call("POST", "/v1/tenants", { key: OPERATOR_KEY, body: { name: "包头市", slug: unique("bt").toLowerCase(), locale: "zh-CN" } });
    expect(res.status).toBe(201);
    zhKey = ((await res.json()) as { admin_key: { key: string } }).admin_key.key;
  });
  afterAll(() => t.close());

  it("answers a 401 in Chinese when asked, in English by default (no tenant is known yet)", async () => {
    const zh = await t.call("GET", "/v1/talents", { headers: ZH });
    await expectProblem(zh, { status: 401, code: "unauthorized", title: "未认证", detail: "请以 'Authorization: Bearer <密钥>' 发送 API 密钥。" });
    expect(zh.headers.get("content-language")).toBe("zh-CN");
    expect(zh.headers.get("vary")).toMatch(/accept-language/i);
    const plain = await t.call("GET", "/v1/talents");
    await expectProblem(plain, { status: 401, code: "unauthorized", title: "Unauthorized", detail: "Send an API key as 'Authorization: Bearer <key>'." });
    expect(plain.headers.get("content-language")).toBe("en");
  });

  it("answers an unknown route in the requested language", async () => {
    await expectProblem(await t.call("GET", "/v1/nowhere", { headers: ZH }), { status: 404, code: "not_found", title: "未找到", detail: "没有 GET /v1/nowhere 这个路由。" });
    await expectProblem(await t.call("GET", "/v1/nowhere"), { status: 404, code: "not_found", title: "Not found", detail: "No route for GET /v1/nowhere." });
  });

  it("follows the tenant's locale without Accept-Language, and the header over it", async () => {
    await expectProblem(await t.call("GET", `/v1/talents/${TAL}`, { key: zhKey }), {
      status: 404,
      code: "not_found",
      title: "未找到",
      detail: `没有编号为 '${TAL}' 的人才。`,
    });
    await expectProblem(await t.call("GET", `/v1/talents/${TAL}`, { key: zhKey, headers: EN }), {
      status: 404,
      code: "not_found",
      title: "Not found",
      detail: `No talent with id '${TAL}'.`,
    });
    await expectProblem(await t.call("GET", `/v1/talents/${TAL}`, { key: en.adminKey }), {
      status: 404,
      code: "not_found",
      detail: `No talent with id '${TAL}'.`,
    });
    await expectProblem(await t.call("GET", `/v1/talents/${TAL}`, { key: en.adminKey, headers: ZH }), {
      status: 404,
      code: "not_found",
      detail: `没有编号为 '${TAL}' 的人才。`,
    });
  });

  it("translates field errors of a 422 and keeps paths and codes", async () => {
    const body = { name: "", education: "phd-ish", experience_years: 1.5, nickname: "x" };
    const zh = await t.call("POST", "/v1/talents", { key: en.adminKey, body, headers: ZH });
    await expectProblem(zh, {
      status: 422,
      code: "validation_failed",
      title: "校验失败",
      detail: "请求体中有无效字段。",
      errors: [
        { path: "name", message: "长度至少为 1 个字符" },
        { path: "education", message: "必须是以下之一：associate, bachelor, master, doctor" },
        { path: "experience_years", message: "必须是整数" },
        { path: "nickname", message: "不是已知字段" },
      ],
    });
    const enRes = await t.call("POST", "/v1/talents", { key: en.adminKey, body, headers: EN });
    await expectProblem(enRes, {
      status: 422,
      code: "validation_failed",
      title: "Validation failed",
      detail: "The request body has invalid fields.",
      errors: [
        { path: "name", message: "must be at least 1 characters long" },
        { path: "education", message: "must be one of: associate, bachelor, master, doctor" },
        { path: "experience_years", message: "must be an integer" },
        { path: "nickname", message: "is not a known field" },
      ],
    });
  });

  it("gives the code's Chinese description with the English detail where no Chinese detail was written", async () => {
    const res = await t.call("POST", "/v1/talents", { key: zhKey, body: "name=1", headers: { "content-type": "text/plain" } });
    await expectProblem(res, {
      status: 415,
      code: "unsupported_media_type",
      title: "不支持的媒体类型",
      detail: "此处不接受 Content-Type 'text/plain'；请发送 application/json。",
    });
    const conflict = await t.call("POST", "/v1/tenants", { key: OPERATOR_KEY, body: { name: "x", slug: "dup-slug" } });
    expect(conflict.status).toBe(201);
    await expectProblem(await t.call("POST", "/v1/tenants", { key: OPERATOR_KEY, body: { name: "x", slug: "dup-slug" }, headers: ZH }), {
      status: 409,
      code: "conflict",
      title: "冲突",
      detail: "标识为 'dup-slug' 的租户已存在。",
    });
  });

  it("answers the demo region in Chinese by default", async () => {
    const demo = await seedDemo(t.db, new Date());
    const secret = demo.adminSecret ?? "";
    expect(((await (await t.call("GET", "/v1/settings", { key: secret })).json()) as { locale: string }).locale).toBe("zh-CN");
    await expectProblem(await t.call("GET", `/v1/talents/${TAL}`, { key: secret }), { status: 404, code: "not_found", title: "未找到", detail: `没有编号为 '${TAL}' 的人才。` });
  });

  it("lets an admin switch the tenant's locale with PATCH /v1/settings", async () => {
    const before = await t.call("GET", "/v1/settings", { key: en.adminKey });
    expect(((await before.json()) as { locale: string }).locale).toBe("en");
    const patched = await t.call("PATCH", "/v1/settings", { key: en.adminKey, body: { locale: "zh-CN" } });
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as { locale: string }).locale).toBe("zh-CN");
    await expectProblem(await t.call("GET", `/v1/demands/${DEM}`, { key: en.adminKey }), {
      status: 404,
      code: "not_found",
      detail: `没有编号为 '${DEM}' 的需求。`,
    });
    const bad = await t.call("PATCH", "/v1/settings", { key: en.adminKey, body: { locale: "fr" } });
    await expectProblem(bad, { status: 422, code: "validation_failed", errors: [{ path: "locale", message: "必须是以下之一：zh-CN, en" }] });
    await t.call("PATCH", "/v1/settings", { key: en.adminKey, body: { locale: "en" } });
    await expectProblem(await t.call("GET", `/v1/demands/${DEM}`, { key: en.adminKey }), { status: 404, code: "not_found", detail: `No demand with id '${DEM}'.` });
  });
});
