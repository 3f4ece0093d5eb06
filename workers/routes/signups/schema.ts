import { z } from "@hono/zod-openapi";
import { SIGNUP_ROLES, SIGNUP_STATUSES } from "../../../schema/tables/roadshows.ts";
import type { SignupView } from "../../data/roadshows-signups.ts";
import { idPattern } from "../../lib/ids.ts";
import { formatCheckInCode } from "../../roadshows/check-in-code.ts";
import { listOf } from "../shared.ts";

export const CreateSignupBody = z
  .strictObject({
    role: z.enum(SIGNUP_ROLES).optional().openapi({
      description: "Defaults from who signs up: `team` for a talent with a team, else `talent`; `enterprise` for an organization.",
    }),
    talent_id: z
      .string()
      .regex(idPattern("talent"), "must be a talent id (tal_…)")
      .optional()
      .openapi({ description: "At the signup desk (organizers): the talent to sign up. A talent key signs itself up." }),
    organization_id: z
      .string()
      .regex(idPattern("organization"), "must be an organization id (org_…)")
      .optional()
      .openapi({ description: "At the signup desk: the organization to sign up. An enterprise key signs its own organization up." }),
    availability: z
      .array(z.iso.datetime({ message: "must be an ISO 8601 UTC time" }).transform((v) => new Date(v).toISOString()))
      .max(200)
      .optional()
      .openapi({ description: "Meeting slots this participant can attend, by their `starts_at`; absent means all of them." }),
    note: z.string().trim().max(500).optional(),
    contact_name: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .openapi({ description: "Who is attending, as written at the signup desk for walk-ins.", example: "王建国" }),
    answers: z
      .record(
        z.string().max(40),
        z.union([z.string().max(2000), z.number(), z.boolean(), z.null(), z.array(z.string().max(100)).max(50)]),
      )
      .optional()
      .openapi({
        description: "Answers to the event's `questions`, by question id; checked against each question's kind, options and `required` (422 naming `answers.<id>`).",
        example: { team_size: 4, track: "新能源" },
      }),
  })
  .openapi("CreateSignup");

export const SignupSchema = z
  .object({
    id: z.string().openapi({ example: "sgn_01JD6Z0M8Q7W3K2V9X4T5R6Y7Z" }),
    event_id: z.string(),
    role: z.enum(SIGNUP_ROLES),
    talent_id: z.string().nullable(),
    organization_id: z.string().nullable(),
    status: z.enum(SIGNUP_STATUSES),
    waitlist_position: z.number().int().nullable().openapi({ description: "Place in the role's waitlist (1 is promoted next); null unless waitlisted." }),
    check_in_code: z.string().nullable().openapi({ description: "Shown once the seat is confirmed; also as a QR code at `/v1/signups/{id}/qr.svg`.", example: "K7Q2-M9XA" }),
    checked_in_at: z.string().nullable(),
    availability: z.array(z.string()).nullable(),
    note: z.string().nullable(),
    contact_name: z.string().nullable(),
    answers: z
      .record(z.string(), z.union([z.string(), z.number(), z.array(z.string())]))
      .openapi({ description: "Answers to the event's registration questions, by question id; `{}` when none." }),
    confirmed_at: z.string().nullable(),
    cancelled_at: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("Signup");

export const SignupListSchema = listOf(SignupSchema, "SignupList");
export type SignupResponse = z.infer<typeof SignupSchema>;

export function toSignup(row: SignupView): SignupResponse {
  return SignupSchema.parse({
    id: row.id,
    event_id: row.eventId,
    role: row.role,
    talent_id: row.talentId,
    organization_id: row.organizationId,
    status: row.status,
    waitlist_position: row.waitlistPosition,
    check_in_code: row.status === "confirmed" ? formatCheckInCode(row.checkInCode) : null,
    checked_in_at: row.checkedInAt,
    availability: row.availability ?? null,
    note: row.note,
    contact_name: row.contactName,
    answers: row.answers ?? {},
    confirmed_at: row.confirmedAt,
    cancelled_at: row.cancelledAt,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  });
}
