/**
 * Job families for the relevance evaluation: a title pattern that picks real postings, and
 * talents written by hand in the words a person would use on a profile (often not the words of
 * the posting), so the right answers are known without reading the postings.
 */
export interface Family {
  key: string;
  group: string;
  title: RegExp;
  talents: readonly (readonly string[])[];
  occupation?: string;
}

export const FAMILIES: readonly Family[] = [
  { key: "java", group: "software", title: /java/i, talents: [["Java", "Spring Boot", "MySQL"], ["J2EE开发", "SpringCloud微服务"], ["后端开发", "Java EE", "Redis"], ["Java开发"]], occupation: "2-02-10-03" },
  { key: "frontend", group: "software", title: /前端|h5/i, talents: [["JavaScript", "Vue", "HTML5/CSS3"], ["前端开发", "React"], ["Web前端工程师"], ["TypeScript", "小程序开发"]] },
  { key: "test", group: "software", title: /测试/, talents: [["软件测试", "自动化测试", "Selenium"], ["测试用例设计", "性能测试 LoadRunner"], ["QA", "功能测试"]] },
  { key: "mobile", group: "software", title: /android|安卓|ios/i, talents: [["Android开发", "Kotlin"], ["iOS开发", "Objective-C", "Swift"], ["移动端APP开发"]] },
  { key: "php", group: "software", title: /php/i, talents: [["PHP", "Laravel", "MySQL"], ["ThinkPHP", "Web后端"]] },
  { key: "ops", group: "software", title: /运维/, talents: [["Linux运维", "Shell脚本"], ["DevOps", "Docker", "Kubernetes"], ["系统运维", "网络管理"]] },
  { key: "data", group: "software", title: /数据分析|大数据|数据挖掘|数据仓库/, talents: [["数据分析", "SQL", "Python"], ["Hadoop", "Spark", "大数据开发"], ["数据挖掘", "机器学习"], ["Hive", "数据仓库", "ETL"]] },
  { key: "accounting", group: "finance", title: /会计|财务|出纳|税务/, talents: [["会计核算", "财务报表", "用友"], ["出纳", "税务申报"], ["注册会计师CPA", "审计"], ["财务分析", "成本核算"]] },
  { key: "sales", group: "business", title: /销售|业务员|客户经理/, talents: [["销售", "客户开发", "大客户"], ["市场拓展", "渠道销售"], ["电话销售", "客户维护"]] },
  { key: "operations", group: "business", title: /运营/, talents: [["电商运营", "店铺运营"], ["新媒体运营", "内容运营"], ["用户运营", "活动策划"]] },
  { key: "service", group: "business", title: /客服/, talents: [["客户服务", "售后服务"], ["在线客服", "投诉处理"]] },
  { key: "hr", group: "office", title: /人力资源|人事(专员|主管|经理|助理|文员)|招聘(专员|主管|经理|助理)|hrbp|^hr/i, talents: [["人力资源管理", "招聘"], ["薪酬绩效", "员工关系"], ["HRBP", "培训"]] },
  { key: "admin", group: "office", title: /行政|前台|文员/, talents: [["行政管理", "办公室文员"], ["前台接待", "Office办公软件"], ["行政助理", "文档管理"]] },
  { key: "design", group: "design", title: /设计师|ui|美工|平面设计/i, talents: [["UI设计", "Photoshop", "Sketch"], ["平面设计", "美工", "Illustrator"], ["交互设计", "视觉设计"]] },
  { key: "product", group: "product", title: /产品经理|产品专员/, talents: [["产品经理", "需求分析", "Axure"], ["产品规划", "用户研究"]] },
  { key: "hardware", group: "engineering", title: /嵌入式|硬件|单片机/, talents: [["嵌入式开发", "C语言", "ARM"], ["单片机", "电路设计"], ["硬件工程师", "PCB设计"]] },
  { key: "mechanical", group: "engineering", title: /机械|结构工程师/, talents: [["机械设计", "SolidWorks", "AutoCAD"], ["结构设计", "Pro/E"]] },
  { key: "purchasing", group: "supply", title: /采购|物流|仓管|仓库/, talents: [["采购管理", "供应商管理"], ["物流管理", "仓储管理"]] },
];

/** Profiles unrelated to every family: they should never reach a top 10. */
export const DISTRACTORS: readonly (readonly string[])[] = [
  ["厨师", "中餐烹饪"], ["汽车驾驶", "货运"], ["护理", "临床护理"], ["幼儿教育", "早教"], ["保安", "安防巡逻"],
  ["美容美发", "化妆"], ["酒店管理", "餐饮服务"], ["电焊", "钳工"], ["装修施工", "水电安装"], ["农业技术", "种植"],
  ["翻译", "英语口译"], ["律师", "法律咨询"], ["健身教练", "体能训练"], ["药剂师", "药品调剂"], ["摄影", "后期修图"],
];

/** The family of a title, if exactly one family's pattern matches (ambiguous titles are skipped). */
export function familyOf(title: string): Family | undefined {
  const hits = FAMILIES.filter((f) => f.title.test(title));
  return hits.length === 1 ? hits[0] : undefined;
}
