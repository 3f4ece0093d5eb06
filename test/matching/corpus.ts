/**
 * Reads the real job postings in ../shared/data/corpus (tests and benchmarks only; never copied
 * into the repository). Resolved from this file's location so it works from any cwd.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const CORPUS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../../shared/data/corpus");
export const corpusExists = existsSync(join(CORPUS_DIR, "jobs_zhilian_shenzhen_2018.csv"));

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  const [header, ...body] = rows;
  if (header === undefined) return [];
  return body.filter((r) => r.length === header.length).map((r) => Object.fromEntries(header.map((h, i) => [h.replace(/^\uFEFF/, ""), r[i] ?? ""])));
}

/** A posting reduced to what the matcher reads. */
export interface Posting {
  source: string;
  title: string;
  description: string;
  city: string;
  education: string;
  salaryMin?: number;
  salaryMax?: number;
}

/** All postings of the three corpus files, in file order. */
export function loadPostings(): Posting[] {
  const read = (f: string): Record<string, string>[] => parseCsv(readFileSync(join(CORPUS_DIR, f), "utf8"));
  const out: Posting[] = [];
  for (const r of read("jobs_zhilian_shenzhen_2018.csv")) {
    const min = Number(r.salary_min);
    const max = Number(r.salary_max);
    out.push({
      source: "zhilian_shenzhen",
      title: r.job_title ?? "",
      description: r.description_truncated === "True" ? "" : (r.description ?? ""),
      city: r.city ?? "",
      education: r.education ?? "",
      ...(min > 0 ? { salaryMin: min } : {}),
      ...(max > 0 ? { salaryMax: max } : {}),
    });
  }
  for (const r of read("jobs_51job_shanghai.csv")) {
    out.push({ source: "51job_shanghai", title: r.job_title ?? "", description: r.description ?? "", city: r.city ?? "", education: "" });
  }
  for (const r of read("jobs_zhilian_bigdata_multicity.csv")) {
    out.push({ source: "zhilian_bigdata", title: r.title ?? "", description: r.requirements ?? "", city: r.address ?? "", education: r.education ?? "" });
  }
  return out;
}
