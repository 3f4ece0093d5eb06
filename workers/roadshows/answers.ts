import type { EventQuestion, SignupAnswers } from "../../schema/tables/roadshows.ts";
import type { FieldError } from "../errors.ts";

/** An answer as it arrives on the wire, before it is checked against the event's questions. */
export type RawAnswer = string | number | boolean | null | string[];

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** One answer checked against its question: the stored value, or why it is refused. */
function checkAnswer(q: EventQuestion, value: RawAnswer): { ok: string | number | string[] } | { error: string } {
  const options = q.options ?? [];
  switch (q.kind) {
    case "text":
      if (typeof value !== "string") return { error: "must be text" };
      return value.trim() === "" ? { error: "must not be empty" } : { ok: value.trim() };
    case "choice":
      if (typeof value !== "string") return { error: `must be one of: ${options.join(", ")}` };
      return options.includes(value) ? { ok: value } : { error: `must be one of: ${options.join(", ")}` };
    case "multi": {
      if (!Array.isArray(value)) return { error: "must be a list of options" };
      const unknown = value.find((v) => !options.includes(v));
      if (unknown !== undefined) return { error: `'${unknown}' is not one of: ${options.join(", ")}` };
      if (new Set(value).size !== value.length) return { error: "must not repeat an option" };
      return { ok: value };
    }
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? { ok: value } : { error: "must be a number" };
    case "date":
      return typeof value === "string" && isCalendarDate(value) ? { ok: value } : { error: "must be a date like 2026-07-18" };
  }
}

/**
 * Checks a signup's answers against the event's registration questions: every required question
 * answered, each answer of its question's kind (and among its options), no answers to questions the
 * event does not ask. Errors name `answers.<question id>`.
 */
export function checkAnswers(questions: readonly EventQuestion[], answers: Record<string, RawAnswer>): { answers: SignupAnswers; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const out: SignupAnswers = {};
  const asked = new Set(questions.map((q) => q.id));
  for (const id of Object.keys(answers)) {
    if (!asked.has(id)) errors.push({ path: `answers.${id}`, message: "is not a question of this event" });
  }
  for (const q of questions) {
    const value = answers[q.id];
    const blank = value === undefined || value === null || (Array.isArray(value) && value.length === 0) || (typeof value === "string" && value.trim() === "");
    if (blank) {
      if (q.required) errors.push({ path: `answers.${q.id}`, message: "is required" });
      continue;
    }
    const result = checkAnswer(q, value);
    if ("error" in result) errors.push({ path: `answers.${q.id}`, message: result.error });
    else out[q.id] = result.ok;
  }
  return { answers: out, errors };
}
