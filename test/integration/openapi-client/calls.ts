import createClient, { type Client } from "openapi-fetch";
// Written by test/integration/openapi-client.test.ts from the live /openapi.json before this file is checked.
import type { components, paths } from "./generated/api.d.ts";

export interface Walkthrough {
  created: components["schemas"]["Demand"];
  listed: string[];
  matches: { talent_id: string; score: number }[];
  missing: components["schemas"]["Problem"] | undefined;
}

/**
 * What a client developer does first with a generated client: post a demand, list demands, read
 * the demand's matches, and meet a problem. Type-checked against the generated types by the test.
 */
export async function walkthrough(
  fetch: (request: Request) => Promise<Response>,
  key: string,
  organizationId: string,
  idempotencyKey: string,
): Promise<Walkthrough> {
  const client = createClient<paths>({ baseUrl: "http://wutong.test", headers: { authorization: `Bearer ${key}` }, fetch });
  const created = await client.POST("/v1/demands", {
    params: { header: { "Idempotency-Key": idempotencyKey } },
    body: { organization_id: organizationId, title: "煤气化工艺工程师", required_skills: ["煤气化", "Aspen Plus"], city: "1506" },
  });
  if (!created.data) throw new Error(`createDemand: ${created.response.status}`);
  const demand = created.data;

  const list = await client.GET("/v1/demands", { params: { query: { limit: 10 } } });
  if (!list.data) throw new Error(`listDemands: ${list.response.status}`);
  const listed = list.data.data.map((d) => d.id);

  const ranked = await client.GET("/v1/demands/{id}/matches", { params: { path: { id: demand.id }, query: { limit: 5 } } });
  // The route also answers CSV and XLSX; the JSON page is the object.
  const page = ranked.data;
  if (!page || typeof page !== "object" || !("data" in page)) throw new Error(`listDemandMatches: ${ranked.response.status}`);
  const matches = page.data.map((m) => ({ talent_id: m.talent.id, score: m.score }));

  const missing = await client.GET("/v1/demands/{id}", { params: { path: { id: "dem_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z" } } });
  return { created: demand, listed, matches, missing: missing.error };
}

/** Calls the generated types must refuse; each line fails the check if the types stop biting. */
export function refusedCalls(client: Client<paths>): void {
  // @ts-expect-error: no such route
  void client.GET("/v1/demandz");
  // @ts-expect-error: the path id is required
  void client.GET("/v1/demands/{id}/matches", { params: { path: {} } });
  // @ts-expect-error: title is a string
  void client.POST("/v1/demands", { body: { title: 42 } });
  // @ts-expect-error: limit is a number
  void client.GET("/v1/demands", { params: { query: { limit: "ten" } } });
}
