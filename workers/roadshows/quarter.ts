/** A calendar quarter, as organizers report it (`2026Q3`), with its half-open UTC range. */
export interface Quarter {
  label: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  from: string;
  to: string;
}

export const QUARTER_PATTERN = /^(\d{4})Q([1-4])$/;

/** Parses `2026Q3`; null for anything else (`2026Q5`, `2026-Q3`). */
export function parseQuarter(label: string): Quarter | null {
  const m = QUARTER_PATTERN.exec(label);
  if (!m) return null;
  const year = Number(m[1]);
  const q = Number(m[2]) as 1 | 2 | 3 | 4;
  const from = new Date(Date.UTC(year, (q - 1) * 3, 1));
  const to = new Date(Date.UTC(year, q * 3, 1));
  return { label, year, quarter: q, from: from.toISOString(), to: to.toISOString() };
}

/** The quarter an instant falls in. */
export function quarterOf(date: Date): Quarter {
  const q = (Math.floor(date.getUTCMonth() / 3) + 1) as 1 | 2 | 3 | 4;
  const parsed = parseQuarter(`${date.getUTCFullYear()}Q${q}`);
  if (!parsed) throw new Error("unreachable: a computed quarter always parses");
  return parsed;
}
