/**
 * Builds the compact taxonomy the product ships (data/taxonomy/*.json) from the reference data in
 * ../shared/data/taxonomy. Run: `node scripts/build-taxonomy.ts [sourceDir]`.
 * Output keeps only the fields the product reads, one record per line so diffs stay readable.
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const source = resolve(process.argv[2] ?? join(repo, "..", "shared", "data", "taxonomy"));
const out = join(repo, "data", "taxonomy");

interface RawIndustry {
  code: string;
  name: string;
  parent: string | null;
  level: string;
  section: string;
}
interface RawOccupation {
  code: string;
  name: string;
  parent: string | null;
  level: string;
  aliases?: string[];
  placeholder?: boolean;
}
interface RawProvince {
  code: string;
  name: string;
}
interface RawCity {
  code: string;
  name: string;
  provinceCode: string;
}
interface RawArea {
  code: string;
  name: string;
  cityCode: string;
}

function read<T>(path: string): T {
  return JSON.parse(readFileSync(join(source, path), "utf8")) as T;
}

function write(name: string, rows: readonly object[]): void {
  const body = `[\n${rows.map((r) => JSON.stringify(r)).join(",\n")}\n]\n`;
  writeFileSync(join(out, name), body);
  console.log(`${name}: ${rows.length} rows, ${(body.length / 1024).toFixed(0)} KiB`);
}

function byCode<T extends { code: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

mkdirSync(out, { recursive: true });

const industries = read<RawIndustry[]>("gbt4754-2017.json").map((r) => ({
  code: r.code,
  name: r.name,
  parent: r.parent,
  level: r.level,
  section: r.section,
}));
write("industries.json", byCode(industries));

const occupations = read<RawOccupation[]>("occupations-2022.json")
  // Placeholders (military ranks) have no real content; nothing should be matched against them.
  .filter((r) => r.placeholder !== true)
  .map((r) => {
    const aliases = [...new Set((r.aliases ?? []).map((a) => a.trim()).filter((a) => a !== "" && a !== r.name))];
    return aliases.length > 0
      ? { code: r.code, name: r.name, parent: r.parent, level: r.level, aliases }
      : { code: r.code, name: r.name, parent: r.parent, level: r.level };
  });
write("occupations.json", byCode(occupations));

write("provinces.json", byCode(read<RawProvince[]>("admin-divisions/provinces.json").map((r) => ({ code: r.code, name: r.name }))));
write(
  "cities.json",
  byCode(read<RawCity[]>("admin-divisions/cities.json").map((r) => ({ code: r.code, name: r.name, parent: r.provinceCode }))),
);
write(
  "areas.json",
  byCode(read<RawArea[]>("admin-divisions/areas.json").map((r) => ({ code: r.code, name: r.name, parent: r.cityCode }))),
);
