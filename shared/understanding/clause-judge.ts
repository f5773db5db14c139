import shippedModel from './clause-judge-model.json' with { type: 'json' };
import { characterNgrams, type LinearModel, sigmoid, weightsOf } from './linear-model.ts';
import type { Candidate } from './matcher-types.ts';

/**
 * A learned judge of lines that split into clauses: two questions, or one question said twice?
 *
 * The matcher answers the first question of a line and reports the second (`物业费多少？车位多少钱`).
 * Many buyers, though, ask one question in two clauses: a vague opening and the point
 * (`洋房现在能买了吗，拿到预售许可没有`, `贷款咋整啊，哪家银行能办`). There the first clause alone
 * finds the wrong entry, and the whole line the right one. In the kept sets, where the first
 * clause's entry and the whole line's differ, the first is right in 97% of the lines written as two
 * questions, and the whole line in 71% of the others.
 *
 * The judge is a logistic regression over the clauses' character 1- and 2-grams (first and second
 * apart), their lengths, and the three retrievals' scores (first clause, second clause, whole line),
 * and whether the whole line found what the second clause found. It is asked only when both the
 * first clause and the whole line are answerable with different entries, and joins the clauses only
 * when fairly sure. Trained by `npm run train`, before the re-ranker and the gate, which then learn
 * from its decisions.
 */

export interface ClauseJudgeModel extends LinearModel {
  trainedOn: { sets: number; lines: number; matcher: string };
}

/** A line as the matcher read it in clauses. */
export interface ClauseReading {
  /** The clauses that ask, in order, script-normalised with the vocabulary applied. */
  clauses: string[];
  /** The first clause's best entry (answerable). */
  first: Candidate;
  /** The second clause's best entry, if any. */
  second: Candidate | null;
  /** The whole line's best entry (answerable, and not the first clause's). */
  whole: Candidate;
}

export interface ClauseJudge {
  /** Likelihood (0..1) that the clauses ask one question, best answered by the whole line. */
  oneQuestionLikelihood(reading: ClauseReading): number;
}

/** Join only when fairly sure (chosen by leave-packs-out cross-validation). */
export const ONE_QUESTION_ABOVE = 0.8;

/** The features of one reading; the trainer and the runtime share this one definition. */
export function clauseFeatures(reading: ClauseReading): Map<string, number> {
  const [first = '', second = ''] = reading.clauses;
  const features = new Map<string, number>();
  for (const g of characterNgrams(first, 1, 2)) features.set(`f:${g}`, 1);
  for (const g of characterNgrams(second, 1, 2)) features.set(`s:${g}`, 1);
  const lengthBucket = (text: string) => Math.min(Math.floor([...text].length / 4), 5);
  features.set(`len1:${lengthBucket(first)}`, 1);
  features.set(`len2:${lengthBucket(second)}`, 1);
  features.set(`clauses:${Math.min(reading.clauses.length, 3)}`, 1);
  const secondScore = reading.second?.score ?? 0;
  features.set('first', reading.first.score * 2);
  features.set('second', secondScore * 2);
  features.set('whole', reading.whole.score * 2);
  features.set('whole-over-first', (reading.whole.score - reading.first.score) * 5);
  if (reading.second?.entryId === reading.whole.entryId) features.set('whole-is-second', 1);
  return features;
}

export function createClauseJudge(model: ClauseJudgeModel): ClauseJudge {
  const weights = weightsOf(model);
  return {
    oneQuestionLikelihood(reading) {
      let z = model.bias;
      for (const [feature, value] of clauseFeatures(reading)) z += (weights.get(feature) ?? 0) * value;
      return sigmoid(z);
    },
  };
}

/** The model trained on the kept sets, built once per process (a Lambda's init phase). */
export const SHIPPED_CLAUSE_JUDGE: ClauseJudge = createClauseJudge(shippedModel);
