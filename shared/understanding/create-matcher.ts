import type { ScriptPack } from '../script/pack-schema.ts';
import { findPolicyDecline } from './decline-rules.ts';
import { HOUSING_VOCABULARY, PINYIN_ABBREVIATIONS, RELATED_CONCEPTS } from './housing-vocabulary.ts';
import type { Candidate, DeclineReason, MatchDecision, Matcher } from './matcher-types.ts';
import { createTextNormalizer, vocabularyTerms } from './normalize-text.ts';
import { createPinyinCorrector } from './pinyin-tolerance.ts';
import { buildRetrievalIndex, DEFAULT_TUNING, type RetrievalTuning } from './similarity.ts';
import { looksLikeQuestion, splitQuestions } from './split-questions.ts';
import { createFeatureExtractor } from './text-features.ts';

/** Below this score nothing fits well enough: a wrong answer is worse than a decline. */
export const DEFAULT_MIN_SCORE = 0.38;
/**
 * Subjects sales scripts rarely cover. When the pack does not mention one, a question about it is
 * declined as a gap even if its other words resemble an entry (`小区能养大型犬吗`).
 */
const OUT_OF_SCOPE_WORDS = [
  '宠物',
  '狗',
  '犬',
  '猫',
  '养鱼',
  'wifi',
  '无线网',
  '网速',
  '宽带',
  '抽烟',
  '吸烟',
  '太阳能',
  '热水器',
  '别墅',
  '外卖',
  '快递',
  '装修公司',
  '家具',
  '搬家',
  '保姆',
  '钢琴',
  '广场舞',
  '烧烤',
  '晾衣',
  '洗衣机',
];

/** A homophone correction must explain the question clearly better than the literal text. */
const CORRECTION_PENALTY = 0.97;

export interface MatcherOptions {
  minScore?: number;
  correctionPenalty?: number;
  tuning?: RetrievalTuning;
}

interface Retrieval {
  text: string;
  best: Candidate | null;
  runnerUp: Candidate | null;
}

/**
 * Builds the matcher for one script pack. Everything that depends on the pack (normalised
 * questions, weights, the pinyin index) is computed here, once; `match` is pure and synchronous.
 */
export function createMatcher(pack: ScriptPack, options: MatcherOptions = {}): Matcher {
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const normalizer = createTextNormalizer(pack.synonyms ?? {});
  const documents = pack.entries.map((entry) => ({
    id: entry.id,
    questions: entry.questions.map(normalizer.normalize),
    cues: [entry.topic, ...(entry.keywords ?? [])].map(normalizer.normalize),
    answer: normalizer.normalize(entry.answer),
  }));
  const cueTerms = documents.flatMap((d) => d.cues);
  const extractor = createFeatureExtractor(
    [
      ...Object.keys(HOUSING_VOCABULARY),
      ...Object.keys(pack.synonyms ?? {}).map(normalizer.normalize),
      ...cueTerms,
    ],
    RELATED_CONCEPTS,
  );
  const extractFeatures = (text: string) => extractor.extract(text);
  const index = buildRetrievalIndex(documents, extractor, options.tuning ?? DEFAULT_TUNING);
  const correctionPenalty = options.correctionPenalty ?? CORRECTION_PENALTY;
  const corrector = createPinyinCorrector(
    [...vocabularyTerms(pack.synonyms ?? {}), ...cueTerms],
    PINYIN_ABBREVIATIONS,
  );
  const packText = documents.flatMap((d) => [...d.questions, ...d.cues, d.answer]).join('\n');
  const outOfScope = OUT_OF_SCOPE_WORDS.filter((word) => !packText.includes(word));
  const ownNames = [...new Set([pack.projectName, normalizer.normalize(pack.projectName)])];

  const rankText = (text: string) => index.rank(extractFeatures(text));

  const retrieve = (text: string): Retrieval => {
    let ranked = rankText(text);
    let used = text;
    const corrected = corrector.correct(text);
    if (corrected !== null) {
      const fixed = normalizer.applyVocabulary(corrected);
      const alternative = rankText(fixed);
      const literalTop = ranked[0]?.score ?? 0;
      const correctedTop = (alternative[0]?.score ?? 0) * correctionPenalty;
      if (correctedTop > literalTop) {
        ranked = alternative.map((c) => ({ entryId: c.entryId, score: c.score * correctionPenalty }));
        used = fixed;
      }
    }
    return { text: used, best: ranked[0] ?? null, runnerUp: ranked[1] ?? null };
  };

  // A subject this pack never mentions (pets, Wi-Fi …) is a gap for the next version, not a guess.
  const mentionsOutOfScope = (text: string) => outOfScope.some((word) => text.includes(word));
  const accepted = (r: Retrieval) =>
    r.best !== null && r.best.score >= minScore && !mentionsOutOfScope(r.text);

  const decline = (
    normalized: string,
    reason: DeclineReason,
    r: Retrieval | null,
    secondary: MatchDecision['secondary'] = null,
  ): MatchDecision => ({
    entryId: null,
    score: r?.best?.score ?? 0,
    normalized,
    runnerUp: r?.best ?? null,
    declineReason: reason,
    secondary,
  });

  return {
    match(input) {
      const normalized = normalizer.applyVocabulary(
        corrector.expandAbbreviations(normalizer.normalize(input)),
      );
      if (extractFeatures(normalized).length === 0) {
        const policy = findPolicyDecline(normalized, ownNames);
        return decline(normalized, policy?.reason ?? 'empty', null);
      }
      const policy = findPolicyDecline(normalized, ownNames);
      if (policy) return decline(normalized, policy.reason, retrieve(normalized));

      const clauses = splitQuestions(normalized).filter((c) => extractFeatures(c).length > 0);
      const questions = clauses.filter(looksLikeQuestion);
      const asked = questions.length > 0 ? questions : clauses;
      const whole = retrieve(normalized);
      if (asked.length < 2) {
        if (!accepted(whole)) return decline(whole.text, 'no-match', whole);
        return answer(whole, null);
      }

      const parts = asked.map((clause) => ({ clause, r: retrieve(clause) }));
      const mainIndex = parts.findIndex((p) => accepted(p.r));
      if (mainIndex < 0) {
        if (!accepted(whole)) return decline(whole.text, 'no-match', whole);
        return answer(whole, null);
      }
      const main = parts[mainIndex]!;
      const other = parts.slice(mainIndex + 1).find((p) => p.r.best?.entryId !== main.r.best?.entryId);
      const secondary = other
        ? { text: other.clause, entryId: accepted(other.r) ? (other.r.best?.entryId ?? null) : null }
        : null;
      return answer({ ...main.r, text: normalized }, secondary);
    },
  };

  function answer(r: Retrieval, secondary: MatchDecision['secondary']): MatchDecision {
    return {
      entryId: r.best!.entryId,
      score: r.best!.score,
      normalized: r.text,
      runnerUp: r.runnerUp,
      declineReason: null,
      secondary,
    };
  }
}
