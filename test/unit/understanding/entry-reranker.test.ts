import { describe, expect, it } from 'vitest';
import { createMatcher } from '#shared/understanding/create-matcher.ts';
import {
  COMMITMENT_SWAP_MIN_SCORE,
  createEntryReranker,
  RERANK_SWAP_ABOVE,
  rerankDecision,
  rerankEntries,
  rerankFeatures,
} from '#shared/understanding/entry-reranker.ts';
import shippedModel from '#shared/understanding/entry-reranker-model.json' with { type: 'json' };
import { sigmoid } from '#shared/understanding/linear-model.ts';
import type { MatchDecision } from '#shared/understanding/matcher-types.ts';
import { createTextNormalizer } from '#shared/understanding/normalize-text.ts';
import { demoPack, devSet } from './load-packs.ts';

const entries = rerankEntries(demoPack, createTextNormalizer(demoPack.synonyms ?? {}));
const decision: MatchDecision = {
  entryId: 'loan-banks',
  score: 0.6,
  normalized: '可以办银行按揭吗',
  runnerUp: { entryId: 'loan-commercial', score: 0.55 },
  declineReason: null,
  secondary: null,
};
/** A re-ranker that always says the same likelihood. */
const fixed = (likelihood: number) => ({ swapLikelihood: () => likelihood });

describe('entry re-ranker', () => {
  it('reads each entry as its normalised topic and questions, answer, and question 2-grams', () => {
    const entry = entries.get('loan-commercial')!;
    expect(entry.questions).toContain('|');
    expect(entry.answer.length).toBeGreaterThan(0);
    expect(entry.questionBigrams.every((g) => [...g].length === 2)).toBe(true);
  });

  it('signs each feature towards the entry that has it, and records the lead', () => {
    const features = rerankFeatures(decision, entries)!;
    expect(features.get('lead')).toBeCloseTo(0.5, 6);
    for (const [key, value] of features) {
      if (!key.startsWith('q:')) continue;
      const g = key.slice(2);
      const inRunnerUp = entries.get('loan-commercial')!.questions.includes(g);
      expect(value, key).toBe(inRunnerUp ? 1 : -1);
    }
  });

  it('pairs the buyer words neither entry has with the words only one entry asks about', () => {
    const worded = { ...decision, normalized: '月供还款能找哪家' };
    const features = rerankFeatures(worded, entries)!;
    const best = entries.get('loan-banks')!;
    const runnerUp = entries.get('loan-commercial')!;
    const pairs = [...features].filter(([key]) => key.startsWith('x:'));
    expect(pairs.length).toBeGreaterThan(0);
    for (const [key, value] of pairs) {
      const [g, h] = key.slice(2).split('|') as [string, string];
      expect(worded.normalized).toContain(g);
      expect(best.questions.includes(g) || runnerUp.questions.includes(g), g).toBe(false);
      expect(best.questions.includes(h) !== runnerUp.questions.includes(h), h).toBe(true);
      expect(value, key).toBe(runnerUp.questions.includes(h) ? 1 : -1);
    }
  });

  it('compares the best entry with a further candidate the same way, marked as further', () => {
    const further = { entryId: 'loan-provident-fund', score: 0.4 };
    const features = rerankFeatures({ ...decision, further: [further] }, entries, further)!;
    expect(features.get('further')).toBe(1);
    expect(features.get('lead')).toBeCloseTo(2, 6);
    expect(rerankFeatures(decision, entries)!.has('further')).toBe(false);
  });

  it('looks further down only when unsure of the runner-up, and takes the first it is sure of', () => {
    const further = [
      { entryId: 'loan-documents', score: 0.45 },
      { entryId: 'loan-provident-fund', score: 0.4 },
    ];
    const deeper = { ...decision, further };
    // Unsure of the runner-up (0.5), sure of the fifth-ranked entry only.
    const byCandidate = (likelihoods: Record<string, number>) => ({
      swapLikelihood: (_d: MatchDecision, _e: unknown, against?: { entryId: string }) =>
        likelihoods[against?.entryId ?? 'loan-commercial'] ?? 0,
    });
    const picked = rerankDecision(
      deeper,
      entries,
      byCandidate({ 'loan-commercial': 0.5, 'loan-provident-fund': 0.9 }),
    );
    expect(picked).toMatchObject({
      entryId: 'loan-provident-fund',
      score: 0.4,
      runnerUp: { entryId: 'loan-banks', score: 0.6 },
      rerank: { swapLikelihood: 0.9, swapped: true },
    });
    // Nor the second question's entry further down.
    const asked = { ...deeper, secondary: { text: '公积金能贷吗', entryId: 'loan-provident-fund' } };
    expect(rerankDecision(asked, entries, byCandidate({ 'loan-provident-fund': 0.9 })).entryId).toBe(
      'loan-banks',
    );
    // Sure of the runner-up: it wins, whatever lies further down.
    expect(
      rerankDecision(deeper, entries, byCandidate({ 'loan-commercial': 0.8, 'loan-documents': 0.99 }))
        .entryId,
    ).toBe('loan-commercial');
    // A NaN never swaps, for the runner-up or further down, and a swap leaves the answer out of `further`.
    expect(rerankDecision(deeper, entries, byCandidate({ 'loan-documents': Number.NaN })).entryId).toBe(
      'loan-banks',
    );
    const nanRunnerUp = byCandidate({ 'loan-commercial': Number.NaN, 'loan-documents': 0.99 });
    expect(rerankDecision(deeper, entries, nanRunnerUp).entryId).toBe('loan-banks');
    expect(picked.further?.map((c) => c.entryId)).toEqual(['loan-documents']);
  });

  it('has nothing to compare on a decline or without a runner-up', () => {
    expect(rerankFeatures({ ...decision, entryId: null, declineReason: 'no-match' }, entries)).toBeNull();
    expect(rerankFeatures({ ...decision, runnerUp: null }, entries)).toBeNull();
    expect(rerankDecision({ ...decision, runnerUp: null }, entries, fixed(1)).rerank).toBeUndefined();
  });

  it('answers with the runner-up only when fairly sure, and keeps the other as runner-up', () => {
    expect(rerankDecision(decision, entries, fixed(RERANK_SWAP_ABOVE))).toMatchObject({
      entryId: 'loan-banks',
      rerank: { swapped: false },
    });
    expect(rerankDecision(decision, entries, fixed(0.9))).toMatchObject({
      entryId: 'loan-commercial',
      score: 0.55,
      runnerUp: { entryId: 'loan-banks', score: 0.6 },
      rerank: { swapLikelihood: 0.9, swapped: true },
    });
  });

  it('never swaps on a likelihood that is not a number', () => {
    expect(rerankDecision(decision, entries, fixed(Number.NaN))).toMatchObject({
      entryId: 'loan-banks',
      rerank: { swapped: false },
    });
  });

  it('does not swap to the entry the second question already asks', () => {
    const twoQuestions = { ...decision, secondary: { text: '商业贷款怎么办', entryId: 'loan-commercial' } };
    expect(rerankDecision(twoQuestions, entries, fixed(0.99)).entryId).toBe('loan-banks');
  });

  it('swaps to a promise only where retrieval alone would have answered with it', () => {
    const promise = [...entries].find(([, e]) => e.commitment)![0];
    const toPromise = (score: number) => ({ ...decision, runnerUp: { entryId: promise, score } });
    expect(rerankDecision(toPromise(COMMITMENT_SWAP_MIN_SCORE - 0.01), entries, fixed(0.99)).entryId).toBe(
      'loan-banks',
    );
    expect(rerankDecision(toPromise(COMMITMENT_SWAP_MIN_SCORE), entries, fixed(0.99)).entryId).toBe(promise);
  });

  it('weighs the signed features with the model', () => {
    const reranker = createEntryReranker({
      trainedOn: { sets: 0, lines: 0, pairs: 0, matcher: 'test' },
      features: ['lead'],
      weights: [-1],
      bias: 0,
    });
    expect(reranker.swapLikelihood(decision, entries)).toBeCloseTo(1 / (1 + Math.exp(0.5)), 6);
  });

  it('weighs only the pairs it learned, with the same result as weighing every feature', () => {
    const reranker = createEntryReranker(shippedModel);
    const weights = new Map(shippedModel.features.map((f, i) => [f, shippedModel.weights[i]!]));
    const plain = createMatcher(demoPack, { clauseJudge: null, reranker: null, declineGate: null });
    let compared = 0;
    for (const { text } of devSet) {
      const d = plain.match(text);
      for (const against of [d.runnerUp, ...(d.further ?? [])]) {
        const features = against && rerankFeatures(d, entries, against);
        if (!features) continue;
        let z = shippedModel.bias;
        for (const [feature, value] of features) z += (weights.get(feature) ?? 0) * value;
        expect(reranker.swapLikelihood(d, entries, against)).toBeCloseTo(sigmoid(z), 9);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('ships a model trained on the kept sets, and the matcher uses it', () => {
    expect(shippedModel.trainedOn.sets).toBeGreaterThanOrEqual(60);
    expect(shippedModel.features.length).toBe(shippedModel.weights.length);
    // Retrieval puts the bank list first; a mortgage question is the commercial-loan entry's.
    const plain = createMatcher(demoPack, { reranker: null, declineGate: null }).match('可以办银行按揭吗');
    expect(plain.entryId).toBe('loan-banks');
    expect(createMatcher(demoPack).match('可以办银行按揭吗')).toMatchObject({
      entryId: 'loan-commercial',
      runnerUp: { entryId: 'loan-banks' },
      rerank: { swapped: true },
    });
  });
});
