import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganization, createTenant, unique, type TenantFixture } from "../helpers/factories.ts";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { createTalent } from "../helpers/profiles.ts";

const here = dirname(fileURLToPath(import.meta.url));
const clientDir = join(here, "openapi-client");
const generated = join(clientDir, "generated", "api.d.ts");
const root = join(here, "..", "..");

/** The shape of openapi-client/calls.ts, which the root tsconfig skips: its types exist only once this test wrote them. */
interface Calls {
  walkthrough(
    fetch: (request: Request) => Promise<Response>,
    key: string,
    organizationId: string,
    idempotencyKey: string,
  ): Promise<{ created: { id: string }; listed: string[]; matches: { talent_id: string; score: number }[]; missing: unknown }>;
}

/** Type-checks the client code against the freshly generated types, with the project's compiler options. */
function typeErrors(): string[] {
  const configPath = join(root, "tsconfig.json");
  const read = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root);
  const program = ts.createProgram({ rootNames: [join(clientDir, "calls.ts")], options: parsed.options });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
}

describe("a client generated from /openapi.json", () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let enterpriseId: string;
  let talentId: string;

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await createTenant(t);
    enterpriseId = (await createOrganization(t, tenant.adminKey)).id;
    talentId = (await createTalent(t, tenant.adminKey, { skills: ["煤气化", "Aspen Plus"], city: "1506" })).id;
    const doc = await (await t.call("GET", "/openapi.json")).text();
    mkdirSync(dirname(generated), { recursive: true });
    writeFileSync(generated, astToString(await openapiTS(doc)));
  });
  afterAll(() => t.close());

  it("type-checks the calls a developer writes, and refuses wrong ones", () => {
    expect(typeErrors()).toEqual([]);
  }, 60_000);

  it("creates a demand, lists demands and reads the demand's matches through openapi-fetch against the real app", async () => {
    const { walkthrough } = (await import(pathToFileURL(join(clientDir, "calls.ts")).href)) as Calls;
    const result = await walkthrough((request) => Promise.resolve(t.app.request(request)), tenant.adminKey, enterpriseId, unique("idem"));
    expect(result.created).toMatchObject({ organization_id: enterpriseId, title: "煤气化工艺工程师", city: "1506" });
    expect(result.listed).toContain(result.created.id);
    expect(result.matches.map((m) => m.talent_id)).toContain(talentId);
    for (const m of result.matches) expect(m.score).toBeGreaterThanOrEqual(0);
    expect(result.missing).toMatchObject({ status: 404, code: "not_found", type: "/problems/not_found" });
  });
});
