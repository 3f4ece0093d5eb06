import type { EducationLevel, EngagementMode, TitleLevel } from "../../matching/index.ts";

/** A position the demo catalog offers, modelled on real regional catalogs (all names fictional). */
export interface PositionTemplate {
  title: string;
  industry: string;
  occupation: string;
  required: string[];
  preferred: string[];
  education: EducationLevel;
  titleLevel: TitleLevel | null;
  years: number;
  salary: [number, number];
  modes: EngagementMode[];
  major: string;
}

export interface ChainTemplate {
  chain: string;
  employers: string[];
  positions: PositionTemplate[];
}

const p = (
  title: string,
  industry: string,
  occupation: string,
  required: string[],
  preferred: string[],
  education: EducationLevel,
  titleLevel: TitleLevel | null,
  years: number,
  salary: [number, number],
  modes: EngagementMode[],
  major: string,
): PositionTemplate => ({ title, industry, occupation, required, preferred, education, titleLevel, years, salary, modes, major });

/** Ten industry chains of the demo region, each with fictional employers and typical positions. */
export const DEMO_CHAINS: ChainTemplate[] = [
  {
    chain: "煤化工",
    employers: ["鄂尔多斯示范煤化工有限公司", "示范煤制油科技有限公司"],
    positions: [
      p("煤气化工艺工程师", "2522", "2-02-06-03", ["煤气化", "Aspen Plus"], ["DCS", "HAZOP"], "bachelor", "intermediate", 3, [12000, 20000], ["full_time"], "化学工程与工艺"),
      p("煤制烯烃技术研发", "2614", "2-02-06-01", ["催化剂", "烯烃", "反应工程"], ["中试放大"], "master", "associate_senior", 5, [18000, 30000], ["full_time", "project"], "化学工程"),
      p("化工安全工程师", "2614", "2-02-06-03", ["HAZOP", "安全评价"], ["注册安全工程师"], "bachelor", "intermediate", 3, [10000, 16000], ["full_time"], "安全工程"),
      p("化工总控工", "2523", "6-11-01-03", ["DCS操作", "装置开停车"], ["应急处置"], "associate", null, 2, [8000, 12000], ["full_time"], "应用化工技术"),
    ],
  },
  {
    chain: "新能源",
    employers: ["示范新能源装备制造有限公司", "示范风光储能科技有限公司"],
    positions: [
      p("风电场运维工程师", "4415", "6-28-01-06", ["风机运维", "SCADA"], ["高压电工证"], "associate", "junior", 2, [8000, 13000], ["full_time"], "电气工程及其自动化"),
      p("光伏组件工艺工程师", "3825", "6-24-02-04", ["光伏组件", "EL检测", "层压工艺"], ["TOPCon"], "bachelor", "intermediate", 3, [11000, 18000], ["full_time"], "材料物理"),
      p("储能系统研发工程师", "3824", "2-02-09-01", ["储能", "BMS", "电力电子"], ["MATLAB"], "master", "intermediate", 3, [16000, 28000], ["full_time", "offshore"], "电气工程"),
      p("氢能技术首席专家", "4419", "2-02-06-01", ["电解水制氢", "燃料电池"], ["项目管理"], "doctor", "senior", 10, [40000, 60000], ["consulting", "project", "equity"], "化学"),
    ],
  },
  {
    chain: "新材料",
    employers: ["示范碳基新材料有限公司"],
    positions: [
      p("碳纤维材料研发工程师", "3091", "2-02-05-06", ["碳纤维", "复合材料", "材料表征"], ["SEM"], "master", "intermediate", 3, [15000, 25000], ["full_time", "project"], "材料科学与工程"),
      p("石墨负极工艺工程师", "3091", "2-02-05-06", ["石墨化", "负极材料"], ["锂电池"], "bachelor", "intermediate", 3, [12000, 20000], ["full_time"], "无机非金属材料"),
      p("材料检测实验员", "3091", "2-02-19-03", ["材料检测", "XRD"], ["CNAS"], "associate", null, 1, [6000, 9000], ["full_time"], "材料工程技术"),
    ],
  },
  {
    chain: "铝镍硅新材料",
    employers: ["示范铝业新材料有限公司"],
    positions: [
      p("电解铝工艺工程师", "3216", "2-02-05-01", ["电解铝", "冶金工艺"], ["节能降耗"], "bachelor", "intermediate", 5, [12000, 18000], ["full_time"], "冶金工程"),
      p("工业硅冶炼技师", "3216", "6-17-06-04", ["硅冶炼", "矿热炉"], [], "associate", null, 5, [9000, 14000], ["full_time"], "冶金技术"),
      p("铝合金材料研发", "3216", "2-02-05-04", ["铝合金", "热处理", "材料表征"], ["有限元"], "doctor", "associate_senior", 5, [25000, 40000], ["full_time", "part_time", "project"], "材料科学与工程"),
    ],
  },
  {
    chain: "现代装备制造",
    employers: ["示范矿山机械股份有限公司", "示范重型装备有限公司"],
    positions: [
      p("矿山机械设计工程师", "3511", "2-02-07-01", ["SolidWorks", "机械设计", "有限元"], ["液压系统"], "bachelor", "intermediate", 3, [11000, 18000], ["full_time"], "机械设计制造及其自动化"),
      p("焊接工艺工程师", "3511", "2-02-07-09", ["焊接工艺", "WPS"], ["焊接机器人"], "bachelor", "intermediate", 3, [10000, 16000], ["full_time"], "焊接技术与工程"),
      p("数控加工技师", "3511", "6-18-01-07", ["数控编程", "CNC"], ["五轴加工"], "associate", null, 5, [9000, 14000], ["full_time"], "数控技术"),
      p("智能制造系统工程师", "3514", "2-02-07-02", ["PLC编程", "工业机器人", "MES"], ["数字孪生"], "master", "intermediate", 3, [15000, 25000], ["full_time", "offshore"], "机械电子工程"),
    ],
  },
  {
    chain: "绿色农畜产品加工",
    employers: ["示范乳业有限公司", "示范草原肉业有限公司"],
    positions: [
      p("乳品研发工程师", "1441", "2-02-24-00", ["乳品工艺", "发酵乳"], ["HACCP"], "master", "intermediate", 3, [12000, 20000], ["full_time"], "食品科学与工程"),
      p("食品安全质量经理", "1351", "4-03-02-11", ["食品安全", "HACCP", "ISO22000"], [], "bachelor", "intermediate", 5, [12000, 18000], ["full_time"], "食品质量与安全"),
      p("乳品加工技术员", "1441", "6-02-04-01", ["乳品加工", "杀菌工艺"], [], "associate", null, 1, [6000, 9000], ["full_time"], "食品加工技术"),
    ],
  },
  {
    chain: "玉米生物",
    employers: ["示范玉米生物科技有限公司"],
    positions: [
      p("发酵工艺工程师", "1391", "2-02-36-03", ["发酵工程", "菌种选育"], ["代谢工程"], "master", "intermediate", 3, [12000, 20000], ["full_time", "project"], "生物工程"),
      p("淀粉深加工技术主管", "1391", "2-02-24-00", ["淀粉加工", "酶制剂"], [], "bachelor", "intermediate", 5, [10000, 15000], ["full_time"], "食品科学与工程"),
    ],
  },
  {
    chain: "现代中(蒙)医药",
    employers: ["示范蒙药股份有限公司"],
    positions: [
      p("蒙药制剂研发工程师", "2740", "2-02-32-01", ["中药制剂", "质量研究"], ["蒙药"], "master", "intermediate", 3, [12000, 18000], ["full_time", "project"], "中药学"),
      p("中药材种植技术专家", "2730", "5-01-02-05", ["中药材种植", "GAP"], [], "bachelor", "associate_senior", 8, [10000, 16000], ["consulting", "seasonal"], "中药资源与开发"),
      p("执业中药师", "2730", "2-05-06-02", ["中药调剂", "执业药师"], [], "bachelor", "junior", 2, [7000, 11000], ["full_time", "part_time"], "中药学"),
    ],
  },
  {
    chain: "羊绒纺织",
    employers: ["示范绒纺科技股份有限公司"],
    positions: [
      p("羊绒面料设计师", "1722", "4-08-08-02", ["面料设计", "羊绒"], ["色彩搭配"], "bachelor", "intermediate", 3, [9000, 15000], ["full_time", "part_time"], "纺织工程"),
      p("毛纺工艺工程师", "1721", "2-02-23-01", ["纺纱工艺", "毛纺"], ["质量管理"], "bachelor", "intermediate", 5, [10000, 15000], ["full_time"], "纺织工程"),
      p("纺织染色技师", "1722", "6-04-06-02", ["染色工艺", "配色"], [], "associate", null, 3, [7000, 10000], ["full_time"], "染整技术"),
    ],
  },
  {
    chain: "生物医药",
    employers: ["示范生物制药有限公司", "示范市中心医院"],
    positions: [
      p("生物药工艺开发科学家", "2761", "2-02-32-02", ["细胞培养", "蛋白纯化"], ["GMP"], "doctor", "associate_senior", 5, [25000, 40000], ["full_time", "offshore", "equity"], "生物工程"),
      p("药品注册专员", "2710", "2-02-32-01", ["药品注册", "CTD"], [], "master", "intermediate", 3, [12000, 18000], ["full_time"], "药学"),
      p("临床医学数据分析师", "8411", "2-02-30-09", ["Python", "数据分析", "统计学"], ["SAS"], "master", "intermediate", 2, [12000, 20000], ["full_time", "part_time"], "统计学"),
    ],
  },
];
