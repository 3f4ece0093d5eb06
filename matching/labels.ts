/** Bilingual labels for ordinals, modes, components and vetoes. */
import type { ComponentKey, EngagementMode, VetoKey } from "./types.ts";
import { ENGAGEMENT_MODES } from "./types.ts";

export const EDUCATION_ZH = ["", "大专", "本科", "硕士", "博士"] as const;
export const EDUCATION_EN = ["", "associate degree", "bachelor's", "master's", "doctorate"] as const;
export const TITLE_ZH = ["", "初级", "中级", "副高级", "正高级"] as const;
export const TITLE_EN = ["", "junior", "intermediate", "associate senior", "senior"] as const;
export const SKILL_LEVEL_ZH = ["", "初级工", "中级工", "高级工", "技师", "高级技师"] as const;
export const SKILL_LEVEL_EN = ["", "basic", "intermediate", "advanced", "technician", "senior technician"] as const;
export const CATEGORY_ZH = ["未评定", "一类", "二类", "三类", "四类", "五类", "六类", "七类", "八类"] as const;

export const MODE_ZH: Readonly<Record<EngagementMode, string>> = {
  full_time: "全职引进",
  part_time: "兼职",
  project: "项目合作",
  equity: "技术入股",
  consulting: "咨询顾问",
  seasonal: "候鸟式",
  offshore: "离岸研发",
  retired_expert: "银龄专家",
};
export const MODE_EN: Readonly<Record<EngagementMode, string>> = {
  full_time: "full-time",
  part_time: "part-time",
  project: "project",
  equity: "technology equity",
  consulting: "consulting",
  seasonal: "seasonal",
  offshore: "offshore R&D",
  retired_expert: "retired expert",
};

export const COMPONENT_ZH: Readonly<Record<ComponentKey, string>> = {
  skills: "技能",
  industry: "行业",
  occupation: "职业",
  education: "学历",
  qualification: "职称/技能等级",
  experience: "经验",
  category: "人才类别",
  urgency: "急需程度",
  location: "地点",
  mode: "合作方式",
  salary: "薪酬",
};
export const COMPONENT_EN: Readonly<Record<ComponentKey, string>> = {
  skills: "skills",
  industry: "industry",
  occupation: "occupation",
  education: "education",
  qualification: "title/skill level",
  experience: "experience",
  category: "talent category",
  urgency: "urgency",
  location: "location",
  mode: "engagement mode",
  salary: "salary",
};

export const VETO_ZH: Readonly<Record<VetoKey, string>> = {
  education: "学历",
  mode: "合作方式",
  city: "工作城市",
  expired: "有效期",
  filled: "招满",
};

/** Modes set in a bitmask, in canonical order. */
export function modesOf(mask: number): EngagementMode[] {
  return ENGAGEMENT_MODES.filter((_, i) => (mask & (1 << i)) !== 0);
}

export function pct(v: number): string {
  return `${Math.round(v * 100)}%`;
}
