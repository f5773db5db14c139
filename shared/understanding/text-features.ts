/**
 * Features of a normalised text for retrieval: Han characters, Han bigrams, ASCII words or
 * numbers, whole vocabulary terms found by longest match, and related concepts. Chinese has no
 * spaces; overlapping bigrams are the classic segmentation-free choice, and the terms add the
 * word boundaries the vocabulary knows.
 */
import { type ConceptTrigger, conceptTriggers } from './housing-concepts.ts';

/** Modal particles and fillers that carry no topic. */
export const STOP_CHARS = new Set([...'的了吗呢吧啊呀哦嘛噻哈呗咯嘞啦喔吖哇噢诶欸嗯么哟呐咧撒']);

/** Function characters and words: they frame a question but rarely decide between entries. */
const LIGHT = new Set([
  ...'我你他她们这那个是有没不能会可以要想就都还也在和跟给把被让对从到为请问一下些么什怎哪谁几多少',
  '什么',
  '怎么',
  '哪个',
  '哪里',
  '有没',
  '没有',
  '能不',
  '不能',
  '可以',
  '是不',
  '不是',
  '这个',
  '那个',
  '我们',
  '你们',
  '一下',
  '多少',
  '什么时候',
  '时候',
  '多少钱',
  '怎么办',
  '为什么',
  '有没有',
  '能不能',
  '是不是',
  '够不够',
  '请问',
  '附近',
  '周边',
  '周围',
  '现在',
  '目前',
  '大概',
  '一般',
  '一共',
  '总共',
]);

/**
 * Characters that make up question words, particles and pronouns. A pinyin window containing one
 * is not a typo of a subject word (`的房` is not `得房`, `几层` is not `几成`, `那天` is not `哪天`).
 */
export const FUNCTION_CHARS = new Set([
  ...STOP_CHARS,
  // 会 frames questions (会不会) but also starts words typed by ear (会锁 → 会所).
  ...[...LIGHT].filter((w) => [...w].length === 1 && w !== '会'),
  // 而 is left out: typists write 幼而园 for 幼儿园.
  ...'咋啥哪几每第各该此其某之与及或若如且并',
]);

/** Words that only frame a question (请问, 我想问) and are dropped before the features. */
const FRAME_WORDS =
  /请问|想问一下|想问下|想问|问一下|问下|咨询一下|我想知道|想了解一下|想了解|了解一下|麻烦问|麻烦|你好|您好|老板|小姐姐|帅哥|美女/g;

const HAN = /\p{Script=Han}/u;
const TOKEN = /\p{Script=Han}+|[a-z]+|\d+(?:\.\d+)?%?/gu;

export type FeatureKind = 'char' | 'bigram' | 'word' | 'term' | 'concept' | 'cue';

export interface Feature {
  key: string;
  kind: FeatureKind;
  /** A function word: weighs little, known or not. */
  light: boolean;
  /** A character or bigram inside a recognised word or concept trigger: explained by it. */
  covered?: boolean;
  /** From the second reading of the text (as written, before the vocabulary): weighs less. */
  alt?: boolean;
}

export function isHan(ch: string): boolean {
  return HAN.test(ch);
}

export interface FeatureExtractor {
  /** Features of `text`; `alternative` (another reading of it) adds the features it lacks, flagged. */
  extract(text: string, alternative?: string): Feature[];
}

interface TrieNode {
  next: Map<string, TrieNode>;
  emits: Array<{ key: string; kind: FeatureKind }>;
  /** Parts of `A+B` triggers ending here: found, but no feature and no word of their own. */
  parts?: string[];
}

/**
 * `terms`: multi-character words worth a feature of their own (vocabulary canonicals, the pack's
 * topics and keywords). `concepts`: concept → trigger substrings (`A+B`: both must occur).
 * `cues`: kinds of question (how much, when …), the same way but weighed as cues. Every word is
 * found wherever it starts (all matches, overlapping), in one pass over the text.
 */
export function createFeatureExtractor(
  terms: Iterable<string>,
  concepts: Readonly<Record<string, readonly string[]>> = {},
  cues: Readonly<Record<string, readonly string[]>> = {},
): FeatureExtractor {
  const root: TrieNode = { next: new Map(), emits: [] };
  const nodeOf = (word: string) => {
    let node = root;
    for (const ch of word) {
      let child = node.next.get(ch);
      if (!child) {
        child = { next: new Map(), emits: [] };
        node.next.set(ch, child);
      }
      node = child;
    }
    return node;
  };
  const addWord = (word: string, key: string, kind: FeatureKind) => {
    const node = nodeOf(word);
    if (!node.emits.some((e) => e.key === key)) node.emits.push({ key, kind });
  };
  for (const term of terms) {
    if ([...term].length >= 2 && [...term].every((c) => HAN.test(c)) && !LIGHT.has(term))
      addWord(term, `@${term}`, 'term');
  }
  const compound: Array<ConceptTrigger & { key: string; kind: FeatureKind }> = [];
  for (const [lexicon, prefix, kind] of [
    [concepts, '~', 'concept'],
    [cues, '?', 'cue'],
  ] as const) {
    for (const trigger of conceptTriggers(lexicon)) {
      const key = `${prefix}${trigger.concept}`;
      if (trigger.parts.length === 1) addWord(trigger.parts[0]!, key, kind);
      else {
        compound.push({ ...trigger, key, kind });
        for (const part of trigger.parts) {
          const node = nodeOf(part);
          node.parts ??= [];
          if (!node.parts.includes(part)) node.parts.push(part);
        }
      }
    }
  }

  const extractOne = (text: string, seen: Map<string, Feature>, alt: boolean) => {
    const add = (key: string, kind: FeatureKind, light = false, covered = false) => {
      const existing = seen.get(key);
      if (!existing) seen.set(key, { key, kind, light, covered, alt });
      else if (existing.covered && !covered) existing.covered = false;
    };
    const cleaned = text.replace(FRAME_WORDS, ' ');
    const covered = new Uint8Array(cleaned.length);
    const foundParts = new Set<string>();
    for (let i = 0; i < cleaned.length; i++) {
      let node: TrieNode | undefined = root;
      for (let j = i; j < cleaned.length; j++) {
        node = node.next.get(cleaned[j]!);
        if (!node) break;
        if (node.parts) for (const part of node.parts) foundParts.add(part);
        if (node.emits.length === 0) continue;
        for (const e of node.emits) add(e.key, e.kind);
        covered.fill(1, i, j + 1);
      }
    }
    if (foundParts.size > 0) {
      for (const trigger of compound) {
        if (trigger.parts.every((part) => foundParts.has(part))) add(trigger.key, trigger.kind);
      }
    }
    for (const match of cleaned.matchAll(TOKEN)) {
      const token = match[0];
      const at = match.index;
      if (!HAN.test(token[0] ?? '')) {
        add(`#${token}`, 'word', false, covered[at] === 1);
        continue;
      }
      for (let i = 0; i < token.length; i++) {
        const c = token[i]!;
        if (STOP_CHARS.has(c)) continue;
        add(c, 'char', LIGHT.has(c), covered[at + i] === 1);
        const next = token[i + 1];
        if (next !== undefined && !STOP_CHARS.has(next)) {
          const light = LIGHT.has(c + next) || (LIGHT.has(c) && LIGHT.has(next));
          add(c + next, 'bigram', light, covered[at + i] === 1 && covered[at + i + 1] === 1);
        }
      }
    }
  };

  return {
    extract(text, alternative) {
      const seen = new Map<string, Feature>();
      extractOne(text, seen, false);
      if (alternative !== undefined && alternative !== text) extractOne(alternative, seen, true);
      return [...seen.values()];
    },
  };
}
