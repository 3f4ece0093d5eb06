import type { EducationLevel, EngagementMode, SkillLevel, TitleLevel } from "../../matching/index.ts";
import { ok, parseCategoryLevel, parseDate, parseEmail, parseHeadcount, parseList, parsePhone, parseText, parseYears } from "./cells.ts";
import type { CellResult } from "./cells.ts";
import { chineseHeader } from "./columns.ts";
import type { ColumnMapping, ImportSchema } from "./columns.ts";
import { parseEducation, parseModes, parseSkillLevel, parseTitleLevel, parseUrgency } from "./enums.ts";
import { ImportFileError } from "./errors.ts";
import { parseSalary } from "./salary.ts";
import type { SalaryBand } from "./salary.ts";
import type { Table, TableRow } from "./table.ts";

/** A name a taxonomy offers instead of one it could not resolve. */
export interface Suggestion {
  code: string;
  name: string;
}

/**
 * One cell the report talks about: where it is (row as the user sees it, header as written), the
 * value, and why, in Chinese and English (`reason` is the English text, kept for older clients).
 */
export interface ImportIssue {
  row: number;
  column: string;
  value: string;
  reason: string;
  reason_zh: string;
  reason_en: string;
  suggestions: Suggestion[];
}

/** A cell that cost its row. */
export type Rejection = ImportIssue;
/** A cell that was dropped or adjusted while its row was kept. */
export type Warning = ImportIssue;

/** Rows that parsed; one rejection per bad cell of the rows that did not; warnings on kept rows. */
export interface ParseResult<T> {
  valid: T[];
  rejected: Rejection[];
  warnings: Warning[];
}

// Cell parsers write "English (中文)"; a reason without a Chinese part gets the English for both.
const BILINGUAL = /^(.*\S)\s*\(([^()]*\p{Script=Han}[^()]*)\)$/su;

/** Splits a parser's "English (中文)" reason into its two languages. */
export function bilingual(reason: string): { reason_en: string; reason_zh: string } {
  const m = BILINGUAL.exec(reason);
  return m ? { reason_en: m[1] ?? reason, reason_zh: m[2] ?? reason } : { reason_en: reason, reason_zh: reason };
}

/** An issue from its place and its two reasons. */
export function issue(at: { row: number; column: string; value: string }, reasons: { reason_en: string; reason_zh: string }, suggestions: Suggestion[] = []): ImportIssue {
  return { ...at, reason: reasons.reason_en, reason_zh: reasons.reason_zh, reason_en: reasons.reason_en, suggestions };
}

/**
 * A demand catalog line. Industry, occupation and cities are the names as written: the route
 * resolves them to codes. Money is monthly yuan; null means "not given" or "no requirement".
 */
export interface ParsedDemand {
  row: number;
  title: string;
  employer: string;
  headcount: number | null;
  minEducation: EducationLevel | null;
  minTitle: TitleLevel | null;
  minSkillLevel: SkillLevel | null;
  major: string | null;
  minExperienceYears: number | null;
  industryChain: string | null;
  industry: string | null;
  occupation: string | null;
  city: string | null;
  salaryMin: number | null;
  salaryMax: number | null;
  benefits: string[];
  urgency: number | null;
  categoryLevel: number | null;
  modes: EngagementMode[];
  requiredSkills: string[];
  preferredSkills: string[];
  description: string | null;
  /** ISO date, "YYYY-MM-DD". */
  validUntil: string | null;
  externalId: string | null;
}

/** A talent row. Industries, occupations and cities are names as written; salary is monthly yuan. */
export interface ParsedTalent {
  row: number;
  name: string;
  /** 11-digit mainland mobile number. */
  phone: string | null;
  email: string | null;
  education: EducationLevel | null;
  school: string | null;
  major: string | null;
  titleLevel: TitleLevel | null;
  skillLevel: SkillLevel | null;
  experienceYears: number | null;
  industries: string[];
  occupations: string[];
  skills: string[];
  city: string | null;
  originCity: string | null;
  desiredCities: string[];
  modes: EngagementMode[];
  /** The lower end of the expected band, monthly yuan. */
  salaryExpected: number | null;
  categoryLevel: number | null;
  externalId: string | null;
}

const MAX_ITEMS = 50;

function band(salary: SalaryBand | null): { salaryMin: number | null; salaryMax: number | null } {
  return { salaryMin: salary?.min ?? null, salaryMax: salary?.max ?? null };
}

function tags(raw: string): CellResult<string[]> {
  const items = parseList(raw);
  if (items.length > MAX_ITEMS) return { ok: false, reason: `more than ${MAX_ITEMS} items (超过${MAX_ITEMS}项)` };
  const long = items.find((item) => item.length > 100);
  return long === undefined ? ok(items) : { ok: false, reason: `item longer than 100 characters: "${long.slice(0, 20)}…" (单项超过100字)` };
}

// A talent's expectation is a floor: the lower end of a band, or its only end.
function expected(salary: SalaryBand | null): number | null {
  return salary === null ? null : (salary.min ?? salary.max);
}

const text =
  (max: number) =>
  (raw: string): CellResult<string> =>
    parseText(raw, max);

/**
 * How a cell's failure counts: `required` (blank or bad rejects the row), `key` (bad rejects the
 * row; blank is "not given"), `soft` (bad is a warning and the value is left out; the row stays).
 */
type Mode = "required" | "key" | "soft";
type Reader = <T>(field: string, parse: (raw: string) => CellResult<T>, blank: T, mode?: Mode) => T;

const REQUIRED_EMPTY = { reason_en: "required, but empty", reason_zh: "必填项为空" };

/** Parse a row's cells one field at a time, collecting a rejection or a warning for each bad one. */
function rowReader(
  row: TableRow,
  schema: ImportSchema,
  headerOf: ReadonlyMap<string, string>,
  out: { rejected: Rejection[]; warnings: Warning[] },
): { read: Reader; failed: () => boolean; reject: (field: string, reasons: { reason_en: string; reason_zh: string }) => void } {
  let failed = false;
  const columnOf = (field: string) => headerOf.get(field) ?? chineseHeader(schema, field);
  const rawOf = (field: string) => {
    const header = headerOf.get(field);
    return header === undefined ? "" : (row.cells[header] ?? "").trim();
  };
  const reject = (field: string, reasons: { reason_en: string; reason_zh: string }) => {
    failed = true;
    out.rejected.push(issue({ row: row.row, column: columnOf(field), value: rawOf(field) }, reasons));
  };
  const read: Reader = (field, parse, blank, mode = "soft") => {
    const raw = rawOf(field);
    const at = { row: row.row, column: columnOf(field), value: raw };
    if (raw === "") {
      if (mode === "required") reject(field, REQUIRED_EMPTY);
      return blank;
    }
    const result = parse(raw);
    if (result.ok) {
      if (result.warning !== undefined) out.warnings.push(issue(at, bilingual(result.warning)));
      return result.value;
    }
    if (mode === "soft") {
      out.warnings.push(issue(at, bilingual(result.reason)));
      return blank;
    }
    failed = true;
    out.rejected.push(issue(at, bilingual(result.reason)));
    return blank;
  };
  return { read, failed: () => failed, reject };
}

function headersByField(table: Table, mapping: Pick<ColumnMapping, "fields">, schema: ImportSchema, required: readonly string[]): Map<string, string> {
  const headerOf = new Map<string, string>();
  for (const [header, field] of Object.entries(mapping.fields)) if (!headerOf.has(field) && table.headers.includes(header)) headerOf.set(field, header);
  const missing = required.filter((field) => !headerOf.has(field));
  if (missing.length > 0) {
    const names = missing.map((field) => `${chineseHeader(schema, field)} (${field})`).join(", ");
    throw new ImportFileError("missing_columns", `Required columns are missing: ${names} (缺少必填列).`);
  }
  return headerOf;
}

/** Remembers the first row holding each key, to reject later rows that would collide on import. */
function firstSeen(): (key: string, row: number) => number | undefined {
  const rows = new Map<string, number>();
  return (key, row) => {
    const first = rows.get(key);
    if (first === undefined) rows.set(key, row);
    return first;
  };
}

/**
 * Parse demand catalog rows. A row is rejected only for its required or key cells: an empty or
 * too long 岗位名称 / 用人单位, a bad 需求人数, 工作地点 or 外部编号 (one entry per bad cell). Every other
 * bad cell becomes a warning and its value is left out; the row stays. A row repeating an earlier
 * row's 外部编号, or — without one — its employer, title and city (the import key), is rejected too:
 * one line per position.
 */
export function parseDemandRows(table: Table, mapping: Pick<ColumnMapping, "fields">): ParseResult<ParsedDemand> {
  const headerOf = headersByField(table, mapping, "demand", ["title", "employer"]);
  const out: ParseResult<ParsedDemand> = { valid: [], rejected: [], warnings: [] };
  const seen = firstSeen();
  for (const row of table.rows) {
    const warningsBefore = out.warnings.length;
    const { read, failed } = rowReader(row, "demand", headerOf, out);
    const demand: ParsedDemand = {
      row: row.row,
      title: read("title", text(200), "", "required"),
      employer: read("employer", text(200), "", "required"),
      headcount: read("headcount", parseHeadcount, null, "key"),
      minEducation: read("education", (raw) => parseEducation(raw, "lowest"), null),
      minTitle: read("title_level", parseTitleLevel, null),
      minSkillLevel: read("skill_level", parseSkillLevel, null),
      major: read("major", text(200), null),
      minExperienceYears: read("experience_years", parseYears, null),
      industryChain: read("industry_chain", text(100), null),
      industry: read("industry", text(100), null),
      occupation: read("occupation", text(100), null),
      city: read("city", text(100), null, "key"),
      ...band(read("salary", parseSalary, null)),
      benefits: read("benefits", tags, []),
      urgency: read("urgency", parseUrgency, null),
      categoryLevel: read("category_level", parseCategoryLevel, null),
      modes: read("modes", parseModes, []),
      requiredSkills: read("skills", tags, []),
      preferredSkills: read("preferred_skills", tags, []),
      description: read("description", text(5000), null),
      validUntil: read("valid_until", parseDate, null),
      externalId: read("external_id", text(100), null, "key"),
    };
    if (failed()) {
      // A rejected row's warnings would only repeat what its rejection already asks to fix.
      out.warnings.length = warningsBefore;
      continue;
    }
    const [field, key] = demand.externalId !== null ? ["external_id", `ext:${demand.externalId}`] : ["title", `nat:${demand.employer}|${demand.title}|${demand.city ?? ""}`];
    const first = seen(key, row.row);
    if (first !== undefined) {
      out.warnings.length = warningsBefore;
      const column = headerOf.get(field) ?? field;
      const reasons =
        field === "external_id"
          ? { reason_en: `same 外部编号 as row ${first}`, reason_zh: `与第${first}行外部编号重复` }
          : { reason_en: `same employer, title and city as row ${first}: merge them or give each an 外部编号`, reason_zh: `与第${first}行的用人单位、岗位和地点相同：请合并，或为每行填写外部编号` };
      out.rejected.push(issue({ row: row.row, column, value: row.cells[column] ?? "" }, reasons));
      continue;
    }
    out.valid.push(demand);
  }
  return out;
}

const NO_CONTACT = { reason_en: "a phone number or an e-mail address is required", reason_zh: "手机和邮箱至少填写一项" };

/**
 * Parse talent rows. A row is rejected only for its required or key cells: an empty 姓名, no
 * usable contact (手机 or 邮箱; a bad one rejects the row, since a contact identifies the person),
 * or a bad 外部编号. Every other bad cell becomes a warning and its value is left out. A row
 * repeating an earlier row's 外部编号 or 手机 (both unique per tenant) is rejected too.
 */
export function parseTalentRows(table: Table, mapping: Pick<ColumnMapping, "fields">): ParseResult<ParsedTalent> {
  const headerOf = headersByField(table, mapping, "talent", ["name"]);
  const out: ParseResult<ParsedTalent> = { valid: [], rejected: [], warnings: [] };
  const seen = firstSeen();
  for (const row of table.rows) {
    const warningsBefore = out.warnings.length;
    const { read, failed, reject } = rowReader(row, "talent", headerOf, out);
    const talent: ParsedTalent = {
      row: row.row,
      name: read("name", text(100), "", "required"),
      phone: read("phone", parsePhone, null, "key"),
      email: read("email", parseEmail, null, "key"),
      education: read("education", (raw) => parseEducation(raw, "highest"), null),
      school: read("school", text(200), null),
      major: read("major", text(200), null),
      titleLevel: read("title_level", parseTitleLevel, null),
      skillLevel: read("skill_level", parseSkillLevel, null),
      experienceYears: read("experience_years", parseYears, null),
      industries: read("industries", tags, []),
      occupations: read("occupations", tags, []),
      skills: read("skills", tags, []),
      city: read("city", text(100), null),
      originCity: read("origin_city", text(100), null),
      desiredCities: read("desired_cities", tags, []),
      modes: read("modes", parseModes, []),
      salaryExpected: expected(read("salary_expected", parseSalary, null)),
      categoryLevel: read("category_level", parseCategoryLevel, null),
      externalId: read("external_id", text(100), null, "key"),
    };
    if (!failed() && talent.phone === null && talent.email === null) reject(headerOf.has("phone") || !headerOf.has("email") ? "phone" : "email", NO_CONTACT);
    if (failed()) {
      out.warnings.length = warningsBefore;
      continue;
    }
    const keys: [string, string | null][] = [
      ["external_id", talent.externalId],
      ["phone", talent.phone],
    ];
    const clash = keys.flatMap(([field, value]) => {
      const first = value === null ? undefined : seen(`${field}:${value}`, row.row);
      return first === undefined ? [] : [{ field, first }];
    });
    if (clash.length > 0) {
      out.warnings.length = warningsBefore;
      for (const { field, first } of clash) {
        const column = headerOf.get(field) ?? field;
        out.rejected.push(issue({ row: row.row, column, value: row.cells[column] ?? "" }, { reason_en: `same value as row ${first}`, reason_zh: `与第${first}行重复` }));
      }
      continue;
    }
    out.valid.push(talent);
  }
  return out;
}
