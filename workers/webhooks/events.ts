import type { EventType } from "../data/outbox.ts";

/** Event types an endpoint may subscribe to, with what they mean and an example of `data`. */
export const EVENT_CATALOG: Record<EventType, { description: string; subject: string; example: Record<string, unknown> }> = {
  "match.created": {
    description: "The platform found a talent for a demand above the tenant's threshold (a new suggestion), after the demand or the profile changed.",
    subject: "suggestion",
    example: {
      suggestion_id: "sug_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z",
      demand_id: "dem_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z",
      talent_id: "tal_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z",
      organization_id: "org_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z",
      score: 86.5,
    },
  },
  "introduction.requested": {
    description: "An enterprise asked to be introduced to a talent.",
    subject: "introduction",
    example: {
      introduction_id: "int_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z",
      demand_id: "dem_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z",
      talent_id: "tal_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z",
      organization_id: "org_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z",
      score: 82.1,
    },
  },
  "introduction.accepted": {
    description: "The talent accepted: contact details are now visible to the enterprise through the API (never in the payload).",
    subject: "introduction",
    example: { introduction_id: "int_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z", demand_id: "dem_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z", talent_id: "tal_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z", organization_id: "org_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z", status: "accepted" },
  },
  "introduction.declined": {
    description: "The talent declined the introduction.",
    subject: "introduction",
    example: { introduction_id: "int_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z", demand_id: "dem_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z", talent_id: "tal_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z", organization_id: "org_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z", status: "declined" },
  },
  "introduction.withdrawn": {
    description: "The talent withdrew consent: the enterprise no longer sees the contact details.",
    subject: "introduction",
    example: { introduction_id: "int_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z", demand_id: "dem_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z", talent_id: "tal_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z", organization_id: "org_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z", status: "withdrawn" },
  },
  "introduction.outcome": {
    description: "An outcome was recorded: interviewed, hired, signed or not pursued.",
    subject: "introduction",
    example: { introduction_id: "int_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z", demand_id: "dem_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z", talent_id: "tal_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z", organization_id: "org_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z", outcome: "hired" },
  },
  "signup.confirmed": {
    description: "A roadshow signup got a confirmed seat.",
    subject: "signup",
    example: { signup_id: "sgn_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z", event_id: "evt_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z", role: "talent", status: "confirmed", talent_id: "tal_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z", organization_id: null, queue_number: null },
  },
  "signup.waitlisted": {
    description: "A signup joined the waitlist because its role is full.",
    subject: "signup",
    example: { signup_id: "sgn_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z", event_id: "evt_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z", role: "talent", status: "waitlisted", talent_id: "tal_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z", organization_id: null, queue_number: 3 },
  },
  "signup.promoted": {
    description: "A waitlisted signup was promoted to a confirmed seat.",
    subject: "signup",
    example: { signup_id: "sgn_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z", event_id: "evt_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z", role: "talent", status: "confirmed", talent_id: "tal_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z", organization_id: null },
  },
  "signup.cancelled": {
    description: "A signup was cancelled.",
    subject: "signup",
    example: { signup_id: "sgn_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z", event_id: "evt_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z", role: "talent", status: "cancelled", talent_id: "tal_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z", organization_id: null, queue_number: null },
  },
  "meeting.scheduled": {
    description: "A 1:1 negotiation meeting was scheduled at a roadshow.",
    subject: "meeting",
    example: {
      meeting_id: "mtg_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z",
      event_id: "evt_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z",
      plan_id: "mpl_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z",
      party_a: "tal_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z",
      party_b: "org_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z",
      slot: "2026-07-18T06:00:00.000Z",
      table: "A1",
      mutual: true,
    },
  },
  "project.signed": {
    description: "A roadshow project was signed (签约): the signing organization, the intended investment in yuan, the talents and teams (lead talent ids) introduced.",
    subject: "project",
    example: {
      project_id: "prj_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z",
      event_id: "evt_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z",
      signing_organization_id: "org_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z",
      intended_investment: 50000000,
      talents_introduced: ["tal_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z"],
      teams_introduced: ["tal_01JD6Z0M8Q7W3K2V9X4T5R6Y7Y"],
      signed_at: "2026-07-18T08:00:00.000Z",
    },
  },
  "catalog.imported": {
    description: "A demand catalog import finished, with its counts.",
    subject: "catalog",
    example: { import_id: "imp_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z", catalog_id: "cat_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z", created: 120, updated: 3, unchanged: 0, rejected: 1 },
  },
  "webhook.endpoint_disabled": {
    description: "Another endpoint of the organization was disabled: it answered 410 Gone (`gone`), or failed for five days (`failing`).",
    subject: "webhook_endpoint",
    example: { endpoint_id: "whe_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z", url: "https://hr.example.com/hooks/wutong", reason: "failing" },
  },
};
