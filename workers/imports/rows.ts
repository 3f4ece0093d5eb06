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

/** One bad cell: where it is (row as the user sees it, header as written) and why. */
export interface Rejection {
  row: number;
  column: string;
  value: string;
  reason: string;
}

/** Rows that parsed, and one rejection per bad cell of the rows that did not. */
export interface ParseResult<T> {
  valid: T[];
  rejected: Rejection[];
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

type Reader = <T>(field: string, parse: (raw: string) => CellResult<T>, blank: T, required?: boolean) => T;

/** Parse a row's cells one field at a time, collecting a rejection for each bad one. */
function rowReader(row: TableRow, schema: ImportSchema, headerOf: ReadonlyMap<string, string>, rejected: Rejection[]): { read: Reader; failed: () => boolean } {
  let failed = false;
  const read: Reader = (field, parse, blank, required = false) => {
    const header = headerOf.get(field);
    const raw = header === undefined ? "" : (row.cells[header] ?? "").trim();
    const column = header ?? chineseHeader(schema, field);
    if (raw === "") {
      if (required) {
        failed = true;
        rejected.push({ row: row.row, column, value: "", reason: "required, but empty (必填项为空)" });
      }
      return blank;
    }
    const result = parse(raw);
    if (result.ok) return result.value;
    failed = true;
    rejected.push({ row: row.row, column, value: raw, reason: result.reason });
    return blank;
  };
  return { read, failed: () => failed };
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
 * Parse demand catalog rows. A row with any bad cell (or an empty 岗位名称 / 用人单位) is rejected
 * with one entry per bad cell. A row repeating an earlier row's 外部编号, or — without one — its
 * employer, title and city (the import key), is rejected too: one line per position.
 */
export function parseDemandRows(table: Table, mapping: Pick<ColumnMapping, "fields">): ParseResult<ParsedDemand> {
  const headerOf = headersByField(table, mapping, "demand", ["title", "employer"]);
  const valid: ParsedDemand[] = [];
  const rejected: Rejection[] = [];
  const seen = firstSeen();
  for (const row of table.rows) {
    const { read, failed } = rowReader(row, "demand", headerOf, rejected);
    const demand: ParsedDemand = {
      row: row.row,
      title: read("title", text(200), "", true),
      employer: read("employer", text(200), "", true),
      headcount: read("headcount", parseHeadcount, null),
      minEducation: read("education", (raw) => parseEducation(raw, "lowest"), null),
      minTitle: read("title_level", parseTitleLevel, null),
      minSkillLevel: read("skill_level", parseSkillLevel, null),
      major: read("major", text(200), null),
      minExperienceYears: read("experience_years", parseYears, null),
      industryChain: read("industry_chain", text(100), null),
      industry: read("industry", text(100), null),
      occupation: read("occupation", text(100), null),
      city: read("city", text(100), null),
      ...band(read("salary", parseSalary, null)),
      benefits: read("benefits", tags, []),
      urgency: read("urgency", parseUrgency, null),
      categoryLevel: read("category_level", parseCategoryLevel, null),
      modes: read("modes", parseModes, []),
      requiredSkills: read("skills", tags, []),
      preferredSkills: read("preferred_skills", tags, []),
      description: read("description", text(5000), null),
      validUntil: read("valid_until", parseDate, null),
      externalId: read("external_id", text(100), null),
    };
    if (failed()) continue;
    const [field, key] = demand.externalId !== null ? ["external_id", `ext:${demand.externalId}`] : ["title", `nat:${demand.employer}|${demand.title}|${demand.city ?? ""}`];
    const first = seen(key, row.row);
    if (first !== undefined) {
      const column = headerOf.get(field) ?? field;
      const reason =
        field === "external_id"
          ? `same 外部编号 as row ${first} (与第${first}行外部编号重复)`
          : `same employer, title and city as row ${first}: merge them or give each an 外部编号 (与第${first}行重复)`;
      rejected.push({ row: row.row, column, value: row.cells[column] ?? "", reason });
      continue;
    }
    valid.push(demand);
  }
  return { valid, rejected };
}

/**
 * Parse talent rows. A row with any bad cell (or an empty 姓名) is rejected with one entry per
 * bad cell; so is a row repeating an earlier row's 外部编号 or 手机 (both unique per tenant).
 */
export function parseTalentRows(table: Table, mapping: Pick<ColumnMapping, "fields">): ParseResult<ParsedTalent> {
  const headerOf = headersByField(table, mapping, "talent", ["name"]);
  const valid: ParsedTalent[] = [];
  const rejected: Rejection[] = [];
  const seen = firstSeen();
  for (const row of table.rows) {
    const { read, failed } = rowReader(row, "talent", headerOf, rejected);
    const talent: ParsedTalent = {
      row: row.row,
      name: read("name", text(100), "", true),
      phone: read("phone", parsePhone, null),
      email: read("email", parseEmail, null),
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
      externalId: read("external_id", text(100), null),
    };
    if (failed()) continue;
    const keys: [string, string | null][] = [
      ["external_id", talent.externalId],
      ["phone", talent.phone],
    ];
    const clash = keys.flatMap(([field, value]) => {
      const first = value === null ? undefined : seen(`${field}:${value}`, row.row);
      return first === undefined ? [] : [{ field, first }];
    });
    if (clash.length > 0) {
      for (const { field, first } of clash) {
        const column = headerOf.get(field) ?? field;
        rejected.push({ row: row.row, column, value: row.cells[column] ?? "", reason: `same value as row ${first} (与第${first}行重复)` });
      }
      continue;
    }
    valid.push(talent);
  }
  return { valid, rejected };
}
