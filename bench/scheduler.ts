/** Meeting scheduler: 400 participants × 12 slots × 40 tables, vs. a plain greedy first-fit. */
import { scheduleMeetings } from "../matching/index.ts";
import type { MeetingRequest, ScheduleInput } from "../matching/index.ts";
import { mark, memorySince, timeRuns, wallCpu } from "./measure.ts";
import type { Row } from "./scoring.ts";
import { prng } from "./synthetic.ts";

/** What a team would ship first: by priority, first slot where both are free and a table is left. */
function greedyFirstFit(input: ScheduleInput): number {
  const busy = new Set<string>();
  const used = new Map<string, number>();
  let total = 0;
  const sorted = [...input.requests].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : 1));
  for (const q of sorted) {
    for (const s of input.slots) {
      const ok = (p: string): boolean => !busy.has(`${p}@${s}`) && (input.availability?.get(p)?.includes(s) ?? true);
      if (q.a === q.b || !ok(q.a) || !ok(q.b) || (used.get(s) ?? 0) >= input.tables.length) continue;
      busy.add(`${q.a}@${s}`);
      busy.add(`${q.b}@${s}`);
      used.set(s, (used.get(s) ?? 0) + 1);
      total += q.priority;
      break;
    }
  }
  return total;
}

export function benchScheduler(): Row[] {
  const r = prng(7);
  const slots = Array.from({ length: 12 }, (_, i) => `s${String(i).padStart(2, "0")}`);
  const tables = Array.from({ length: 40 }, (_, i) => `T${String(i).padStart(2, "0")}`);
  const enterprises = Array.from({ length: 200 }, (_, i) => `ent_${i}`);
  const people = Array.from({ length: 200 }, (_, i) => `tal_${i}`);
  const requests: MeetingRequest[] = [];
  const seen = new Set<string>();
  // Each talent wants ~8 meetings; popular enterprises attract more requests (skewed demand).
  for (const p of people) {
    for (let k = 0; k < 8; k++) {
      const e = enterprises[Math.floor(r() ** 2 * enterprises.length)] ?? "ent_0";
      if (seen.has(`${p}|${e}`)) continue;
      seen.add(`${p}|${e}`);
      requests.push({ id: `req_${String(requests.length).padStart(5, "0")}`, a: e, b: p, priority: Math.round(40 + r() * 60) });
    }
  }
  const availability = new Map<string, string[]>();
  for (const p of [...enterprises, ...people]) availability.set(p, slots.filter(() => r() < 0.75));
  const input: ScheduleInput = { requests, slots, tables, availability };
  const m0 = mark();
  const runs = timeRuns(5, () => scheduleMeetings(input));
  const res = runs.result;
  const greedy = greedyFirstFit(input);
  return [
    {
      what: `scheduler: 400 participants × 12 slots × 40 tables, ${requests.length.toLocaleString("en")} requests (median of 5)`,
      value: wallCpu(runs),
      baseline: `${res.meetings.length} meetings, priority ${res.totalPriority.toLocaleString("en")} of upper bound ${res.upperBound.toLocaleString("en")} (greedy first-fit: ${greedy.toLocaleString("en")}); left out: ${res.leftOut.length}`,
    },
    { what: "  memory", value: memorySince(m0) },
  ];
}
