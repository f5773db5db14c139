import { describe, expect, it } from 'vitest';
import {
  type ClauseReading,
  clauseFeatures,
  createClauseJudge,
  ONE_QUESTION_ABOVE,
} from '#shared/understanding/clause-judge.ts';
import shippedModel from '#shared/understanding/clause-judge-model.json' with { type: 'json' };
import { createMatcher } from '#shared/understanding/create-matcher.ts';
import { demoPack } from './load-packs.ts';

const reading: ClauseReading = {
  clauses: ['交房的时候房子是什么状态', '能先验房吗'],
  first: { entryId: 'delivery-standard', score: 0.56 },
  second: { entryId: 'delivery-inspection', score: 0.7 },
  whole: { entryId: 'delivery-inspection', score: 0.72 },
};
/** A judge that always says the same likelihood, and counts how often it was asked. */
function fixedJudge(likelihood: number) {
  const asked: ClauseReading[] = [];
  return {
    asked,
    oneQuestionLikelihood(r: ClauseReading) {
      asked.push(r);
      return likelihood;
    },
  };
}
const ONE_QUESTION = '交房的时候房子是什么状态，能先验房吗';

describe('clause judge', () => {
  it('reads each clause as character 1- and 2-grams, apart, with the three retrievals', () => {
    const features = clauseFeatures(reading);
    expect(features.get('f:状态')).toBe(1);
    expect(features.get('s:验房')).toBe(1);
    expect(features.has('f:验房')).toBe(false);
    expect(features.get('clauses:2')).toBe(1);
    expect(features.get('whole-over-first')).toBeCloseTo((0.72 - 0.56) * 5, 6);
    expect(features.get('whole-is-second')).toBe(1);
    expect(clauseFeatures({ ...reading, second: null }).has('whole-is-second')).toBe(false);
  });

  it('weighs the features with the model', () => {
    const judge = createClauseJudge({
      trainedOn: { sets: 0, lines: 0, matcher: 'test' },
      features: ['whole-is-second'],
      weights: [2],
      bias: -1,
    });
    expect(judge.oneQuestionLikelihood(reading)).toBeCloseTo(1 / (1 + Math.exp(-1)), 6);
  });

  it('answers from the whole line, with no second question, only when fairly sure', () => {
    const sure = createMatcher(demoPack, { clauseJudge: fixedJudge(0.95) }).match(ONE_QUESTION);
    expect(sure).toMatchObject({ entryId: 'delivery-inspection', secondary: null, split: { joined: true } });
    const unsure = createMatcher(demoPack, { clauseJudge: fixedJudge(ONE_QUESTION_ABOVE) }).match(
      ONE_QUESTION,
    );
    expect(unsure.entryId).not.toBe('delivery-inspection');
    expect(unsure.secondary).toMatchObject({ entryId: 'delivery-inspection' });
    expect(unsure.split).toEqual({ oneQuestionLikelihood: ONE_QUESTION_ABOVE, joined: false });
    const nan = createMatcher(demoPack, { clauseJudge: fixedJudge(Number.NaN) }).match(ONE_QUESTION);
    expect(nan.entryId).toBe(unsure.entryId);
  });

  it('is asked only about lines whose first clause and whole line find different entries', () => {
    const judge = fixedJudge(0.99);
    const matcher = createMatcher(demoPack, { clauseJudge: judge });
    judge.asked.length = 0; // the matcher warms up on the pack's own questions
    expect(matcher.match('物业费一个月多少钱').split).toBeUndefined();
    expect(matcher.match('我想砍价，能便宜点吗').split).toBeUndefined();
    matcher.match(ONE_QUESTION);
    expect(judge.asked).toHaveLength(1);
    expect(judge.asked[0]!.clauses).toEqual(['交房的时候房子是什么状态', '能先验房吗']);
  });

  it('ships a model trained on the kept sets, and the matcher uses it', () => {
    expect(shippedModel.trainedOn.sets).toBeGreaterThanOrEqual(60);
    expect(shippedModel.features.length).toBe(shippedModel.weights.length);
    const matcher = createMatcher(demoPack);
    // A vague opening and the point: one question.
    expect(matcher.match(ONE_QUESTION)).toMatchObject({
      entryId: 'delivery-inspection',
      secondary: null,
      split: { joined: true },
    });
    // Two questions: the first is answered, the second reported.
    expect(matcher.match('物业费多少，车位多少钱')).toMatchObject({
      entryId: 'property-fee',
      secondary: { entryId: 'parking-price' },
      split: { joined: false },
    });
    // Without the judge the first clause alone decides.
    const plain = createMatcher(demoPack, { clauseJudge: null }).match(ONE_QUESTION);
    expect(plain.entryId).not.toBe('delivery-inspection');
    expect(plain.split).toBeUndefined();
  });
});
