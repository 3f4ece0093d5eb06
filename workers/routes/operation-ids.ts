/**
 * The name a generated client gives each operation, in one table rather than in the route files,
 * so routes can be added without touching each other's files. A route missing here is caught by
 * the OpenAPI contract test (test/integration/openapi.test.ts); so is an entry no route uses.
 */
export const OPERATION_IDS: Readonly<Record<string, string>> = {
  "GET /healthz": "getHealth",
  "GET /problems/{code}": "getProblemType",

  "POST /v1/tenants": "createTenant",
  "GET /v1/tenants": "listTenants",
  "GET /v1/me": "getMe",
  "GET /v1/settings": "getSettings",
  "PATCH /v1/settings": "updateSettings",

  "POST /v1/organizations": "createOrganization",
  "GET /v1/organizations": "listOrganizations",
  "GET /v1/organizations/{id}": "getOrganization",
  "POST /v1/organizations/{id}/keys": "createOrganizationKey",
  "GET /v1/organizations/{id}/keys": "listOrganizationKeys",
  "DELETE /v1/keys/{id}": "revokeKey",

  "POST /v1/talents": "createTalent",
  "GET /v1/talents": "listTalents",
  "POST /v1/talents/imports": "importTalents",
  "GET /v1/talents/{id}": "getTalent",
  "PATCH /v1/talents/{id}": "updateTalent",
  "DELETE /v1/talents/{id}": "deleteTalent",
  "POST /v1/talents/{id}/keys": "createTalentKey",
  "POST /v1/talents/{id}/contact/verify": "verifyTalentContact",
  "POST /v1/talent-invitations/redeem": "redeemTalentInvitation",
  "GET /v1/talents/{id}/matches": "listTalentMatches",

  "POST /v1/demands": "createDemand",
  "GET /v1/demands": "listDemands",
  "GET /v1/demands/{id}": "getDemand",
  "PATCH /v1/demands/{id}": "updateDemand",
  "DELETE /v1/demands/{id}": "deleteDemand",
  "GET /v1/demands/{id}/matches": "listDemandMatches",

  "POST /v1/catalogs": "createCatalog",
  "GET /v1/catalogs": "listCatalogs",
  "GET /v1/catalogs/template.xlsx": "getCatalogTemplate",
  "GET /v1/catalogs/{id}": "getCatalog",
  "POST /v1/catalogs/{id}/imports": "importCatalog",
  "POST /v1/catalogs/{id}/allocations": "createAllocation",
  "GET /v1/allocations/{id}": "getAllocation",

  "GET /v1/taxonomy/industries": "searchIndustries",
  "GET /v1/taxonomy/occupations": "searchOccupations",
  "GET /v1/taxonomy/regions": "searchRegions",
  "GET /v1/taxonomy/resolve": "resolveTaxonomyName",
  "GET /v1/industry-chains": "listIndustryChains",
  "POST /v1/industry-chains": "createIndustryChain",
  "PATCH /v1/industry-chains/{id}": "updateIndustryChain",

  "GET /v1/imports": "listImports",
  "GET /v1/imports/{id}": "getImport",

  "POST /v1/introductions": "createIntroduction",
  "GET /v1/introductions": "listIntroductions",
  "GET /v1/introductions/{id}": "getIntroduction",
  "POST /v1/introductions/{id}/accept": "acceptIntroduction",
  "POST /v1/introductions/{id}/decline": "declineIntroduction",
  "POST /v1/introductions/{id}/withdraw": "withdrawIntroduction",
  "POST /v1/introductions/{id}/outcome": "recordIntroductionOutcome",

  "GET /v1/suggestions": "listSuggestions",
  "POST /v1/suggestions/{id}/dismiss": "dismissSuggestion",

  "POST /v1/webhook-endpoints": "createWebhookEndpoint",
  "GET /v1/webhook-endpoints": "listWebhookEndpoints",
  "GET /v1/webhook-endpoints/{id}": "getWebhookEndpoint",
  "PATCH /v1/webhook-endpoints/{id}": "updateWebhookEndpoint",
  "DELETE /v1/webhook-endpoints/{id}": "deleteWebhookEndpoint",
  "POST /v1/webhook-endpoints/{id}/rotate-secret": "rotateWebhookSecret",
  "POST /v1/webhook-endpoints/{id}/test": "testWebhookEndpoint",
  "GET /v1/webhook-endpoints/{id}/deliveries": "listWebhookDeliveries",
  "POST /v1/webhook-endpoints/{id}/recover": "recoverWebhookDeliveries",
  "POST /v1/webhook-deliveries/{id}/replay": "replayWebhookDelivery",

  "POST /v1/events": "createEvent",
  "GET /v1/events": "listEvents",
  "GET /v1/events/{id}": "getEvent",
  "PATCH /v1/events/{id}": "updateEvent",
  "POST /v1/events/{id}/meeting-requests": "createMeetingRequest",
  "POST /v1/events/{id}/meeting-plans": "createMeetingPlan",
  "GET /v1/events/{id}/meetings": "listEventMeetings",
  "GET /v1/events/{id}/report": "getEventReport",
  "POST /v1/events/{id}/signups": "createSignup",
  "POST /v1/events/{id}/check-ins": "createCheckIn",
  "POST /v1/events/{id}/projects": "submitEventProject",
  "GET /v1/signups": "listSignups",
  "GET /v1/signups/{id}": "getSignup",
  "GET /v1/signups/{id}/qr.svg": "getSignupQrCode",
  "POST /v1/signups/{id}/cancel": "cancelSignup",
  "POST /v1/signups/{id}/approve": "approveSignup",
  "POST /v1/signups/{id}/reject": "rejectSignup",

  "POST /v1/projects": "createProject",
  "GET /v1/projects": "listProjects",
  "GET /v1/projects/{id}": "getProject",
  "PATCH /v1/projects/{id}": "updateProject",
  "POST /v1/projects/{id}/sign": "signProject",
  "POST /v1/projects/{id}/carry-over": "carryOverProject",
  "GET /v1/projects/{id}/matches": "listProjectMatches",

  "GET /v1/reports": "getQuarterlyReport",
  "GET /v1/reports/roadshows": "getRoadshowsReport",
};

/**
 * Operations anyone may call without a key. They are documented with `security: []`; any other
 * operation without a declared security requirement fails the contract test.
 */
export const PUBLIC_OPERATIONS: ReadonlySet<string> = new Set(["GET /healthz", "GET /problems/{code}", "POST /v1/talent-invitations/redeem"]);

/** Every tag an operation may carry, with the description shown beside it in the reference. */
export const TAGS: readonly { name: string; description: string }[] = [
  { name: "Meta", description: "Health and the meaning of problem types. No key needed." },
  { name: "Tenants", description: "Regions (operator), the caller, and the tenant's matching settings." },
  { name: "Organizations", description: "Enterprises and organizers of a tenant." },
  { name: "API keys", description: "Keys for organizations and talents; a secret is shown once." },
  { name: "Talents", description: "Talent profiles, their imports and erasure." },
  { name: "Demands", description: "Enterprise demands: what a position needs." },
  { name: "Catalogs", description: "Demand catalogs, their imports and stable allocations." },
  { name: "Imports", description: "Catalog and talent imports: their jobs and reports." },
  { name: "Taxonomy", description: "Industries, occupations and regions: search and name resolution." },
  { name: "Matches", description: "Explained rankings and the suggestions made from them." },
  { name: "Introductions", description: "Double opt-in introductions between an enterprise and a talent." },
  { name: "Webhooks", description: "Endpoints, signed deliveries, replay and recovery." },
  { name: "Roadshows", description: "City partner events: projects, signups, check-ins and 1:1 meetings." },
  { name: "Reports", description: "Roadshow figures per event and per quarter." },
  { name: "Webhook events", description: "What Wutong sends to a subscribed endpoint." },
];

/** `introduction.accepted` → `introductionAcceptedEvent`: the operationId of a documented webhook. */
export function webhookOperationId(eventType: string): string {
  const words = eventType.split(/[._-]/).filter((w) => w.length > 0);
  return words.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join("") + "Event";
}
