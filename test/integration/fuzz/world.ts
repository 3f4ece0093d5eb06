import type { TestApp } from "../../helpers/app.ts";
import { OPERATOR_KEY } from "../../helpers/app.ts";
import { createKey, createOrganization, createTenant, unique } from "../../helpers/factories.ts";
import { createDemand, createTalent, talentKey } from "../../helpers/profiles.ts";
import { eventBody } from "../roadshow-fixtures.ts";

/** Keys of every kind a request can carry, from none to the operator's. */
export interface FuzzKeys {
  admin: string;
  organizer: string;
  enterprise: string;
  talent: string;
  operator: string;
  revoked: string;
}

/** A tenant with one real object of every kind, so path ids of the right kind reach the handlers. */
export interface FuzzWorld {
  keys: FuzzKeys;
  /** Real ids by id prefix (`dem`, `tal`, …). */
  ids: Record<string, string>;
  /** `next_cursor`s real list routes issued: sent to other routes, and tampered with. */
  cursors: string[];
  /** Puts the fixture back where a request may have moved it (the webhook endpoint stays disabled). */
  restore(): Promise<void>;
}

async function created(res: Response, what: string): Promise<{ id: string } & Record<string, unknown>> {
  if (res.status !== 201 && res.status !== 202 && res.status !== 200) throw new Error(`fuzz world: ${what} answered ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string } & Record<string, unknown>;
}

export async function createFuzzWorld(t: TestApp): Promise<FuzzWorld> {
  const tenant = await createTenant(t);
  const admin = tenant.adminKey;
  const organizer = await createKey(t, admin, tenant.adminOrganizationId, "organizer");
  const enterprise = await createOrganization(t, admin);
  const enterpriseKey = await createKey(t, admin, enterprise.id, "enterprise");
  const revoked = await createKey(t, admin, enterprise.id, "enterprise");
  await t.call("DELETE", `/v1/keys/${revoked.id}`, { key: admin });
  const spare = await createKey(t, admin, enterprise.id, "enterprise");

  const talent = await createTalent(t, admin, { skills: ["煤气化", "Aspen Plus"], city: "1506", phone: "13912345678" });
  const talentSecret = await talentKey(t, admin, talent.id);
  const catalog = await created(await t.call("POST", "/v1/catalogs", { key: admin, body: { name: unique("目录"), year: 2026 } }), "catalog");
  const demand = await createDemand(t, admin, enterprise.id, { catalog_id: catalog.id, required_skills: ["煤气化"], headcount: 2 });
  const allocation = await created(await t.call("POST", `/v1/catalogs/${catalog.id}/allocations`, { key: admin, body: {} }), "allocation");
  const introduction = await created(
    await t.call("POST", "/v1/introductions", { key: enterpriseKey.key, body: { demand_id: demand.id, talent_id: talent.id, message: "您好" } }),
    "introduction",
  );
  const event = await created(await t.call("POST", "/v1/events", { key: admin, body: eventBody() }), "event");
  const project = await created(await t.call("POST", `/v1/events/${event.id}/projects`, { key: admin, body: { title: unique("项目"), talent_id: talent.id } }), "project");
  const signup = await created(await t.call("POST", `/v1/events/${event.id}/signups`, { key: talentSecret, body: { role: "talent" } }), "signup");
  // `.invalid` never resolves, and the endpoint is disabled: a fuzzed test ping cannot leave the machine.
  const endpoint = await created(
    await t.call("POST", "/v1/webhook-endpoints", {
      key: admin,
      body: { url: "https://hooks.wutong-fuzz.invalid/in", event_types: ["match.created"], organization_id: enterprise.id },
    }),
    "webhook endpoint",
  );
  const disable = async () => {
    const res = await t.call("PATCH", `/v1/webhook-endpoints/${endpoint.id}`, { key: admin, body: { enabled: false, url: "https://hooks.wutong-fuzz.invalid/in" } });
    if (res.status !== 200) throw new Error(`fuzz world: disabling the endpoint answered ${res.status} ${await res.text()}`);
  };
  await disable();
  await t.jobs.drain();

  const suggestions = (await (await t.call("GET", "/v1/suggestions?limit=1", { key: admin })).json()) as { data: { id: string }[] };

  await createTalent(t, admin, { skills: ["煤气化"], city: "1506" });
  await createDemand(t, admin, enterprise.id, { required_skills: ["Aspen Plus"] });
  const cursors: string[] = [];
  for (const [path, key] of [
    ["/v1/talents?limit=1", admin],
    ["/v1/demands?limit=1", admin],
    [`/v1/demands/${demand.id}/matches?limit=1`, admin],
    ["/v1/taxonomy/industries?limit=1", admin],
    ["/v1/organizations?limit=1", admin],
    ["/v1/tenants?limit=1", OPERATOR_KEY],
  ] as const) {
    const page = (await (await t.call("GET", path, { key })).json()) as { next_cursor?: string | null };
    if (page.next_cursor) cursors.push(page.next_cursor);
  }

  return {
    keys: { admin, organizer: organizer.key, enterprise: enterpriseKey.key, talent: talentSecret, operator: OPERATOR_KEY, revoked: revoked.key },
    ids: {
      org: enterprise.id,
      key: spare.id,
      tal: talent.id,
      dem: demand.id,
      cat: catalog.id,
      alc: allocation.id,
      int: introduction.id,
      evt: event.id,
      prj: project.id,
      sgn: signup.id,
      whe: endpoint.id,
      ...(suggestions.data[0] ? { sug: suggestions.data[0].id } : {}),
    },
    cursors,
    restore: disable,
  };
}
