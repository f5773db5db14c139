import type { Candidate } from './matcher-types.ts';
import type { Feature, FeatureExtractor, FeatureKind } from './text-features.ts';

/**
 * Retrieval over a pack's entries by weighted feature overlap. Weights are inverse entry
 * frequencies computed from the pack itself, so a word that names one entry (公摊) outweighs one
 * shared by many (多少). An entry's score mixes how much of the question the entry explains with
 * how close the question is to the entry's best sample question.
 */

export interface IndexedDocument {
  id: string;
  /** Normalised sample questions. */
  questions: string[];
  /** Normalised topic and keywords: count towards coverage, not towards the closest question. */
  cues: string[];
  /** Normalised answer: weak evidence only. */
  answer: string;
}

export interface RetrievalIndex {
  /** Candidates best first (only those with any overlap). */
  rank(features: Feature[]): Candidate[];
  /** For diagnostics: each feature of the text with its weight and whether the entry has it. */
  explain(
    features: Feature[],
    entryId: string,
  ): Array<{ key: string; weight: number; inBag: boolean; inAnswer: boolean }>;
  /** Share of the text's weight that the pack knows at all (0..1). */
  knownShare(features: Feature[]): number;
}

export interface RetrievalTuning {
  kindFactor: Record<FeatureKind, number>;
  /** Unknown characters signal a topic the pack does not cover; unknown bigrams are mostly seams. */
  unknownFactor: Record<FeatureKind, number>;
  lightFactor: number;
  answerFactor: number;
  /**
   * A subject (concept) only the answer names counts this much: terse packs name a subject's
   * other side in the answer alone (得房率 entry: `公摊约22%`).
   */
  answerConceptFactor: number;
  coverageWeight: number;
  /** Features only the text as written has (before the vocabulary) weigh this much. */
  altFactor: number;
}

export const DEFAULT_TUNING: RetrievalTuning = {
  kindFactor: { char: 0.55, bigram: 1, word: 1.2, term: 1.3, concept: 3, cue: 1 },
  unknownFactor: { char: 0.9, bigram: 0.15, word: 0.8, term: 0.8, concept: 0.3, cue: 0.3 },
  lightFactor: 0.25,
  answerFactor: 0.5,
  answerConceptFactor: 0.7,
  coverageWeight: 0.5,
  altFactor: 0.4,
};

export function buildRetrievalIndex(
  documents: IndexedDocument[],
  extractor: FeatureExtractor,
  tuning: RetrievalTuning = DEFAULT_TUNING,
): RetrievalIndex {
  const {
    kindFactor,
    unknownFactor,
    lightFactor,
    answerFactor,
    answerConceptFactor,
    coverageWeight,
    altFactor,
  } = tuning;
  const prepared = documents.map((doc) => {
    const questions = doc.questions.map((q) => extractor.extract(q));
    const bag = new Map<string, Feature>();
    for (const feature of [...questions.flat(), ...doc.cues.flatMap((c) => extractor.extract(c))]) {
      bag.set(feature.key, feature);
    }
    return { doc, questions, bag, answer: extractor.extract(doc.answer) };
  });

  const documentFrequency = new Map<string, number>();
  for (const { bag, answer } of prepared) {
    const keys = new Set([...bag.keys(), ...answer.map((f) => f.key)]);
    for (const key of keys) documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
  }
  const n = documents.length;
  const maxIdf = Math.log(1 + n);
  const weightOf = (feature: Feature): number => {
    const df = documentFrequency.get(feature.key);
    const factor = kindFactor[feature.kind] * (feature.light ? lightFactor : 1);
    // An unknown character inside a recognised word (猫 in 养猫 → 宠物) is explained by that word.
    if (!df)
      return feature.covered ? 0 : maxIdf * factor * (feature.light ? 0.5 : unknownFactor[feature.kind]);
    return Math.log(1 + n / df) * factor;
  };
  // A key's kind and lightness are the same wherever it occurs, and every key here has a document
  // frequency, so one occurrence gives its weight.
  const weightByKey = new Map<string, number>();
  for (const { bag, answer } of prepared) {
    for (const f of bag.values()) if (!weightByKey.has(f.key)) weightByKey.set(f.key, weightOf(f));
    for (const f of answer) if (!weightByKey.has(f.key)) weightByKey.set(f.key, weightOf(f));
  }

  // Inverted lists, so a question only touches the entries and sample questions it shares words with.
  const bagPostings = new Map<string, number[]>();
  const answerPostings = new Map<string, number[]>();
  const questionPostings = new Map<string, number[]>();
  const questionEntry: number[] = [];
  const questionWeight: number[] = [];
  const post = (index: Map<string, number[]>, key: string, value: number) => {
    const list = index.get(key) ?? [];
    list.push(value);
    index.set(key, list);
  };
  prepared.forEach(({ questions, bag, answer }, entryIndex) => {
    for (const key of bag.keys()) post(bagPostings, key, entryIndex);
    for (const key of new Set(answer.map((f) => f.key)))
      if (!bag.has(key)) post(answerPostings, key, entryIndex);
    for (const features of questions) {
      const questionIndex = questionEntry.length;
      questionEntry.push(entryIndex);
      questionWeight.push(
        features.reduce((sum, f) => sum + (weightByKey.get(f.key) ?? 0) * (f.alt ? altFactor : 1), 0),
      );
      for (const key of new Set(features.map((f) => f.key))) post(questionPostings, key, questionIndex);
    }
  });
  const ids = documents.map((d) => d.id);

  const weigh = (feature: Feature) =>
    (weightByKey.get(feature.key) ?? weightOf(feature)) * (feature.alt ? altFactor : 1);

  const bagHit = new Float64Array(n);
  const answerHit = new Float64Array(n);
  const questionHit = new Float64Array(questionEntry.length);
  const bestDice = new Float64Array(n);

  return {
    rank(features) {
      // Scratch arrays are reused across calls (rank is synchronous): a line ranks several clauses,
      // and fresh arrays each time are garbage that shows up as latency spikes.
      bagHit.fill(0);
      answerHit.fill(0);
      questionHit.fill(0);
      bestDice.fill(0);
      let total = 0;
      for (const feature of features) {
        const w = weigh(feature);
        total += w;
        for (const e of bagPostings.get(feature.key) ?? []) bagHit[e]! += w;
        const answerWeight = (feature.kind === 'concept' ? answerConceptFactor : answerFactor) * w;
        for (const e of answerPostings.get(feature.key) ?? []) answerHit[e]! += answerWeight;
        for (const q of questionPostings.get(feature.key) ?? []) questionHit[q]! += w;
      }
      if (total === 0) return [];
      for (let q = 0; q < questionEntry.length; q++) {
        const hit = questionHit[q]!;
        if (hit === 0) continue;
        const e = questionEntry[q]!;
        const dice = (2 * hit) / (total + questionWeight[q]!);
        if (dice > bestDice[e]!) bestDice[e] = dice;
      }
      const candidates: Candidate[] = [];
      for (let e = 0; e < n; e++) {
        if (bagHit[e] === 0 && answerHit[e] === 0) continue;
        const coverage = Math.min(1, (bagHit[e]! + answerHit[e]!) / total);
        const score = coverageWeight * coverage + (1 - coverageWeight) * bestDice[e]!;
        candidates.push({ entryId: ids[e]!, score });
      }
      return candidates.sort((a, b) => b.score - a.score);
    },
    explain(features, entryId) {
      const e = ids.indexOf(entryId);
      return features.map((f) => ({
        key: f.key,
        weight: Number(weigh(f).toFixed(2)),
        inBag: (bagPostings.get(f.key) ?? []).includes(e),
        inAnswer: (answerPostings.get(f.key) ?? []).includes(e),
      }));
    },
    knownShare(features) {
      let known = 0;
      let total = 0;
      for (const feature of features) {
        const w = weigh(feature);
        total += w;
        if (documentFrequency.has(feature.key)) known += w;
      }
      return total === 0 ? 0 : known / total;
    },
  };
}
