import { ImportFileError } from "./errors.ts";

/** Fields of a demand catalog line, in the order of the published template. */
export const DEMAND_FIELDS = [
  "title",
  "employer",
  "headcount",
  "education",
  "title_level",
  "skill_level",
  "major",
  "experience_years",
  "industry_chain",
  "industry",
  "occupation",
  "city",
  "salary",
  "benefits",
  "urgency",
  "category_level",
  "modes",
  "skills",
  "preferred_skills",
  "description",
  "valid_until",
  "external_id",
] as const;
export type DemandField = (typeof DEMAND_FIELDS)[number];

/** Fields of a talent profile row. */
export const TALENT_FIELDS = [
  "name",
  "phone",
  "email",
  "education",
  "school",
  "major",
  "title_level",
  "skill_level",
  "experience_years",
  "industries",
  "occupations",
  "skills",
  "city",
  "origin_city",
  "desired_cities",
  "modes",
  "salary_expected",
  "category_level",
  "external_id",
] as const;
export type TalentField = (typeof TALENT_FIELDS)[number];

export type ImportSchema = "demand" | "talent";

// The first alias of each field is the template's Chinese header. Variants come from real
// catalogs and job boards; the field's own name (title_level, …) is always accepted too.
const DEMAND_ALIASES: Record<DemandField, readonly string[]> = {
  title: ["岗位名称", "岗位", "职位", "职位名称", "需求岗位", "招聘岗位", "岗位名", "job title", "position"],
  employer: ["用人单位", "用人单位名称", "单位名称", "企业名称", "公司名称", "单位", "企业", "公司", "company", "organization"],
  headcount: ["需求人数", "人数", "招聘人数", "需求数量", "计划人数", "拟引进人数", "引进人数", "openings", "vacancies"],
  education: ["学历要求", "最低学历", "学历", "学历学位", "学历学位要求", "min education", "minimum education"],
  title_level: ["职称要求", "职称", "专业技术职称", "professional title", "min title"],
  skill_level: ["技能等级", "技能等级要求", "职业技能等级", "min skill level"],
  major: ["专业要求", "专业", "所学专业", "discipline"],
  experience_years: ["工作经验", "工作年限", "经验要求", "工作经验要求", "工作经历", "experience", "work experience", "years of experience"],
  industry_chain: ["所属产业链", "产业链", "重点产业链", "产业领域"],
  industry: ["行业", "所属行业", "行业类别", "行业分类"],
  occupation: ["职业", "职业类别", "职业分类"],
  city: ["工作地点", "城市", "工作城市", "所在地", "地点", "工作地区", "所在城市", "location", "work location"],
  salary: ["薪酬待遇", "薪酬", "薪资", "薪资待遇", "工资待遇", "工资", "月薪", "薪酬范围", "pay", "compensation"],
  benefits: ["福利待遇", "福利", "其他待遇", "welfare"],
  urgency: ["紧缺程度", "紧急程度", "急需程度", "紧缺度", "急需紧缺程度", "priority"],
  category_level: ["人才类别", "人才层次", "人才分类", "人才等级", "category", "talent category"],
  modes: ["引进方式", "引才方式", "合作方式", "用工形式", "引进形式", "engagement", "engagement modes"],
  skills: ["技能要求", "技能", "专业技能", "技术要求", "关键技能", "required skills"],
  preferred_skills: ["优先技能", "加分技能", "优先条件", "nice to have"],
  description: ["岗位描述", "岗位职责", "职位描述", "工作内容", "岗位说明", "responsibilities"],
  valid_until: ["有效期", "有效期至", "截止日期", "截止时间", "deadline", "expires"],
  external_id: ["外部编号", "岗位编号", "岗位代码", "external id", "ref"],
};

const TALENT_ALIASES: Record<TalentField, readonly string[]> = {
  name: ["姓名", "名字", "full name"],
  phone: ["手机", "手机号", "手机号码", "联系电话", "电话", "联系方式", "mobile", "tel"],
  email: ["邮箱", "电子邮箱", "电子邮件", "邮件", "e-mail"],
  education: ["最高学历", "学历", "学历学位", "highest education"],
  school: ["毕业院校", "毕业学校", "院校", "学校", "university"],
  major: ["专业", "所学专业"],
  title_level: ["职称", "专业技术职称", "professional title"],
  skill_level: ["技能等级", "职业技能等级"],
  experience_years: ["工作年限", "工作经验", "从业年限", "experience", "years of experience"],
  industries: ["行业", "所属行业", "从事行业", "industry"],
  occupations: ["职业", "从事职业", "occupation"],
  skills: ["技能", "专业技能", "特长"],
  city: ["现居城市", "现居住地", "现居地", "所在城市", "城市", "current city"],
  origin_city: ["籍贯", "家乡", "户籍所在地", "户籍", "hometown", "origin"],
  desired_cities: ["意向城市", "期望城市", "意向工作地点", "期望工作地点", "desired city"],
  modes: ["引进方式", "意向引进方式", "合作方式", "engagement modes"],
  salary_expected: ["期望薪酬", "期望薪资", "期望月薪", "期望工资", "expected salary", "salary"],
  category_level: ["人才类别", "人才层次", "人才分类", "category", "talent category"],
  external_id: ["外部编号", "人才编号", "external id", "ref"],
};

const REQUIRED: Record<ImportSchema, readonly string[]> = { demand: ["title", "employer"], talent: ["name"] };

// Columns that carry nothing to import but are in almost every catalog: not worth a warning.
const IGNORED = new Set(["序号", "no", "no.", "#"]);

/**
 * Canonical form of a header: NFKC (full-width → half-width), lower case, without whitespace,
 * `_`/`-`, required-field stars and a trailing unit in brackets ("需求人数（人）" → "需求人数").
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[([【][^)\]】]*[)\]】]\s*$/u, "")
    .replace(/[\s_\-*:：]+/gu, "");
}

function aliasTable(schema: ImportSchema): Map<string, string> {
  const aliases: Record<string, readonly string[]> = schema === "demand" ? DEMAND_ALIASES : TALENT_ALIASES;
  const table = new Map<string, string>();
  for (const [field, names] of Object.entries(aliases)) {
    table.set(normalizeHeader(field), field);
    for (const name of names) table.set(normalizeHeader(name), field);
  }
  return table;
}

const TABLES: Record<ImportSchema, Map<string, string>> = { demand: aliasTable("demand"), talent: aliasTable("talent") };

/** The fields of a schema, in template order. */
export function schemaFields(schema: ImportSchema): readonly string[] {
  return schema === "demand" ? DEMAND_FIELDS : TALENT_FIELDS;
}

/** The template's Chinese header for a field (its first alias). */
export function chineseHeader(schema: ImportSchema, field: string): string {
  const aliases: Record<string, readonly string[]> = schema === "demand" ? DEMAND_ALIASES : TALENT_ALIASES;
  return aliases[field]?.[0] ?? field;
}

/** True when a cell reads like a header of either schema: how a header row is told from a title row. */
export function isKnownHeader(text: string): boolean {
  const key = normalizeHeader(text);
  return key !== "" && (TABLES.demand.has(key) || TABLES.talent.has(key) || IGNORED.has(key));
}

/** Result of matching a file's headers to a schema's fields. */
export interface ColumnMapping {
  /** Header as written in the file → field. */
  fields: Record<string, string>;
  /** Headers that match no field (and were not mapped by the user): their data is ignored. */
  unknownHeaders: string[];
  /** Required fields no header maps to. */
  missingRequired: string[];
  /** Headers ignored because an earlier column already maps to the same field. */
  duplicateHeaders: string[];
}

/**
 * Map headers to fields. `userMapping` (header in file → field, or "" to ignore a column) wins
 * over the built-in aliases; its headers are matched the same forgiving way. A mapping to a field
 * the schema does not have is an ImportFileError ("invalid_mapping").
 */
export function mapColumns(headers: readonly string[], schema: ImportSchema, userMapping?: Record<string, string>): ColumnMapping {
  const table = TABLES[schema];
  const valid = new Set(schemaFields(schema));
  const user = new Map<string, string>();
  for (const [header, field] of Object.entries(userMapping ?? {})) {
    const target = field.trim();
    if (target !== "" && !valid.has(target)) {
      throw new ImportFileError("invalid_mapping", `Column "${header}" is mapped to "${field}", which is not a ${schema} field. Fields: ${[...valid].join(", ")}.`);
    }
    user.set(normalizeHeader(header), target);
  }
  const fields: Record<string, string> = {};
  const taken = new Set<string>();
  const unknownHeaders: string[] = [];
  const duplicateHeaders: string[] = [];
  for (const header of headers) {
    const key = normalizeHeader(header);
    const field = user.has(key) ? user.get(key) : table.get(key);
    if (field === "") continue;
    if (field === undefined) {
      if (!IGNORED.has(key)) unknownHeaders.push(header);
      continue;
    }
    if (taken.has(field)) {
      duplicateHeaders.push(header);
      continue;
    }
    taken.add(field);
    fields[header] = field;
  }
  const missingRequired = REQUIRED[schema].filter((field) => !taken.has(field));
  return { fields, unknownHeaders, missingRequired, duplicateHeaders };
}
