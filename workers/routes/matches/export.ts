import type { ExportTable } from "../../exports/index.ts";
import type { TalentMatchSchema } from "./schema.ts";
import type { z } from "@hono/zod-openapi";

type TalentMatch = z.infer<typeof TalentMatchSchema>;

/** A page of a demand's matches as a table a recruiter prints: who, how well, why; contact details as the caller may see them. */
export function matchesTable(employer: string, position: string, matches: readonly TalentMatch[]): ExportTable {
  const columns = ["单位名称", "岗位名称", "人才编号", "人才姓名", "学历", "专业", "毕业院校", "所在城市", "手机", "邮箱", "匹配度", "单位侧契合度", "人才侧契合度", "匹配理由", "提升建议"];
  const rows = matches.map((m) => [
    employer,
    position,
    m.talent.id,
    m.talent.name,
    m.talent.education,
    m.talent.major,
    m.talent.school,
    m.talent.city,
    m.talent.phone,
    m.talent.email,
    m.score,
    m.enterprise_fit,
    m.talent_fit,
    m.reason_zh,
    m.gaps.map((g) => g.zh).join("；"),
  ]);
  return { sheet: "匹配人才", columns, rows };
}
