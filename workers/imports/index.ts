/**
 * File-reading layer for catalog and talent imports: bytes → Table → typed rows plus a
 * row/column rejection report. Runtime-agnostic (workerd and Node): no I/O, no framework.
 */
export { readTable, formatOf } from "./read-table.ts";
export type { ReadLimits } from "./read-table.ts";
export type { Table, TableRow, TableFormat } from "./table.ts";
export { DEFAULT_MAX_ROWS } from "./table.ts";
export { ImportFileError } from "./errors.ts";
export type { ImportFileErrorCode } from "./errors.ts";
export { mapColumns, normalizeHeader, isKnownHeader, chineseHeader, schemaFields, DEMAND_FIELDS, TALENT_FIELDS } from "./columns.ts";
export type { ColumnMapping, ImportSchema, DemandField, TalentField } from "./columns.ts";
export {
  parseList,
  parseText,
  parseHeadcount,
  parseYears,
  parseDate,
  parsePhone,
  parseEmail,
  parseCategoryLevel,
  excelSerialToIso,
} from "./cells.ts";
export type { CellResult } from "./cells.ts";
export { parseEducation, parseTitleLevel, parseSkillLevel, parseModes, parseUrgency } from "./enums.ts";
export { parseSalary } from "./salary.ts";
export type { SalaryBand } from "./salary.ts";
export { parseDemandRows, parseTalentRows } from "./rows.ts";
export { bilingual, issue } from "./rows.ts";
export type { ParsedDemand, ParsedTalent, Rejection, Warning, ImportIssue, Suggestion, ParseResult } from "./rows.ts";
export { catalogTemplateXlsx } from "./template.ts";
