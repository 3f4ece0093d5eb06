import { env, exports } from "cloudflare:workers";
import { describe, it } from "vitest";
import { runOrdosScenario, type Send } from "../integration/places-fixtures.ts";

const send: Send = (method, path, key, body, type) =>
  exports.default.fetch(
    new Request(`https://wutong.test${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(type ? { "content-type": type } : {}) },
      ...(body === undefined ? {} : { body: typeof body === "string" ? body : body.slice().buffer }),
    }),
  );

describe("real places, industry chains and job titles in workerd with D1", () => {
  it("imports an Ordos catalog (CSV and XLSX) and a national talent list: every row lands with its codes, and districts match their city", async () => {
    await runOrdosScenario(send, env.WUTONG_OPERATOR_KEY, "ordos-d1");
  });
});
