import { describe, expect, it } from "vitest";
import { zhFieldMessage } from "../../workers/i18n.ts";

describe("field messages in Chinese", () => {
  it.each([
    ["is required", "为必填项"],
    ["unknown query parameter", "未知的查询参数"],
    ["must be one of: json, csv, xlsx", "必须是以下之一：json, csv, xlsx"],
    ["must be at most 100", "必须不大于 100"],
    ["must have at least 1 items", "至少需要 1 项"],
    ["must be an organization id (org_…)", "必须是机构编号（org_…）"],
    ["must be a demand id", "必须是需求编号"],
    ["must be an id of the form dem_…", "必须是 dem_… 形式的编号"],
    ["must be an ISO 8601 UTC time like 2026-07-18T01:00:00Z", "必须是 ISO 8601 时间，如 2026-07-18T01:00:00Z"],
    ["is not a talent id", "不是人才编号"],
  ])("%s → %s", (en, zh) => {
    expect(zhFieldMessage(en)).toBe(zh);
  });

  it("leaves an unknown phrase to the English fallback", () => {
    expect(zhFieldMessage("something new")).toBeNull();
  });
});
