import * as z from 'zod';
import type { MatchDecision, Matcher } from './matcher-types.ts';

/**
 * Scores a matcher on a labelled set (`{"text","expect","kind"}` per line): in-scope top-1,
 * decline precision and recall, overall and per-kind accuracy, the confusions, and latency.
 */
export const labelledQuestionSchema = z.looseObject({
  text: z.string().min(1).max(2000),
  expect: z.string().min(1).nullable(),
  kind: z.string().min(1).max(40),
  /**
   * Optional: the second question of a two-question line, as the entry id that answers it (ASCII
   * id: the matcher must name that entry) or as its text (contains Han characters: the matcher must
   * report a second question at all, whether or not the script answers it).
   */
  secondary: z.string().min(1).nullable().optional(),
});
export type LabelledQuestion = z.infer<typeof labelledQuestionSchema>;

/** Parses JSON Lines; throws with the line number of the first bad line. */
export function parseLabelledSet(jsonl: string): LabelledQuestion[] {
  const rows: LabelledQuestion[] = [];
  const lines = jsonl.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (cause) {
      throw new Error(`line ${i + 1}: not valid JSON`, { cause });
    }
    const parsed = labelledQuestionSchema.safeParse(value);
    if (!parsed.success) {
      throw new Error(`line ${i + 1}: ${z.prettifyError(parsed.error).replaceAll('\n', ' ')}`);
    }
    rows.push(parsed.data);
  }
  return rows;
}

export interface Confusion {
  text: string;
  kind: string;
  expected: string | null;
  got: string | null;
  detail: string;
}

export interface EvaluationReport {
  total: number;
  inScope: { total: number; correct: number; accuracy: number };
  decline: { expected: number; declined: number; correct: number; precision: number; recall: number };
  overall: { correct: number; accuracy: number };
  secondary: { total: number; correct: number; accuracy: number };
  perKind: Record<string, { total: number; correct: number; accuracy: number }>;
  confusions: Confusion[];
  latencyMs: { p50: number; p99: number; max: number };
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function percentile(sortedValues: number[], p: number): number {
  if (sortedValues.length === 0) return 0;
  const index = Math.min(sortedValues.length - 1, Math.ceil((p / 100) * sortedValues.length) - 1);
  return sortedValues[Math.max(0, index)]!;
}

const HAN = /\p{Script=Han}/u;

/** Whether the decision reports the labelled second question (an entry id, or the question's text). */
export function secondaryFound(decision: MatchDecision, label: string): boolean {
  if (HAN.test(label)) return decision.secondary !== null;
  return decision.secondary?.entryId === label;
}

/** In-scope top-1 and decline precision/recall over (expected, got) pairs; `null` means declined. */
export function tallyOutcomes(
  outcomes: Iterable<{ expect: string | null; got: string | null }>,
): Pick<EvaluationReport, 'inScope' | 'decline'> {
  let inScopeTotal = 0;
  let inScopeCorrect = 0;
  let declineExpected = 0;
  let declined = 0;
  let declineCorrect = 0;
  for (const { expect, got } of outcomes) {
    if (got === null) declined++;
    if (expect === null) {
      declineExpected++;
      if (got === null) declineCorrect++;
    } else {
      inScopeTotal++;
      if (got === expect) inScopeCorrect++;
    }
  }
  return {
    inScope: { total: inScopeTotal, correct: inScopeCorrect, accuracy: ratio(inScopeCorrect, inScopeTotal) },
    decline: {
      expected: declineExpected,
      declined,
      correct: declineCorrect,
      precision: ratio(declineCorrect, declined),
      recall: ratio(declineCorrect, declineExpected),
    },
  };
}

export function evaluateMatcher(matcher: Matcher, rows: LabelledQuestion[]): EvaluationReport {
  const perKind: EvaluationReport['perKind'] = {};
  const confusions: Confusion[] = [];
  const timings: number[] = [];
  const outcomes: { expect: string | null; got: string | null }[] = [];
  let secondaryTotal = 0;
  let secondaryCorrect = 0;

  for (const row of rows) {
    const start = performance.now();
    const decision: MatchDecision = matcher.match(row.text);
    timings.push(performance.now() - start);
    const got = decision.entryId;
    const ok = got === row.expect;
    const bucket = perKind[row.kind] ?? { total: 0, correct: 0, accuracy: 0 };
    perKind[row.kind] = bucket;
    bucket.total++;
    if (ok) bucket.correct++;
    outcomes.push({ expect: row.expect, got });
    if (row.secondary) {
      secondaryTotal++;
      if (secondaryFound(decision, row.secondary)) secondaryCorrect++;
    }
    if (!ok) {
      const detail =
        got === null
          ? `declined: ${decision.declineReason} (best ${decision.runnerUp?.entryId ?? '-'} ${decision.score.toFixed(2)})`
          : `score ${decision.score.toFixed(2)}, runner-up ${decision.runnerUp?.entryId ?? '-'} ${(decision.runnerUp?.score ?? 0).toFixed(2)}`;
      // What the learned parts changed, so a confusion they caused can be told from the rules'.
      const learned = [
        decision.split?.joined ? `read as one question (${decision.split.oneQuestionLikelihood})` : '',
        decision.rerank?.swapped ? `re-ranked (${decision.rerank.swapLikelihood})` : '',
        decision.review && decision.review.outcome !== 'kept'
          ? `gate ${decision.review.outcome} (${decision.review.declineLikelihood})`
          : '',
      ].filter(Boolean);
      confusions.push({
        text: row.text,
        kind: row.kind,
        expected: row.expect,
        got,
        detail: learned.length > 0 ? `${detail}; ${learned.join(', ')}` : detail,
      });
    }
  }
  for (const bucket of Object.values(perKind)) bucket.accuracy = ratio(bucket.correct, bucket.total);
  const sorted = [...timings].sort((a, b) => a - b);
  const { inScope, decline } = tallyOutcomes(outcomes);
  const correct = inScope.correct + decline.correct;
  return {
    total: rows.length,
    inScope,
    decline,
    overall: { correct, accuracy: ratio(correct, rows.length) },
    secondary: {
      total: secondaryTotal,
      correct: secondaryCorrect,
      accuracy: ratio(secondaryCorrect, secondaryTotal),
    },
    perKind,
    confusions,
    latencyMs: { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? 0 },
  };
}
