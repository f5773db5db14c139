import shippedModel from './decline-gate-model.json' with { type: 'json' };
import { type LinearModel, sigmoid, weightsOf } from './linear-model.ts';
import type { MatchDecision } from './matcher-types.ts';

/**
 * A second opinion on every decision, learned from labelled lines rather than written by hand.
 *
 * The rules and the retrieval see words; they cannot weigh the whole shape of a line the way a
 * reader does (`维修基金可以不交吗` shares 维修基金 with an entry, yet asks to be let off it;
 * `置业顾问让我把钱直接转他微信，这样可以吗` scores low, yet is the payment-account question). The
 * gate is a logistic regression over the line's character 1- to 3-grams (after normalisation, so
 * Traditional, pinyin and dialect arrive already mapped) and over what the matcher decided: answered
 * or declined, the rule's reason, the score and the lead over the runner-up. It gives the likelihood
 * that the line is one the bot must not answer from the script.
 *
 * It is trained by `npm run train` on every labelled set under `test/understanding/`, with the
 * matcher's own decisions as input, so it must be retrained when the matcher changes. It runs in
 * microseconds and calls nothing.
 */

export interface DeclineGateModel extends LinearModel {
  /** What the model was trained on, for the record. */
  trainedOn: { sets: number; lines: number; matcher: string };
}

export interface DeclineGate {
  likelihood(decision: MatchDecision): number;
}

/**
 * Thresholds chosen by leave-packs-out cross-validation (`npm run train -- --folds 6`): an
 * answer is withdrawn only when the gate is nearly sure, and a `no-match` decline is answered with
 * its best entry only when the gate is nearly sure the line is in scope. Policy declines are never
 * overturned: the rules outrank everything learned.
 */
export const GATE_DECLINE_ABOVE = 0.9;
export const GATE_ANSWER_BELOW = 0.2;
/**
 * …and only when retrieval found the entry at least this plausible. In cross-validation fewer than
 * a third of such answers below it were the right entry, and about three in five above it (the
 * matcher's own answers just over its threshold: about two in three). Each of these turns a
 * needless decline into an answer; a wrong one is still approved text, and the matcher never lets
 * the gate answer with a promise (an entry with `commitment`) that retrieval alone declined.
 */
export const GATE_ANSWER_MIN_SCORE = 0.2;
/** A promise (an entry with `commitment`) is given on the gate's word only when it is this sure. */
export const GATE_PROMISE_BELOW = 0.03;

const NGRAM_MAX = 3;

/**
 * The features of one decision; the trainer and the runtime share this one definition. N-grams are
 * at most three characters; the decision's own features are longer, so the two never collide.
 */
export function gateFeatures(decision: MatchDecision): string[] {
  const features = new Set<string>();
  const chars = ['^', ...decision.normalized, '$'];
  for (let n = 1; n <= NGRAM_MAX; n++) {
    for (let i = 0; i + n <= chars.length; i++) {
      if (n === 1 && (i === 0 || i === chars.length - 1)) continue;
      features.add(chars.slice(i, i + n).join(''));
    }
  }
  const bucket = (value: number, max: number) => Math.max(0, Math.min(Math.floor(value * 20), max));
  features.add(decision.entryId ? 'answered' : 'declined');
  if (decision.declineReason) features.add(`reason:${decision.declineReason}`);
  features.add(`score:${bucket(decision.score, 19)}`);
  if (decision.entryId) features.add(`lead:${bucket(decision.score - (decision.runnerUp?.score ?? 0), 10)}`);
  if (decision.secondary) features.add('secondary');
  return [...features];
}

export function createDeclineGate(model: DeclineGateModel): DeclineGate {
  const weights = weightsOf(model);
  return {
    likelihood(decision) {
      let z = model.bias;
      for (const feature of gateFeatures(decision)) z += weights.get(feature) ?? 0;
      return sigmoid(z);
    },
  };
}

/**
 * Applies the gate's opinion to a decision (pure). The gate never touches policy declines, and
 * answers a `no-match` decline only when `mayAnswer` (the matcher's say: a subject the pack never
 * mentions stays a gap, and a promise is never given on the gate's word, however sure it is).
 */
export function reviewDecision(
  decision: MatchDecision,
  gate: DeclineGate,
  { mayAnswer = true, promise = false }: { mayAnswer?: boolean; promise?: boolean } = {},
): MatchDecision {
  const declineLikelihood = gate.likelihood(decision);
  const round = Math.round(declineLikelihood * 1000) / 1000;
  if (decision.entryId !== null && declineLikelihood > GATE_DECLINE_ABOVE) {
    return {
      ...decision,
      entryId: null,
      runnerUp: { entryId: decision.entryId, score: decision.score },
      declineReason: 'uncertain',
      review: { declineLikelihood: round, outcome: 'declined' },
    };
  }
  if (
    mayAnswer &&
    decision.declineReason === 'no-match' &&
    decision.runnerUp !== null &&
    decision.runnerUp.score >= GATE_ANSWER_MIN_SCORE &&
    declineLikelihood < (promise ? GATE_PROMISE_BELOW : GATE_ANSWER_BELOW)
  ) {
    return {
      ...decision,
      entryId: decision.runnerUp.entryId,
      score: decision.runnerUp.score,
      runnerUp: null,
      declineReason: null,
      review: { declineLikelihood: round, outcome: 'answered' },
    };
  }
  return { ...decision, review: { declineLikelihood: round, outcome: 'kept' } };
}

/** The model trained on the kept sets, built once per process (a Lambda's init phase). */
export const SHIPPED_DECLINE_GATE: DeclineGate = createDeclineGate(shippedModel);
