import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ORDOS_CHAINS, runOrdosScenario, type Send } from "../integration/places-fixtures.ts";

const send: Send = (method, path, key, body, type) =>
  exports.default.fetch(
    new Request(`https://wutong.test${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(type ? { "content-type": type } : {}) },
      ...(body === undefined ? {} : { body: typeof body === "string" ? body : body.slice().buffer }),
    }),
  );
const sendJson = (method: string, path: string, key: string, body: unknown) => send(method, path, key, JSON.stringify(body), "application/json");

describe("real places, industry chains and job titles in workerd with D1", () => {
  it("imports an Ordos catalog (CSV and XLSX) and a national talent list: every row lands with its codes, and districts match their city", async () => {
    const { key } = await runOrdosScenario(send, env.WUTONG_OPERATOR_KEY, "ordos-d1");

    // The chains are the tenant's data: listed, renamed, unique.
    const list = (await (await send("GET", "/v1/industry-chains", key)).json()) as { data: { id: string; name: string }[] };
    expect(list.data.map((c) => c.name).sort()).toEqual(ORDOS_CHAINS.map((c) => c.name).sort());
    const chain = list.data.find((c) => c.name === "羊绒纺织");
    const renamed = await sendJson("PATCH", `/v1/industry-chains/${chain?.id ?? ""}`, key, { name: "羊绒纺织产业" });
    expect(await renamed.json()).toMatchObject({ name: "羊绒纺织产业" });
    expect((await sendJson("POST", "/v1/industry-chains", key, { name: "煤化工", industry_codes: ["2522"] })).status).toBe(409);

    // JSON writes take names, resolved as the import resolves them.
    const org = (await (await sendJson("POST", "/v1/organizations", key, { name: "示范材料有限公司（JSON）", kind: "enterprise" })).json()) as { id: string };
    const created = await sendJson("POST", "/v1/demands", key, { organization_id: org.id, title: "工艺工程师", city: "鄂尔多斯", industry_code: "煤化工" });
    expect(created.status, await created.clone().text()).toBe(201);
    expect(await created.json()).toMatchObject({ city: "1506", city_name: "鄂尔多斯市", industry_code: ORDOS_CHAINS[0]?.industry_codes[0], industry_chain: "煤化工" });
    const ambiguous = await sendJson("POST", "/v1/demands", key, { organization_id: org.id, title: "工艺工程师", city: "朝阳区" });
    expect(ambiguous.status).toBe(422);
    expect(await ambiguous.json()).toMatchObject({ errors: [{ path: "city", message: expect.stringContaining("110105") }] });
  });
});
