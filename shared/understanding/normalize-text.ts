import { normalizeNumbers } from './chinese-numerals.ts';
import { HOUSING_VOCABULARY, vocabularyPairs } from './housing-vocabulary.ts';
import { createPhraseReplacer, type PhraseReplacer } from './phrase-replacer.ts';
import { toSimplifiedChinese } from './traditional-to-simplified.ts';

/**
 * Script-level normalisation: full/half width and compatibility forms (NFKC), case, Traditional →
 * Simplified, Cantonese 係 (is), numerals, percentages and area units. No vocabulary yet.
 */
export function normalizeScript(text: string): string {
  // NFKC turns ㎡ and m² into m2; after a number or a slash (元/㎡) it is the square metre.
  const halfWidth = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(?<=[\d/／每])\s*m2(?![\da-z])/g, '平米');
  // Cantonese 係 means 是; OpenCC would turn it into 系. 關係 (relation) keeps it.
  const cantoneseIs = halfWidth.replace(/(?<![關关联聯])係/g, '是');
  // Hokkien 时会 (when) opening a question: 厝时会交. 同时会, 到时会, 平时会 … keep their meaning.
  const hokkienWhen = toSimplifiedChinese(cantoneseIs).replace(
    /(?<![同到平有届随临当那暂及按准定小每这彼几此])时会(?![所员议长])/g,
    '什么时候',
  );
  return normalizeNumbers(hokkienWhen)
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}

export interface TextNormalizer {
  /** Script normalisation followed by the vocabulary (base plus the pack's synonyms). */
  normalize(text: string): string;
  /** The vocabulary step alone, for text that is already script-normalised. */
  applyVocabulary(text: string): string;
}

/** Builds the normaliser for one pack; `synonyms` maps a canonical term to the words buyers use. */
export function createTextNormalizer(
  synonyms: Readonly<Record<string, readonly string[]>> = {},
): TextNormalizer {
  const basePairs = vocabularyPairs(HOUSING_VOCABULARY);
  const base = createPhraseReplacer(basePairs);
  const packPairs: Array<readonly [string, string]> = [];
  for (const [canonical, variants] of Object.entries(synonyms)) {
    // The pack's canonical may itself be a known variant (管理费): follow it to the base term.
    const target = base.replace(normalizeScript(canonical));
    packPairs.push([normalizeScript(canonical), target]);
    for (const variant of variants) packPairs.push([normalizeScript(variant), target]);
  }
  const replacer: PhraseReplacer = packPairs.length
    ? createPhraseReplacer([...basePairs, ...packPairs])
    : base;
  const applyVocabulary = (text: string) => replacer.replace(text);
  return {
    normalize: (text) => applyVocabulary(normalizeScript(text)),
    applyVocabulary,
  };
}

/** Every vocabulary term (canonical and variant), for the pinyin lexicon. */
export function vocabularyTerms(synonyms: Readonly<Record<string, readonly string[]>> = {}): string[] {
  baseVocabularyTerms ??= termsOf(HOUSING_VOCABULARY, new Set());
  return [...termsOf(synonyms, new Set(baseVocabularyTerms))];
}
/** The maintained vocabulary's terms, normalised once per process rather than once per pack. */
let baseVocabularyTerms: ReadonlySet<string> | undefined;
function termsOf(vocabulary: Readonly<Record<string, readonly string[]>>, terms: Set<string>): Set<string> {
  for (const [canonical, variants] of Object.entries(vocabulary)) {
    terms.add(normalizeScript(canonical));
    for (const variant of variants) terms.add(normalizeScript(variant));
  }
  return terms;
}
