import { describe, expect, it } from 'vitest';
import { createMatcher } from '#shared/understanding/create-matcher.ts';
import {
  createDeclineGate,
  GATE_ANSWER_BELOW,
  GATE_ANSWER_MIN_SCORE,
  GATE_DECLINE_ABOVE,
  GATE_PROMISE_BELOW,
  gateFeatures,
  reviewDecision,
  SHIPPED_DECLINE_GATE,
} from '#shared/understanding/decline-gate.ts';
import shippedModel from '#shared/understanding/decline-gate-model.json' with { type: 'json' };
import { evaluateMatcher } from '#shared/understanding/evaluate-matcher.ts';
import type { MatchDecision } from '#shared/understanding/matcher-types.ts';
import { demoPack } from './load-packs.ts';

const answered: MatchDecision = {
  entryId: 'parking-price',
  score: 0.62,
  normalized: '车位多少钱',
  runnerUp: { entryId: 'parking-rent', score: 0.4 },
  declineReason: null,
  secondary: null,
};
const noMatch: MatchDecision = {
  entryId: null,
  score: 0.25,
  normalized: '钱能转顾问微信吗',
  runnerUp: { entryId: 'payment-account', score: 0.25 },
  declineReason: 'no-match',
  secondary: null,
};
/** A gate that always says the same likelihood. */
const fixedGate = (likelihood: number) => ({ likelihood: () => likelihood });

describe('decline gate', () => {
  it('reads the line as character 1- to 3-grams plus what the matcher decided', () => {
    const features = gateFeatures(answered);
    expect(features).toEqual(expect.arrayContaining(['车', '车位', '^车位', '多少钱', '钱$', 'answered']));
    expect(features).toEqual(expect.arrayContaining(['score:12', 'lead:4']));
    expect(features).not.toContain('^');
    expect(gateFeatures(noMatch)).toEqual(expect.arrayContaining(['declined', 'reason:no-match', 'score:5']));
  });

  it('scores a line with the weights of its features', () => {
    const gate = createDeclineGate({
      trainedOn: { sets: 0, lines: 0, matcher: 'test' },
      features: ['车位', 'answered'],
      weights: [-2, -1],
      bias: 1,
    });
    expect(gate.likelihood(answered)).toBeCloseTo(1 / (1 + Math.exp(2)), 6);
  });

  it('withdraws an answer only when nearly sure, and says so', () => {
    expect(reviewDecision(answered, fixedGate(GATE_DECLINE_ABOVE)).entryId).toBe('parking-price');
    const withdrawn = reviewDecision(answered, fixedGate(0.95));
    expect(withdrawn).toMatchObject({
      entryId: null,
      declineReason: 'uncertain',
      runnerUp: { entryId: 'parking-price', score: 0.62 },
      review: { declineLikelihood: 0.95, outcome: 'declined' },
    });
  });

  it('answers a no-match decline with its best entry only when nearly sure the line is in scope', () => {
    expect(reviewDecision(noMatch, fixedGate(GATE_ANSWER_BELOW)).entryId).toBeNull();
    const implausible = {
      ...noMatch,
      runnerUp: { entryId: 'payment-account', score: GATE_ANSWER_MIN_SCORE - 0.01 },
    };
    expect(reviewDecision(implausible, fixedGate(0)).entryId).toBeNull();
    expect(reviewDecision(noMatch, fixedGate(0), { mayAnswer: false }).entryId).toBeNull();
  });

  it('gives a promise on its own word only when all but certain', () => {
    expect(reviewDecision(noMatch, fixedGate(0.1), { promise: true }).entryId).toBeNull();
    expect(reviewDecision(noMatch, fixedGate(GATE_PROMISE_BELOW), { promise: true }).entryId).toBeNull();
    expect(reviewDecision(noMatch, fixedGate(0.01), { promise: true }).entryId).toBe('payment-account');
  });

  it('keeps the decision when the likelihood is not a number', () => {
    expect(reviewDecision(answered, fixedGate(Number.NaN)).entryId).toBe('parking-price');
    expect(reviewDecision(noMatch, fixedGate(Number.NaN)).entryId).toBeNull();
    expect(reviewDecision(noMatch, fixedGate(0.05))).toMatchObject({
      entryId: 'payment-account',
      score: 0.25,
      declineReason: null,
      review: { declineLikelihood: 0.05, outcome: 'answered' },
    });
  });

  it('never overturns a policy decline or an empty line', () => {
    for (const declineReason of ['haggling', 'injection', 'guarantee', 'empty'] as const) {
      const decision = { ...noMatch, declineReason };
      expect(reviewDecision(decision, fixedGate(0)).entryId).toBeNull();
      expect(reviewDecision(decision, fixedGate(0)).declineReason).toBe(declineReason);
    }
  });

  it('refuses a malformed model when it loads', () => {
    const base = { trainedOn: { sets: 0, lines: 0, matcher: 'test' }, bias: 0 };
    expect(() => createDeclineGate({ ...base, features: ['a', 'b'], weights: [1] })).toThrow(/2 features/);
    expect(() => createDeclineGate({ ...base, features: ['a'], weights: [Number.NaN] })).toThrow(
      /not finite/,
    );
    expect(() =>
      createDeclineGate({ ...base, bias: Number.POSITIVE_INFINITY, features: [], weights: [] }),
    ).toThrow(/bias/);
  });

  it('ships a model trained on the kept sets', () => {
    expect(shippedModel.trainedOn.sets).toBeGreaterThanOrEqual(60);
    expect(shippedModel.features.length).toBe(shippedModel.weights.length);
    expect(new Set(shippedModel.features).size).toBe(shippedModel.features.length);
    expect(SHIPPED_DECLINE_GATE.likelihood(answered)).toBeLessThan(0.5);
  });

  it('is part of every match and archived with it, unless the matcher runs without it', () => {
    const withGate = createMatcher(demoPack);
    const withoutGate = createMatcher(demoPack, { declineGate: null });
    // A subject the pack never mentions stays a gap (qinghe-patterns.test.ts has one the gate likes).
    expect(withGate.match('物业费多少').review?.outcome).toBe('kept');
    expect(withoutGate.match('物业费多少').review).toBeUndefined();
    // Shares 维修基金 with an entry, yet asks to skip the fund: the gate withdraws the answer.
    expect(withoutGate.match('维修基金可以不交吗').entryId).toBe('maintenance-fund');
    expect(withGate.match('维修基金可以不交吗')).toMatchObject({ entryId: null, declineReason: 'uncertain' });
  });

  it('does not report as a second question the entry it answered with', () => {
    // Retrieval declines the first clause and names the second's entry; the gate answers with it.
    const always = createMatcher(demoPack, { declineGate: fixedGate(0) });
    const decision = always.match('这楼盖嘞咋样了，盖到几层了？');
    expect(decision).toMatchObject({ entryId: 'construction-progress', secondary: null });
    expect(
      createMatcher(demoPack, { declineGate: null }).match('这楼盖嘞咋样了，盖到几层了？').secondary,
    ).toEqual({
      text: '盖到几层了',
      entryId: 'construction-progress',
    });
  });

  it('is named in the evaluation confusions when it changed the decision', () => {
    const decision = reviewDecision(noMatch, fixedGate(0.004));
    const report = evaluateMatcher({ match: () => decision }, [
      { text: '钱能转顾问微信吗', expect: 'payment-methods', kind: 'paraphrase' },
    ]);
    expect(report.confusions[0]!.detail).toBe('score 0.25, runner-up - 0.00; gate answered (0.004)');
  });
});
