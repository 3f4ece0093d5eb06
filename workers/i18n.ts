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
