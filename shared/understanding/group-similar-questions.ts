import { HOUSING_VOCABULARY, RELATED_CONCEPTS } from './housing-vocabulary.ts';
import { createTextNormalizer } from './normalize-text.ts';
import { createFeatureExtractor } from './text-features.ts';

/**
 * Groups questions by similarity for the script-gaps report, so that a script owner sees
 * `小区能养大型犬吗 ×3` instead of three lines. The same normalisation as the matcher (Traditional,
 * dialect and vocabulary folded), then greedy single-pass clustering on feature overlap: a
 * question joins the first group whose members it resembles enough, else it starts a new one.
 */
export interface QuestionGroup {
  representative: string;
  count: number;
  examples: string[];
}

const MIN_SIMILARITY = 0.4;
const MAX_EXAMPLES = 5;

let shared:
  | { normalize: (t: string) => string; extract: ReturnType<typeof createFeatureExtractor> }
  | undefined;

function tools() {
  if (!shared) {
    const normalizer = createTextNormalizer();
    shared = {
      normalize: normalizer.normalize,
      extract: createFeatureExtractor(Object.keys(HOUSING_VOCABULARY), RELATED_CONCEPTS),
    };
  }
  return shared;
}

/** Weighted Dice overlap of two feature sets; function words count little. */
function similarity(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const [key, w] of a) {
    total += w;
    if (b.has(key)) shared += w;
  }
  for (const [key, w] of b) {
    total += w;
    if (a.has(key)) shared += w;
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

export function groupSimilarQuestions(texts: string[]): QuestionGroup[] {
  const { normalize, extract } = tools();
  const groups: {
    members: { text: string; features: Map<string, number> }[];
    counts: Map<string, number>;
  }[] = [];
  for (const raw of texts) {
    const text = raw.trim();
    if (!text) continue;
    const features = new Map(
      extract
        .extract(normalize(text))
        .filter((f) => f.kind !== 'concept')
        .map((f) => [f.key, (f.light ? 0.2 : 1) * (f.kind === 'char' ? 0.5 : 1)]),
    );
    let best: (typeof groups)[number] | undefined;
    let bestScore = MIN_SIMILARITY;
    for (const group of groups) {
      const score = Math.max(...group.members.map((m) => similarity(features, m.features)));
      if (score >= bestScore) {
        best = group;
        bestScore = score;
      }
    }
    if (!best) {
      best = { members: [], counts: new Map() };
      groups.push(best);
    }
    if (!best.counts.has(text)) best.members.push({ text, features });
    best.counts.set(text, (best.counts.get(text) ?? 0) + 1);
  }
  return groups
    .map((group) => {
      const byFrequency = [...group.counts.entries()].sort((a, b) => b[1] - a[1]);
      return {
        representative: byFrequency[0]![0],
        count: byFrequency.reduce((n, [, c]) => n + c, 0),
        examples: byFrequency.slice(0, MAX_EXAMPLES).map(([t]) => t),
      };
    })
    .sort((a, b) => b.count - a.count);
}
