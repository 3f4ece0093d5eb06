/**
 * Relevance on real text: demands are real postings from ../shared/data/corpus (title +
 * description), talents are hand-written profiles per job family (relevant: same family = 2,
 * same group of families = 1, else 0). Reports nDCG@10 and guards it against regressions.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_WEIGHTS, prepareDemand, prepareTalent, topTalents } from "../../matching/index.ts";
import type { TalentFeatures } from "../../matching/index.ts";
import { CORPUS_DIR, corpusExists, loadPostings } from "./corpus.ts";
import { NOW } from "./fixtures.ts";
import { lexicon } from "./lexicon.ts";
import { DISTRACTORS, FAMILIES, familyOf } from "./relevance-families.ts";

/** Measured 0.772 when written; the floor sits a little below to catch regressions, not noise. */
const NDCG_FLOOR = 0.75;
const PER_FAMILY = 8;

function ndcgAt10(gains: readonly number[], ideal: readonly number[]): number {
  const dcg = (g: readonly number[]): number => g.slice(0, 10).reduce((acc, x, i) => acc + (2 ** x - 1) / Math.log2(i + 2), 0);
  const best = dcg([...ideal].sort((a, b) => b - a));
  return best === 0 ? 0 : dcg(gains) / best;
}

if (!corpusExists) console.warn(`relevance evaluation skipped: no corpus at ${CORPUS_DIR}`);

describe.skipIf(!corpusExists)("relevance on real postings (nDCG@10)", () => {
  it("ranks the right talents first", () => {
    const talents: { f: TalentFeatures; family: string; group: string }[] = [];
    let n = 0;
    for (const fam of FAMILIES) {
      fam.talents.forEach((skills, i) => {
        // The first talent of a family with a known occupation also carries its code, as a real profile would.
        const occupationCodes = i === 0 && fam.occupation !== undefined ? [fam.occupation] : [];
        talents.push({ f: prepareTalent({ id: `tal_${String(++n).padStart(3, "0")}`, skills, occupationCodes, education: "doctor", title: "senior", yearsExperience: 20 }, lexicon), family: fam.key, group: fam.group });
      });
    }
    for (const skills of DISTRACTORS) talents.push({ f: prepareTalent({ id: `tal_${String(++n).padStart(3, "0")}`, skills, education: "doctor", title: "senior", yearsExperience: 20 }, lexicon), family: "", group: "" });

    const perFamily = new Map<string, number>();
    const scores: { family: string; ndcg: number }[] = [];
    for (const p of loadPostings()) {
      const fam = familyOf(p.title);
      if (fam === undefined || (perFamily.get(fam.key) ?? 0) >= PER_FAMILY || p.description.length < 20) continue;
      perFamily.set(fam.key, (perFamily.get(fam.key) ?? 0) + 1);
      const d = prepareDemand({ id: `dem_${scores.length}`, title: p.title, description: p.description }, lexicon);
      const grade = (t: (typeof talents)[number]): number => (t.family === fam.key ? 2 : t.group === fam.group ? 1 : 0);
      const gradeById = new Map(talents.map((t) => [t.f.id, grade(t)]));
      const ranked = topTalents(d, talents.map((t) => t.f), 10, DEFAULT_WEIGHTS, NOW);
      scores.push({ family: fam.key, ndcg: ndcgAt10(ranked.map((r) => gradeById.get(r.id) ?? 0), talents.map(grade)) });
    }
    const mean = scores.reduce((a, s) => a + s.ndcg, 0) / scores.length;
    const byFamily = FAMILIES.map((f) => {
      const xs = scores.filter((s) => s.family === f.key);
      return `${f.key} ${xs.length === 0 ? "-" : (xs.reduce((a, s) => a + s.ndcg, 0) / xs.length).toFixed(2)}`;
    });
    console.warn(`nDCG@10 = ${mean.toFixed(3)} over ${scores.length} real postings; per family: ${byFamily.join(", ")}`);
    expect(scores.length).toBeGreaterThanOrEqual(80);
    expect(mean).toBeGreaterThanOrEqual(NDCG_FLOOR);
  });
});
