import { EDUCATION_LEVELS, ENGAGEMENT_MODES, SKILL_LEVELS, TITLE_LEVELS } from "../../matching/index.ts";
import type { EducationLevel, EngagementMode, SkillLevel, TitleLevel } from "../../matching/index.ts";
import { adjusted, fail, ok, parseList, squash } from "./cells.ts";
import type { CellResult } from "./cells.ts";

/**
 * Enumerated cells: Chinese labels as catalogs write them, or the API's codes. Matching is by
 * keyword, first rule wins, so the more specific label (副教授) is listed before the one it
 * contains (教授).
 */

type Rule<T> = readonly [RegExp, T];

function firstMatch<T>(text: string, rules: readonly Rule<T>[]): T | undefined {
  for (const [pattern, value] of rules) if (pattern.test(text)) return value;
  return undefined;
}

// "本科及以上学历", "全日制硕士研究生" and "大学本科" all carry their level in one keyword.
const QUALIFIERS = /(全日制|统招|普通|第一学历|及其?以上|或以上|以上|学历|学位|\(含\)|含)/gu;
const NO_REQUIREMENT = /^(不限|无|无要求|学历不限|none|any)$/u;
// Below the lowest level the matching core models: no requirement worth filtering on.
const BELOW_ASSOCIATE = /^(中专|中技|技校|职高|高中|初中|小学|中职|secondary|highschool)$/u;

const EDUCATION_RULES: readonly Rule<EducationLevel>[] = [
  [/博士|doctor|phd/u, "doctor"],
  [/硕士|研究生|master|msc/u, "master"],
  [/本科|学士|bachelor/u, "bachelor"],
  [/大专|专科|高职|associate|college/u, "associate"],
];

/**
 * 学历: 大专/专科/高职 → associate, 本科/学士 → bachelor, 硕士/研究生 → master, 博士 → doctor,
 * ignoring 及以上 / 全日制 / 学历. Several levels ("本科/硕士") give the lowest for a demand's
 * minimum (`pick: "lowest"`) or the highest for a talent. 不限 → null; levels below 大专 (中专,
 * 高中, 初中) → null with a warning (the matching core has no lower level); 博士后 → doctor with a
 * warning. Anything else fails with the accepted words.
 */
export function parseEducation(raw: string, pick: "lowest" | "highest" = "lowest"): CellResult<EducationLevel | null> {
  const text = squash(raw).replace(QUALIFIERS, "");
  if (NO_REQUIREMENT.test(text)) return ok(null);
  if (BELOW_ASSOCIATE.test(text)) {
    return adjusted(
      null,
      pick === "lowest"
        ? "below 大专, the lowest level matching knows: recorded as no minimum education (低于大专，按学历不限处理)"
        : "below 大专, the lowest level matching knows: education left blank (低于大专，学历留空)",
    );
  }
  if (/博士后|postdoc/u.test(text)) return adjusted("doctor", "博士后 is a position, not a degree: recorded as 博士 (博士后按博士记录)");
  const found = parseList(text.replace(/[或和及]/gu, "/")).flatMap((part) => {
    const level = firstMatch(part, EDUCATION_RULES);
    return level === undefined ? [] : [EDUCATION_LEVELS.indexOf(level)];
  });
  if (found.length === 0) return fail("unknown education: use 大专, 本科, 硕士 or 博士, or 不限 (学历应为大专/本科/硕士/博士或不限)");
  const index = pick === "lowest" ? Math.min(...found) : Math.max(...found);
  return ok(EDUCATION_LEVELS[index] ?? null);
}

const TITLE_RULES: readonly Rule<TitleLevel>[] = [
  [/^associate_?senior$|副高|副教授|副主任|副研究员|副编审|副译审/u, "associate_senior"],
  [/助理研究员|主治医师|主管护师|主管药师/u, "intermediate"],
  [/^senior$|正高|教授|主任医师|研究员|编审|译审/u, "senior"],
  [/高级/u, "associate_senior"],
  [/^intermediate$|中级/u, "intermediate"],
  [/^junior$|初级|助理|员级|技术员|助教|医士/u, "junior"],
  [/工程师|讲师|会计师|经济师|统计师|医师|农艺师|畜牧师|兽医师/u, "intermediate"],
];

/**
 * 职称: 初级/助理 → junior, 中级 (工程师, 讲师, 主治医师) → intermediate, 副高/副高级/副教授/
 * 副主任医师/高级工程师 → associate_senior, 正高/正高级/教授/主任医师/研究员 → senior; 不限 → null.
 */
export function parseTitleLevel(raw: string): CellResult<TitleLevel | null> {
  const text = squash(raw).replace(QUALIFIERS, "");
  if (NO_REQUIREMENT.test(text) || text === "") return ok(null);
  const level = firstMatch(text, TITLE_RULES);
  return level ? ok(level) : fail(`unknown title: use 初级, 中级, 副高级 or 正高级, or ${TITLE_LEVELS.join("/")} (职称应为初级/中级/副高级/正高级)`);
}

const SKILL_RULES: readonly Rule<SkillLevel>[] = [
  [/^senior_?technician$|高级技师|一级/u, "senior_technician"],
  [/^technician$|技师|二级/u, "technician"],
  [/^advanced$|高级|三级/u, "advanced"],
  [/^intermediate$|中级|四级/u, "intermediate"],
  [/^basic$|初级|五级/u, "basic"],
];

/**
 * 技能等级 (国家职业资格): 初级工/五级 → basic, 中级工/四级 → intermediate, 高级工/三级 →
 * advanced, 技师/二级 → technician, 高级技师/一级 → senior_technician; 不限 → null.
 */
export function parseSkillLevel(raw: string): CellResult<SkillLevel | null> {
  const text = squash(raw)
    .replace(QUALIFIERS, "")
    .replace(/([1-5])级/u, (_m, d: string) => `${"一二三四五"[Number(d) - 1] ?? d}级`);
  if (NO_REQUIREMENT.test(text) || text === "") return ok(null);
  const level = firstMatch(text, SKILL_RULES);
  return level ? ok(level) : fail(`unknown skill level: use 初级工 … 高级技师 or 五级 … 一级, or ${SKILL_LEVELS.join("/")} (技能等级不正确)`);
}

const FLEXIBLE: readonly EngagementMode[] = ["part_time", "project", "consulting"];
const MODE_RULES: readonly Rule<EngagementMode | "flexible">[] = [
  [/柔性|^flexible$/u, "flexible"],
  [/全职|刚性|^full_?time$/u, "full_time"],
  [/兼职|^part_?time$/u, "part_time"],
  [/项目|^project$/u, "project"],
  [/入股|^equity$/u, "equity"],
  [/顾问|咨询|^consulting$/u, "consulting"],
  [/候鸟|季节|^seasonal$/u, "seasonal"],
  [/离岸|^offshore$/u, "offshore"],
  [/银龄|退休|^retired_?expert$/u, "retired_expert"],
];

/**
 * 引进方式, multi-valued: 全职/刚性引进 → full_time, 兼职 → part_time, 项目合作 → project,
 * 技术入股 → equity, 顾问/咨询 → consulting, 候鸟式/季节 → seasonal, 离岸研发 → offshore,
 * 银龄/退休专家 → retired_expert; "柔性引才" alone → part_time, project, consulting. 不限 → [].
 * The first unknown item fails the cell.
 */
export function parseModes(raw: string): CellResult<EngagementMode[]> {
  if (NO_REQUIREMENT.test(squash(raw))) return ok([]);
  const modes = new Set<EngagementMode>();
  for (const item of parseList(raw)) {
    const mode = firstMatch(squash(item), MODE_RULES);
    if (mode === undefined) return fail(`unknown engagement mode "${item}": use 全职, 兼职, 项目合作, 技术入股, 顾问咨询, 候鸟式, 离岸研发, 银龄 or ${ENGAGEMENT_MODES.join("/")} (引进方式不正确)`);
    for (const m of mode === "flexible" ? FLEXIBLE : [mode]) modes.add(m);
  }
  return ok([...modes]);
}

const URGENCY_RULES: readonly Rule<number>[] = [
  [/特急|特别急需|非常紧缺|极度紧缺|十分紧缺|极缺|^critical$/u, 5],
  [/急需|紧急|^urgent$/u, 4],
  [/较紧缺|比较紧缺|较急|^medium$/u, 2],
  [/紧缺|^high$/u, 3],
  [/一般|普通|不急|^low$/u, 1],
];

/**
 * 紧缺程度 on the 1–5 star scale: "★★★" (filled stars counted, ☆ ignored), "3", "3星", "三星";
 * words: 特急/非常紧缺/极度紧缺 → 5, 急需 (also 急需紧缺) → 4, 紧缺 → 3, 较紧缺 → 2, 一般 → 1.
 */
export function parseUrgency(raw: string): CellResult<number> {
  const text = squash(raw);
  const stars = [...text].filter((c) => c === "★" || c === "⭐").length;
  if (stars > 0 && /^[★⭐☆]+$/u.test(text)) return stars <= 5 ? ok(stars) : fail("at most 5 stars (最多5星)");
  const m = /^([1-5一二三四五])(?:星|级|颗星)?$/u.exec(text);
  if (m) return ok("12345".includes(m[1] ?? "") ? Number(m[1]) : "一二三四五".indexOf(m[1] ?? "") + 1);
  const level = firstMatch(text, URGENCY_RULES);
  return level === undefined ? fail("urgency must be 1–5 stars (★★★), or 急需 / 紧缺 / 一般 (紧缺程度应为1-5星)") : ok(level);
}
