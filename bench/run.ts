/**
 * `npm run bench`: the matching core's throughput on synthetic data built from the shipped
 * taxonomy with a seeded PRNG. Prints medians and the naive baseline measured in the same run.
 */
import cities from "../data/taxonomy/cities.json" with { type: "json" };
import industries from "../data/taxonomy/industries.json" with { type: "json" };
import occupations from "../data/taxonomy/occupations.json" with { type: "json" };
import provinces from "../data/taxonomy/provinces.json" with { type: "json" };
import { availableParallelism, cpus, loadavg } from "node:os";
import { buildLexicon, prepareDemand, prepareTalent } from "../matching/index.ts";
import type { TalentProfile } from "../matching/index.ts";
import { benchAllocation } from "./allocation.ts";
import { MB, fmt, mark, memorySince } from "./measure.ts";
import { benchScheduler } from "./scheduler.ts";
import { benchPairs, benchTopK } from "./scoring.ts";
import type { Row } from "./scoring.ts";
import { makeDemand, makeTalent, prng } from "./synthetic.ts";

const TALENTS = Number(process.env.BENCH_TALENTS ?? 200_000);
const DEMANDS = 2_000;
const NOW = Date.UTC(2026, 5, 1);

function print(rows: readonly Row[]): void {
  for (const r of rows) console.log(`${r.what.padEnd(96)} ${r.value}${r.baseline === undefined ? "" : `\n${"".padEnd(6)}baseline/context: ${r.baseline}`}`);
}

// Wall-clock figures are only meaningful on an idle machine: say how busy it was.
const load = (): string => loadavg().map((x) => x.toFixed(2)).join(" ");
console.log(`node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? "?"}), load average ${load()}; talents ${TALENTS.toLocaleString("en")}, demands ${DEMANDS.toLocaleString("en")}`);
const m0 = mark();
let t0 = performance.now();
const lexicon = buildLexicon({ industries, occupations, cities, provinces });
console.log(`lexicon built in ${fmt(performance.now() - t0)}`);

const r = prng(42);
t0 = performance.now();
// Profiles are prepared as they are generated; only a sample of raw profiles is kept (for the
// naive baseline), so the heap delta is what the prepared features cost.
const rawT: TalentProfile[] = [];
const talents = Array.from({ length: TALENTS }, (_, i) => {
  const raw = makeTalent(r, i);
  if (i < 2_000) rawT.push(raw);
  return prepareTalent(raw, lexicon);
});
const prepTMs = performance.now() - t0;
const m1 = mark();
console.log(
  `generated and prepared ${TALENTS.toLocaleString("en")} talents in ${fmt(prepTMs)} (${((prepTMs * 1000) / TALENTS).toFixed(1)} µs each); heap +${MB(m1.heap - m0.heap)} (${((m1.heap - m0.heap) / TALENTS).toFixed(0)} bytes per talent)`,
);
t0 = performance.now();
const rawD = Array.from({ length: DEMANDS }, (_, i) => makeDemand(r, i, NOW));
const demands = rawD.map((d) => prepareDemand(d, lexicon));
console.log(`generated and prepared ${DEMANDS} demands in ${fmt(performance.now() - t0)}; ${memorySince(m0)}`);
console.log("");
print(benchPairs(talents, demands, rawT, rawD, lexicon, NOW));
print(benchTopK(talents, demands, lexicon, NOW));
print(benchAllocation(talents, demands, rawD.map((d) => d.headcount ?? 1), lexicon, NOW));
print(benchScheduler());
console.log(`\nload average at the end: ${load()}`);
