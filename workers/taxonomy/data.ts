/**
 * The shipped taxonomies (data/taxonomy/*.json), indexed on first use and then kept for the life
 * of the isolate or process: nothing is built at import time, so a Worker starts fast.
 */
import areas from "../../data/taxonomy/areas.json" with { type: "json" };
import cities from "../../data/taxonomy/cities.json" with { type: "json" };
import industries from "../../data/taxonomy/industries.json" with { type: "json" };
import occupations from "../../data/taxonomy/occupations.json" with { type: "json" };
import provinces from "../../data/taxonomy/provinces.json" with { type: "json" };
import { buildTaxonomy, type RawRow, type Taxonomy } from "./build.ts";
import { isPlaceholderRegionName, shortIndustryName, shortOccupationName, shortRegionName } from "./normalize.ts";
import {
  INDUSTRY_LEVELS,
  type IndustryLevel,
  OCCUPATION_LEVELS,
  type OccupationLevel,
  REGION_LEVELS,
  type RegionLevel,
  type TaxonomyKind,
  type TaxonomyLevel,
} from "./types.ts";

let industryMemo: Taxonomy<IndustryLevel> | undefined;
let occupationMemo: Taxonomy<OccupationLevel> | undefined;
let regionMemo: Taxonomy<RegionLevel> | undefined;

/** GB/T 4754-2017 industries: sections A–T, then divisions, groups and classes under them. */
export function industryTaxonomy(): Taxonomy<IndustryLevel> {
  industryMemo ??= buildTaxonomy({
    kind: "industries",
    rows: industries satisfies readonly RawRow[],
    levels: INDUSTRY_LEVELS,
    // A section letter sorts before its divisions: A, A01, A011, A0111, …, B, B06.
    sortKey: (r) => (r.level === "section" ? r.code : `${r.section ?? ""}${r.code}`),
    shortName: shortIndustryName,
  });
  return industryMemo;
}

/** 职业分类大典 2022 occupations, with job-board aliases. */
export function occupationTaxonomy(): Taxonomy<OccupationLevel> {
  occupationMemo ??= buildTaxonomy({
    kind: "occupations",
    rows: occupations satisfies readonly RawRow[],
    levels: OCCUPATION_LEVELS,
    sortKey: (r) => r.code,
    shortName: shortOccupationName,
  });
  return occupationMemo;
}

/** The four municipalities (直辖市): provinces whose districts sit under one city-level 市辖区 (1101, …, 5001). */
export const MUNICIPALITIES: ReadonlySet<string> = new Set(["11", "12", "31", "50"]);

/** The city-level code that stands for a municipality as a city: 北京市 → 1101. */
export function municipalCity(province: string): string {
  return `${province}01`;
}

const provinceName = new Map(provinces.map((p) => [p.code, p.name]));

/**
 * A municipality is a city as well as a province: its 市辖区 row carries the municipality's name
 * (1101 北京市), so 北京市 as a 工作地点 is a city with 110108 海淀区 below it.
 */
function cityName(r: { code: string; name: string; parent: string }): string {
  return MUNICIPALITIES.has(r.parent) && r.code === municipalCity(r.parent) ? (provinceName.get(r.parent) ?? r.name) : r.name;
}

/** GB/T 2260 provinces, cities and areas as one tree. */
export function regionTaxonomy(): Taxonomy<RegionLevel> {
  regionMemo ??= buildTaxonomy({
    kind: "regions",
    rows: [
      ...provinces.map((r) => ({ code: r.code, name: r.name, parent: null, level: "province" })),
      ...cities.map((r) => ({ code: r.code, name: cityName(r), parent: r.parent, level: "city" })),
      ...areas.map((r) => ({ code: r.code, name: r.name, parent: r.parent, level: "area" })),
    ],
    levels: REGION_LEVELS,
    sortKey: (r) => r.code,
    shortName: shortRegionName,
    nameable: (r) => !isPlaceholderRegionName(r.name),
  });
  return regionMemo;
}

/** The taxonomy of a kind. */
export function taxonomyOf(kind: TaxonomyKind): Taxonomy<TaxonomyLevel> {
  if (kind === "industries") return industryTaxonomy();
  if (kind === "occupations") return occupationTaxonomy();
  return regionTaxonomy();
}
