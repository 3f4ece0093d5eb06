import type { Context } from "hono";
import type { AppEnv } from "./context.ts";
import type { ErrorCode } from "./errors.ts";

/** The languages problems are written in. Chinese first: the product serves Chinese regions. */
export const LANGS = ["zh", "en"] as const;
export type Lang = (typeof LANGS)[number];

/** Tenant `locale` settings a caller may choose, and the language each one answers in. */
export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** The `Content-Language` a response in each language carries. */
export const CONTENT_LANGUAGE: Record<Lang, Locale> = { zh: "zh-CN", en: "en" };

export function langOfLocale(locale: string | null | undefined): Lang | null {
  if (!locale) return null;
  return languageOfTag(locale);
}

function languageOfTag(tag: string): Lang | null {
  const primary = tag.trim().toLowerCase().split("-")[0];
  if (primary === "zh") return "zh";
  if (primary === "en") return "en";
  return null;
}

/**
 * The language an `Accept-Language` header prefers among ours (q-values respected, `q=0` refused),
 * or null when it names none of them (`*` leaves the choice to the tenant's default).
 */
export function parseAcceptLanguage(header: string | undefined | null): Lang | null {
  if (!header) return null;
  const ranges = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.split(";");
      const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
      const weight = q === undefined ? 1 : Number(q);
      return { lang: languageOfTag(tag), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranges.find((r) => r.lang !== null)?.lang ?? null;
}

/**
 * The language a problem is written in: the request's `Accept-Language`, else the tenant's
 * `locale` (known once the key is resolved), else English (before a tenant is known).
 */
export function requestLang(c: Context<AppEnv>): Lang {
  return parseAcceptLanguage(c.req.header("accept-language")) ?? c.get("tenantLang") ?? "en";
}

/** Chinese titles and descriptions of every error code; the codes themselves stay the machine contract. */
export const ZH_ERROR_TEXT: Record<ErrorCode, { title: string; description: string }> = {
  invalid_parameter: { title: "参数无效", description: "路径、查询或请求头中的参数无效。" },
  malformed_json: { title: "JSON 格式错误", description: "请求体不是有效的 JSON。" },
  unauthorized: { title: "未认证", description: "API 密钥缺失、未知或已吊销。" },
  forbidden: { title: "无权操作", description: "该密钥的角色无权执行此操作。" },
  not_found: { title: "未找到", description: "本租户中没有该资源，或没有该路由。" },
  method_not_allowed: { title: "方法不允许", description: "该路由存在，但不支持此 HTTP 方法。" },
  conflict: { title: "冲突", description: "请求与资源的当前状态冲突。" },
  idempotency_in_progress: { title: "请求处理中", description: "使用相同 Idempotency-Key 的请求仍在处理中。" },
  payload_too_large: { title: "请求体过大", description: "请求体超过大小限制。" },
  unsupported_media_type: { title: "不支持的媒体类型", description: "此路由不接受该请求体的 Content-Type。" },
  rate_limited: { title: "请求过于频繁", description: "当前时间窗口内的请求或认证失败次数过多；请在 Retry-After 秒后重试。" },
  request_header_fields_too_large: { title: "请求头过大", description: "请求行或请求头超过服务器限制（16 KB）；请缩短 URL 或将数据放入请求体。" },
  validation_failed: { title: "校验失败", description: "请求体中有无效字段，见 errors[]。" },
  idempotency_key_reused: { title: "Idempotency-Key 已被使用", description: "该 Idempotency-Key 已用于另一个不同的请求。" },
  internal_error: { title: "服务器内部错误", description: "服务器处理失败；请凭请求编号查询日志。" },
  service_unavailable: { title: "服务不可用", description: "依赖项（数据库、配置）不可用。" },
};

/** Chinese names of the resources `NotFoundError` names. */
const ZH_RESOURCE: Record<string, string> = {
  talent: "人才",
  demand: "需求",
  catalog: "需求目录",
  organization: "机构",
  "API key": "API 密钥",
  allocation: "分配方案",
  introduction: "引荐",
  suggestion: "推荐",
  event: "活动",
  project: "项目",
  signup: "报名",
  "webhook endpoint": "Webhook 端点",
  "webhook delivery": "Webhook 投递",
  tenant: "租户",
  import: "导入",
  meeting: "会面",
};

export function zhResourceName(resource: string): string {
  return ZH_RESOURCE[resource] ?? resource;
}

/** Phrases of field-error messages (validation.ts and the common throw sites) and their Chinese. */
const FIXED_FIELD_MESSAGES: Record<string, string> = {
  "is required": "为必填项",
  "is not a known field": "不是已知字段",
  "is not any of the accepted forms": "不符合任何可接受的格式",
  "has a key that is not accepted": "含有不可接受的键",
  "unknown query parameter": "未知的查询参数",
  "must be a string": "必须是字符串",
  "must be a number": "必须是数字",
  "must be an integer": "必须是整数",
  "must be a boolean": "必须是布尔值",
  "must be an array": "必须是数组",
  "must be an object": "必须是对象",
  "must be a valid cursor": "必须是有效的分页游标",
  "must be after starts_at": "必须晚于 starts_at",
  "must be someone else": "必须是另一个参与方",
  "must be an enterprise organization": "必须是企业机构",
  "must be a GB/T 4754 code prefix": "必须是 GB/T 4754 行业代码或其前缀",
  "must be a 4-digit city code": "必须是 4 位城市代码",
  "must be an occupation code or prefix like 2-02": "必须是职业代码或其前缀，如 2-02",
  "must be a quarter like 2026Q3 (Q1–Q4)": "必须是季度，如 2026Q3（Q1–Q4）",
  "is not one of the event's meeting slots": "不是该活动的会面时段",
  "must not be below salary_min": "不得低于 salary_min",
  "must be an ISO 8601 UTC time": "必须是 ISO 8601 UTC 时间",
  "must be after signup_opens_at": "必须晚于 signup_opens_at",
  "send at least one field to change": "请至少提供一个要修改的字段",
  "must not repeat an event type": "事件类型不得重复",
  "must not repeat a talent": "人才不得重复",
  "must not repeat a table": "桌位不得重复",
  "must fall within the event's starts_at and ends_at": "必须在活动的 starts_at 与 ends_at 之间",
  "must contain a word to search for": "必须包含可搜索的词",
  "must be a mainland mobile number (11 digits starting with 1)": "必须是中国大陆手机号（以 1 开头的 11 位数字）",
  "must be a region code (2, 4 or 6 digits)": "必须是行政区划代码（2、4 或 6 位）",
  "must be a province (2-digit) or city (4-digit) code": "必须是省（2 位）或市（4 位）代码",
  "must be a member of team or the project's owner": "必须是团队成员或项目所有者",
  "must be a GB/T 4754-2017 code (2–4 digits)": "必须是 GB/T 4754-2017 行业代码（2–4 位）",
  "must be a GB/T 2260 code: 2 digits (province), 4 (city) or 6 (county)": "必须是 GB/T 2260 代码：2 位（省）、4 位（市）或 6 位（县）",
  "must be a GB/T 2260 city code (4 digits)": "必须是 GB/T 2260 城市代码（4 位）",
  "must be a 职业分类大典 code like 2-02-06-03": "必须是职业分类大典代码，如 2-02-06-03",
  "must be 8 characters of a check-in code": "必须是 8 位签到码",
  "must be 2–63 lower-case letters, digits or hyphens, starting with a letter or digit": "必须是 2–63 个小写字母、数字或连字符，并以字母或数字开头",
  "is not a talent of this tenant": "不是本租户的人才",
  "is not an organization of this tenant": "不是本租户的机构",
  "is not an occupation code of 职业分类大典 2022": "不是职业分类大典 2022 中的职业代码",
  "is not a GB/T 4754-2017 industry code": "不是 GB/T 4754-2017 行业代码",
  "is not a GB/T 2260 city code": "不是 GB/T 2260 城市代码",
  "holds no confirmed seat at this event": "在本活动中没有已确认的名额",
  "has no team on its profile": "档案中没有团队",
  "give talent_id, organization_id or lead_talent_id": "请提供 talent_id、organization_id 或 lead_talent_id",
  "give exactly one of talent_id and organization_id": "talent_id 与 organization_id 必须且只能提供一个",
  "give at most one of talent_id and organization_id": "talent_id 与 organization_id 至多提供一个",
  "applies to kind=region only": "仅适用于 kind=region",
  "an organization signs up as enterprise or investor": "机构只能以 enterprise 或 investor 身份报名",
  "a talent signs up as talent or team": "人才只能以 talent 或 team 身份报名",
  "must be a talent, organization or project id": "必须是人才、机构或项目编号",
  "must be a talent or organization id": "必须是人才或机构编号",
};

const PATTERN_FIELD_MESSAGES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^must be one of: (.*)$/, (m) => `必须是以下之一：${m[1] ?? ""}`],
  [/^must be at least (\d+) characters long$/, (m) => `长度至少为 ${m[1] ?? ""} 个字符`],
  [/^must be at most (\d+) characters long$/, (m) => `长度至多为 ${m[1] ?? ""} 个字符`],
  [/^must have at least (\d+) items$/, (m) => `至少需要 ${m[1] ?? ""} 项`],
  [/^must have at most (\d+) items$/, (m) => `至多 ${m[1] ?? ""} 项`],
  [/^must be at least (-?[\d.]+)$/, (m) => `必须不小于 ${m[1] ?? ""}`],
  [/^must be at most (-?[\d.]+)$/, (m) => `必须不大于 ${m[1] ?? ""}`],
  [/^must be greater than (-?[\d.]+)$/, (m) => `必须大于 ${m[1] ?? ""}`],
  [/^must be less than (-?[\d.]+)$/, (m) => `必须小于 ${m[1] ?? ""}`],
  [/^must be an id of the form (\w+)…$/, (m) => `必须是 ${m[1] ?? ""}… 形式的编号`],
  [/^must be an? ([a-z ]+) id(?: \((\w+)…\))?$/, (m) => `必须是${zhResourceName(m[1] ?? "")}编号${m[2] ? `（${m[2]}…）` : ""}`],
  [/^must be an ISO 8601 (?:UTC time like|date-time, e\.g\.) (\S+)$/, (m) => `必须是 ISO 8601 时间，如 ${m[1] ?? ""}`],
  [/^is not a (\w+) id$/, (m) => `不是${zhResourceName(m[1] ?? "")}编号`],
];

/** The Chinese of a field-error message, or null when it is not one of the known phrases. */
export function zhFieldMessage(message: string): string | null {
  const fixed = FIXED_FIELD_MESSAGES[message];
  if (fixed) return fixed;
  for (const [pattern, render] of PATTERN_FIELD_MESSAGES) {
    const m = pattern.exec(message);
    if (m) return render(m);
  }
  return null;
}
