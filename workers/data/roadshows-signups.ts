import { and, desc, eq, getTableColumns, inArray, lt, type SQL, sql } from "drizzle-orm";
import { outboxEvents } from "../../schema/index.ts";
import { eventCapacity, type SignupAnswers, type SignupRole, type SignupStatus, signups } from "../../schema/tables/roadshows.ts";
import type { Db, Statement } from "../db.ts";
import { NotFoundError } from "../errors.ts";
import { newId } from "../lib/ids.ts";

export type SignupRow = typeof signups.$inferSelect;

/** A signup with its live place in the queue (1 = promoted next), null unless waitlisted. */
export type SignupView = SignupRow & { waitlistPosition: number | null };

// Outer columns are spelled out: drizzle may render `${signups.eventId}` unqualified, which the
// subquery would then bind to its own row.
const rank = sql<number | null>`CASE WHEN "signups"."status" = 'waitlisted' THEN (SELECT count(*) FROM "signups" w
  WHERE w.event_id = "signups"."event_id" AND w.role = "signups"."role" AND w.status = 'waitlisted' AND w.queue_number <= "signups"."queue_number") END`;

function view(r: SignupRow & { waitlistPosition: number | null }): SignupView {
  return { ...r, waitlistPosition: r.waitlistPosition === null ? null : Number(r.waitlistPosition) };
}

/** Fetch-or-404 within a tenant, with the live waitlist position. */
export async function getSignupInTenant(db: Db, tenantId: string, id: string): Promise<SignupView> {
  const rows = await db
    .select({ ...signupColumns(), waitlistPosition: rank })
    .from(signups)
    .where(and(eq(signups.tenantId, tenantId), eq(signups.id, id)))
    .limit(1);
  const row = rows[0];
  if (!row) throw new NotFoundError("signup", id);
  return view(row);
}

function signupColumns() {
  return getTableColumns(signups);
}

export interface SignupFilters {
  eventId?: string | undefined;
  status?: SignupStatus | undefined;
  role?: SignupRole | undefined;
  talentId?: string | undefined;
  organizationId?: string | undefined;
}

/** A page of signups, newest first. */
export async function listSignups(db: Db, tenantId: string, f: SignupFilters, opts: { limit: number; after: string | null }): Promise<SignupView[]> {
  const conditions: SQL[] = [eq(signups.tenantId, tenantId)];
  if (f.eventId) conditions.push(eq(signups.eventId, f.eventId));
  if (f.status) conditions.push(eq(signups.status, f.status));
  if (f.role) conditions.push(eq(signups.role, f.role));
  if (f.talentId) conditions.push(eq(signups.talentId, f.talentId));
  if (f.organizationId) conditions.push(eq(signups.organizationId, f.organizationId));
  if (opts.after) conditions.push(lt(signups.id, opts.after));
  const rows = await db
    .select({ ...signupColumns(), waitlistPosition: rank })
    .from(signups)
    .where(and(...conditions))
    .orderBy(desc(signups.id))
    .limit(opts.limit + 1);
  return rows.map(view);
}

/** Confirmed signups of an event (meeting participants). */
export async function confirmedSignups(db: Db, eventId: string): Promise<SignupRow[]> {
  return db
    .select()
    .from(signups)
    .where(and(eq(signups.eventId, eventId), eq(signups.status, "confirmed")));
}

/** The signup holding a check-in code at an event, or null. */
export async function findSignupByCode(db: Db, eventId: string, code: string): Promise<SignupRow | null> {
  const rows = await db
    .select()
    .from(signups)
    .where(and(eq(signups.eventId, eventId), eq(signups.checkInCode, code)))
    .limit(1);
  return rows[0] ?? null;
}

/** SQL for the audience of the signup aliased `s`, whose organization is only known to SQL. */
function audienceSql(organizerId: string | null): SQL {
  return organizerId === null
    ? sql`CASE WHEN s.organization_id IS NULL THEN json_array() ELSE json_array(s.organization_id) END`
    : sql`CASE WHEN s.organization_id IS NULL THEN json_array(${organizerId}) ELSE json_array(${organizerId}, s.organization_id) END`;
}

// Every statement here is a drizzle builder, never `db.run(sql…)`: drizzle's D1 batch cannot bind
// the parameters of raw statements. INSERT … SELECT goes through `insert().select(sql)`, which
// lists every column in table order, so the SELECTs below yield exactly those columns.

/** The outbox row for the signup `id`, written only if `guard` holds for it (`s` is the signup). */
function signupEventStatement(db: Db, o: { tenantId: string; organizerId: string | null; id: SQL; type: SQL; guard: SQL; at: string }): Statement {
  return db.insert(outboxEvents).select(sql`SELECT ${newId("message", new Date(o.at))}, ${o.tenantId}, ${o.type}, ${audienceSql(o.organizerId)}, 'signup', s.id,
      json_object('signup_id', s.id, 'event_id', s.event_id, 'role', s.role, 'status', s.status,
        'talent_id', s.talent_id, 'organization_id', s.organization_id, 'queue_number', s.queue_number),
      ${o.at}, NULL
    FROM ${signups} s WHERE s.id = ${o.id} AND ${o.guard}`);
}

export interface NewSignup {
  id: string;
  tenantId: string;
  eventId: string;
  role: SignupRole;
  talentId: string | null;
  organizationId: string | null;
  checkInCode: string;
  availability: string[] | null;
  note: string | null;
  contactName: string | null;
  answers: SignupAnswers | null;
  createdBy: string;
  at: string;
}

function seatOf(eventId: string, role: SignupRole): SQL | undefined {
  return and(eq(eventCapacity.eventId, eventId), eq(eventCapacity.role, role));
}

/**
 * One batch that settles a new signup inside SQLite: take a seat if one is free (`confirmed <
 * capacity`, and the claim names this signup), else take the next queue number; insert the signup
 * as whichever happened; emit `signup.confirmed` or `signup.waitlisted`. With `pending` the signup
 * waits for approval and holds nothing.
 */
export function createSignupStatements(db: Db, s: NewSignup, opts: { pending: boolean; organizerId: string | null }): Statement[] {
  const row = {
    id: s.id,
    tenantId: s.tenantId,
    eventId: s.eventId,
    role: s.role,
    talentId: s.talentId,
    organizationId: s.organizationId,
    checkInCode: s.checkInCode,
    availability: s.availability,
    note: s.note,
    contactName: s.contactName,
    answers: s.answers,
    createdBy: s.createdBy,
    createdAt: s.at,
    updatedAt: s.at,
  };
  if (opts.pending) return [db.insert(signups).values({ ...row, status: "pending", queueNumber: null })];
  const won = sql`c.last_claim = ${s.id}`;
  const availability = s.availability === null ? null : JSON.stringify(s.availability);
  const answers = s.answers === null ? null : JSON.stringify(s.answers);
  return [
    db
      .update(eventCapacity)
      .set({ confirmed: sql`confirmed + 1`, lastClaim: s.id })
      .where(and(seatOf(s.eventId, s.role), sql`confirmed < capacity`)),
    db
      .update(eventCapacity)
      .set({ waitlistSeq: sql`waitlist_seq + 1` })
      .where(and(seatOf(s.eventId, s.role), sql`(last_claim IS NULL OR last_claim <> ${s.id})`)),
    db.insert(signups).select(sql`SELECT ${s.id}, ${s.tenantId}, ${s.eventId}, ${s.role}, ${s.talentId}, ${s.organizationId},
        CASE WHEN ${won} THEN 'confirmed' ELSE 'waitlisted' END,
        CASE WHEN ${won} THEN NULL ELSE c.waitlist_seq END,
        ${s.checkInCode}, ${availability}, ${s.note}, NULL, ${s.createdBy}, ${s.at}, ${s.at},
        CASE WHEN ${won} THEN ${s.at} END, NULL, NULL, ${s.contactName}, ${answers}
      FROM ${eventCapacity} c WHERE c.event_id = ${s.eventId} AND c.role = ${s.role}`),
    signupEventStatement(db, {
      tenantId: s.tenantId,
      organizerId: opts.organizerId,
      id: sql`${s.id}`,
      type: sql`CASE s.status WHEN 'confirmed' THEN 'signup.confirmed' ELSE 'signup.waitlisted' END`,
      guard: sql`1 = 1`,
      at: s.at,
    }),
  ];
}

interface SeatContext {
  tenantId: string;
  eventId: string;
  role: SignupRole;
  organizerId: string | null;
  at: string;
}

/**
 * Approves a pending signup in one batch: a free seat confirms it, otherwise it joins the
 * waitlist. Guarded on `status = 'pending'`, so a second approval changes nothing.
 */
export function approveSignupStatements(db: Db, id: string, token: string, ctx: SeatContext): Statement[] {
  const pending = sql`EXISTS (SELECT 1 FROM ${signups} p WHERE p.id = ${id} AND p.status = 'pending')`;
  const won = sql`(SELECT c.last_claim FROM ${eventCapacity} c WHERE c.event_id = ${ctx.eventId} AND c.role = ${ctx.role}) = ${id}`;
  return [
    db
      .update(eventCapacity)
      .set({ confirmed: sql`confirmed + 1`, lastClaim: id })
      .where(and(seatOf(ctx.eventId, ctx.role), sql`confirmed < capacity`, pending)),
    db
      .update(eventCapacity)
      .set({ waitlistSeq: sql`waitlist_seq + 1` })
      .where(and(seatOf(ctx.eventId, ctx.role), sql`(last_claim IS NULL OR last_claim <> ${id})`, pending)),
    db
      .update(signups)
      .set({
        status: sql`CASE WHEN ${won} THEN 'confirmed' ELSE 'waitlisted' END`,
        queueNumber: sql`CASE WHEN ${won} THEN NULL ELSE (SELECT c.waitlist_seq FROM ${eventCapacity} c WHERE c.event_id = ${ctx.eventId} AND c.role = ${ctx.role}) END`,
        confirmedAt: sql`CASE WHEN ${won} THEN ${ctx.at} END`,
        updatedAt: ctx.at,
        changeToken: token,
      })
      .where(and(eq(signups.id, id), eq(signups.status, "pending"))),
    signupEventStatement(db, {
      tenantId: ctx.tenantId,
      organizerId: ctx.organizerId,
      id: sql`${id}`,
      type: sql`CASE s.status WHEN 'confirmed' THEN 'signup.confirmed' ELSE 'signup.waitlisted' END`,
      guard: sql`s.change_token = ${token}`,
      at: ctx.at,
    }),
  ];
}

/** Rejects a signup that holds no seat (pending or waitlisted). */
export function rejectSignupStatement(db: Db, id: string, token: string, at: string): Statement {
  return db
    .update(signups)
    .set({ status: "rejected", queueNumber: null, updatedAt: at, changeToken: token })
    .where(and(eq(signups.id, id), inArray(signups.status, ["pending", "waitlisted"])));
}

/**
 * Cancels a signup and, if that freed a seat, promotes the head of the role's waitlist, all in one
 * batch: the seat is released only if the signup was confirmed (and not checked in), and the
 * events `signup.cancelled` and `signup.promoted` are written only for what happened.
 */
export function cancelSignupStatements(db: Db, id: string, token: string, ctx: SeatContext): Statement[] {
  return [
    db
      .update(eventCapacity)
      .set({ confirmed: sql`confirmed - 1` })
      .where(and(seatOf(ctx.eventId, ctx.role), sql`EXISTS (SELECT 1 FROM ${signups} x WHERE x.id = ${id} AND x.status = 'confirmed' AND x.checked_in_at IS NULL)`)),
    db
      .update(signups)
      .set({ status: "cancelled", queueNumber: null, cancelledAt: ctx.at, updatedAt: ctx.at, changeToken: token })
      .where(and(eq(signups.id, id), sql`(status IN ('pending', 'waitlisted') OR (status = 'confirmed' AND checked_in_at IS NULL))`)),
    signupEventStatement(db, { tenantId: ctx.tenantId, organizerId: ctx.organizerId, id: sql`${id}`, type: sql`'signup.cancelled'`, guard: sql`s.change_token = ${token}`, at: ctx.at }),
    ...promoteStatements(db, `${token}p`, ctx),
  ];
}

/**
 * Promotes the head of a role's waitlist if a seat is free: the seat is claimed in the counter
 * row naming the promoted signup, the signup is confirmed, and `signup.promoted` is emitted.
 * Safe to run at any time; it changes nothing when the role is full or nobody waits.
 */
export function promoteStatements(db: Db, token: string, ctx: SeatContext): Statement[] {
  const head = sql`(SELECT h.id FROM ${signups} h WHERE h.event_id = ${ctx.eventId} AND h.role = ${ctx.role} AND h.status = 'waitlisted' ORDER BY h.queue_number LIMIT 1)`;
  const claimed = sql`(SELECT c.last_claim FROM ${eventCapacity} c WHERE c.event_id = ${ctx.eventId} AND c.role = ${ctx.role})`;
  return [
    db
      .update(eventCapacity)
      .set({ confirmed: sql`confirmed + 1`, lastClaim: head })
      .where(and(seatOf(ctx.eventId, ctx.role), sql`confirmed < capacity AND ${head} IS NOT NULL`)),
    db
      .update(signups)
      .set({ status: "confirmed", queueNumber: null, confirmedAt: ctx.at, updatedAt: ctx.at, changeToken: token })
      .where(and(sql`${signups.id} = ${claimed}`, eq(signups.status, "waitlisted"))),
    db.insert(outboxEvents).select(sql`SELECT ${newId("message", new Date(ctx.at))}, ${ctx.tenantId}, 'signup.promoted', ${audienceSql(ctx.organizerId)}, 'signup', s.id,
        json_object('signup_id', s.id, 'event_id', s.event_id, 'role', s.role, 'status', s.status,
          'talent_id', s.talent_id, 'organization_id', s.organization_id),
        ${ctx.at}, NULL
      FROM ${signups} s WHERE s.id = ${claimed} AND s.change_token = ${token}`),
  ];
}

/** Whether the last promotion batch with `token` promoted someone (the caller loops while it does). */
export async function promotedWith(db: Db, eventId: string, token: string): Promise<boolean> {
  const rows = await db
    .select({ id: signups.id })
    .from(signups)
    .where(and(eq(signups.eventId, eventId), eq(signups.changeToken, token)))
    .limit(1);
  return rows.length > 0;
}

/** Marks a confirmed signup as checked in; guarded so a second scan changes nothing. */
export function checkInStatement(db: Db, id: string, at: string): Statement {
  return db
    .update(signups)
    .set({ checkedInAt: at, updatedAt: at })
    .where(and(eq(signups.id, id), eq(signups.status, "confirmed"), sql`${signups.checkedInAt} IS NULL`));
}
