/** Shared output for the HTTP benches: machine line, load average, percentiles, aligned tables. */
import { availableParallelism, cpus, loadavg } from "node:os";

export const load = (): string => loadavg().map((x) => x.toFixed(2)).join(" ");

export function machine(): string {
  return `node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? "?"})`;
}

/** The p-th percentile (nearest rank) of xs. */
export function pct(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? Number.NaN;
}

export const median = (xs: readonly number[]): number => pct(xs, 50);
export const mean = (xs: readonly number[]): number => (xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length);

export const ms = (x: number): string => (Number.isNaN(x) ? "—" : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : x >= 10 ? `${x.toFixed(0)} ms` : `${x.toFixed(1)} ms`);
export const int = (x: number): string => Math.round(x).toLocaleString("en");
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export interface TableRow {
  what: string;
  result: string;
  target?: string;
  baseline?: string;
}

/** A section: a title, the load average when it started and ended, and one line per measure. */
export class Section {
  readonly title: string;
  readonly rows: TableRow[] = [];
  readonly notes: string[] = [];
  private readonly loadStart = load();

  constructor(title: string) {
    this.title = title;
    console.log(`\n== ${title} ==  (${machine()}; load average at start ${this.loadStart})`);
  }

  add(row: TableRow): void {
    this.rows.push(row);
    console.log(`  · ${row.what}: ${row.result}${row.target ? `  [target ${row.target}]` : ""}${row.baseline ? `  [baseline ${row.baseline}]` : ""}`);
  }

  note(text: string): void {
    this.notes.push(text);
    console.log(`  (${text})`);
  }

  /** The table in Markdown, ready for docs/benchmarks.md. */
  print(): void {
    const head = ["what", "result", "target", "baseline, same run"];
    const lines = this.rows.map((r) => [r.what, r.result, r.target ?? "", r.baseline ?? ""]);
    const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => width(l[i] ?? ""))));
    const fmtLine = (cells: string[]) => `| ${cells.map((c, i) => c + " ".repeat(Math.max(0, (widths[i] ?? 0) - width(c)))).join(" | ")} |`;
    console.log(`\n### ${this.title}\n`);
    console.log(fmtLine(head));
    console.log(`| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`);
    for (const l of lines) console.log(fmtLine(l));
    console.log(`\nload average (1/5/15 min): ${this.loadStart} at start, ${load()} at end; ${machine()}.`);
    for (const n of this.notes) console.log(`- ${n}`);
  }
}

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return n;
}
