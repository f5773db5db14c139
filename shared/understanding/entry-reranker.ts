import type { ScriptPack } from '../script/pack-schema.ts';
import shippedModel from './entry-reranker-model.json' with { type: 'json' };
import { type LinearModel, characterNgrams as ngrams, sigmoid, weightsOf } from './linear-model.ts';
import type { Candidate, MatchDecision } from './matcher-types.ts';
import { normalizeScript, type TextNormalizer } from './normalize-text.ts';

/**
 * A learned second look at the two best entries.
 *
 * Retrieval weighs a word by how rare it is in the pack; it cannot know which words decide between
 * two close entries (`暖气费一年要交多少`: the heating-fee entry, not the one about heating an empty
 * flat, whose sample question happens to say 暖气费 too). The re-ranker compares the best entry with
 * the runner-up: for each character 1- and 2-gram of the question, whether only one of the two has
 * it in its topic and sample questions (and, apart, in its answer); for each 2-gram of an entry's
 * questions, whether the buyer left it out; the buyer's 2-grams that neither entry has, paired with
 * the 2-grams only one entry's questions have; and the retrieval lead. A logistic regression over these
 * gives the likelihood that the runner-up is the right entry. When it is not sure of the runner-up,
 * it compares the best entry with the candidates ranked third to fifth the same way (their pairs
 * marked `further`, so they need stronger evidence). The words' weights are learned across
 * many packs, so they carry over to a new one: they are about how buyers ask, not about one script.
 *
 * Trained by `npm run train` (after the clause judge, before the decline gate) on the kept labelled sets.
 */

export interface EntryRerankerModel extends LinearModel {
  trainedOn: { sets: number; lines: number; pairs: number; matcher: string };
}

/** An entry as the re-ranker reads it (script-normalised, vocabulary applied). */
export interface RerankEntry {
  questions: string;
  answer: string;
  /** 2-grams of the topic and sample questions, each once. */
  questionBigrams: string[];
  /** The answer is a promise; answering with it archives a commitment record. */
  commitment: boolean;
}

export interface EntryReranker {
  /**
   * Likelihood (0..1) that the runner-up (or the `against` candidate, one of the decision's
   * further ones), not the best entry, answers the line.
   */
  swapLikelihood(
    decision: MatchDecision,
    entries: ReadonlyMap<string, RerankEntry>,
    against?: Candidate,
  ): number | null;
}

/** Swap only when the model is fairly sure (chosen by leave-packs-out cross-validation). */
export const RERANK_SWAP_ABOVE = 0.75;
/**
 * A promise (an entry with `commitment`) is only ever given where retrieval alone would have
 * answered with it: the matcher's acceptance score.
 */
export const COMMITMENT_SWAP_MIN_SCORE = 0.33;

/** The pack's entries as the re-ranker reads them; the trainer and the matcher share this. */
export function rerankEntries(pack: ScriptPack, normalizer: TextNormalizer): Map<string, RerankEntry> {
  const entries = new Map<string, RerankEntry>();
  for (const entry of pack.entries) {
    const questions = [entry.topic, ...entry.questions].map((q) =>
      normalizer.applyVocabulary(normalizeScript(q)),
    );
    const bigrams = new Set<string>();
    for (const q of questions) for (const g of ngrams(q, 2, 2)) bigrams.add(g);
    entries.set(entry.id, {
      questions: questions.join('|'),
      answer: normalizer.applyVocabulary(normalizeScript(entry.answer)),
      questionBigrams: [...bigrams],
      commitment: entry.commitment,
    });
  }
  return entries;
}

const HAN_PAIR = /^\p{Script=Han}{2}$/u;

/**
 * The features of the best entry against the runner-up (or against a further candidate), signed:
 * positive values favour the other one. Null when there is nothing to compare (a decline, or no
 * runner-up).
 */
export function rerankFeatures(
  decision: MatchDecision,
  entries: ReadonlyMap<string, RerankEntry>,
  against: Candidate | null = decision.runnerUp,
  /** Without the word pairs (the runtime weighs those by `pairScore`). */
  { pairs = true }: { pairs?: boolean } = {},
): Map<string, number> | null {
  const best = decision.entryId === null ? undefined : entries.get(decision.entryId);
  const runnerUp = against ? entries.get(against.entryId) : undefined;
  if (!best || !runnerUp || against!.entryId === decision.entryId) return null;
  const features = new Map<string, number>();
  const add = (key: string, value: number) => features.set(key, (features.get(key) ?? 0) + value);
  const text = decision.normalized;
  for (const g of ngrams(text, 1, 2)) {
    const inBest = best.questions.includes(g);
    const inRunnerUp = runnerUp.questions.includes(g);
    if (inBest !== inRunnerUp) add(`q:${g}`, inRunnerUp ? 1 : -1);
    const inBestAnswer = best.answer.includes(g);
    const inRunnerUpAnswer = runnerUp.answer.includes(g);
    if (inBestAnswer !== inRunnerUpAnswer) add(`a:${g}`, inRunnerUpAnswer ? 1 : -1);
  }
  // What an entry's questions ask about and the buyer did not mention speaks against that entry.
  for (const g of best.questionBigrams) if (!text.includes(g)) add(`u:${g}`, 1);
  for (const g of runnerUp.questionBigrams) if (!text.includes(g)) add(`u:${g}`, -1);
  // The buyer's words neither entry has, each paired with the words only one entry's questions
  // have: across packs these learn what buyers say for what a script says (买菜 for 商业配套,
  // 分几期 for 付款方式), which no lexicon lists in full.
  if (pairs)
    for (const g of ngrams(text, 2, 2)) {
      if (!HAN_PAIR.test(g) || best.questions.includes(g) || runnerUp.questions.includes(g)) continue;
      for (const h of best.questionBigrams) if (!runnerUp.questions.includes(h)) add(`x:${g}|${h}`, -1);
      for (const h of runnerUp.questionBigrams) if (!best.questions.includes(h)) add(`x:${g}|${h}`, 1);
    }
  features.set('lead', (decision.score - against!.score) * 10);
  // Retrieval ranked it third or lower: the evidence must be stronger.
  if (against!.entryId !== decision.runnerUp?.entryId) features.set('further', 1);
  return features;
}

/**
 * The word pairs' part of the score, as `rerankFeatures` defines the pairs but visiting only those
 * the model learned (a few of the hundreds a comparison makes), so they cost microseconds.
 */
function pairScore(
  text: string,
  best: RerankEntry,
  other: RerankEntry,
  learned: ReadonlyMap<string, ReadonlyMap<string, number>>,
): number {
  let z = 0;
  for (const g of ngrams(text, 2, 2)) {
    const weights = learned.get(g);
    if (!weights || best.questions.includes(g) || other.questions.includes(g)) continue;
    for (const h of best.questionBigrams) {
      const w = weights.get(h);
      if (w !== undefined && !other.questions.includes(h)) z -= w;
    }
    for (const h of other.questionBigrams) {
      const w = weights.get(h);
      if (w !== undefined && !best.questions.includes(h)) z += w;
    }
  }
  return z;
}

export function createEntryReranker(model: EntryRerankerModel): EntryReranker {
  const weights = weightsOf(model);
  // The pairs' weights by buyer word, then by entry word.
  const pairs = new Map<string, Map<string, number>>();
  for (const [feature, weight] of weights) {
    if (!feature.startsWith('x:')) continue;
    // The buyer's word is Han characters only; the entry's word may itself hold a `|`.
    const bar = feature.indexOf('|', 2);
    const g = feature.slice(2, bar);
    const h = feature.slice(bar + 1);
    const byEntryWord = pairs.get(g) ?? new Map<string, number>();
    byEntryWord.set(h, weight);
    pairs.set(g, byEntryWord);
  }
  return {
    swapLikelihood(decision, entries, against = decision.runnerUp ?? undefined) {
      const features = rerankFeatures(decision, entries, against, { pairs: false });
      if (!features) return null;
      let z = model.bias;
      for (const [feature, value] of features) z += (weights.get(feature) ?? 0) * value;
      z += pairScore(
        decision.normalized,
        entries.get(decision.entryId!)!,
        entries.get(against!.entryId)!,
        pairs,
      );
      return sigmoid(z);
    },
  };
}

/**
 * Answers with the runner-up instead when the re-ranker is fairly sure it is the right entry, or
 * failing that with the first further candidate (ranked third to fifth) it is as sure of. Never with
 * the entry the line's second question already asks (its features come from the whole line), nor
 * with a promise retrieval alone would not have given.
 */
export function rerankDecision(
  decision: MatchDecision,
  entries: ReadonlyMap<string, RerankEntry>,
  reranker: EntryReranker,
): MatchDecision {
  const { entryId, runnerUp } = decision;
  if (entryId === null || runnerUp === null || runnerUp.entryId === entryId) return decision;
  const mayAnswerWith = (candidate: Candidate) => {
    const target = entries.get(candidate.entryId);
    return (
      target !== undefined &&
      candidate.entryId !== decision.secondary?.entryId &&
      (!target.commitment || candidate.score >= COMMITMENT_SWAP_MIN_SCORE)
    );
  };
  const swapTo = (candidate: Candidate, likelihood: number): MatchDecision => ({
    ...decision,
    entryId: candidate.entryId,
    score: candidate.score,
    runnerUp: { entryId, score: decision.score },
    further: decision.further?.filter((c) => c.entryId !== candidate.entryId),
    rerank: { swapLikelihood: round(likelihood), swapped: true },
  });
  const likelihood = reranker.swapLikelihood(decision, entries);
  if (likelihood === null) return decision;
  // Written so that a NaN likelihood never swaps.
  if (likelihood > RERANK_SWAP_ABOVE) {
    if (mayAnswerWith(runnerUp)) return swapTo(runnerUp, likelihood);
  } else if (likelihood <= RERANK_SWAP_ABOVE) {
    for (const candidate of decision.further ?? []) {
      const further = reranker.swapLikelihood(decision, entries, candidate);
      if (further !== null && further > RERANK_SWAP_ABOVE && mayAnswerWith(candidate))
        return swapTo(candidate, further);
    }
  }
  return { ...decision, rerank: { swapLikelihood: round(likelihood), swapped: false } };
}

const round = (likelihood: number) => Math.round(likelihood * 1000) / 1000;

/** The model trained on the kept sets, built once per process (a Lambda's init phase). */
export const SHIPPED_ENTRY_RERANKER: EntryReranker = createEntryReranker(shippedModel);
