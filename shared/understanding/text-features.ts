/**
 * Features of a normalised text for retrieval: Han characters, Han bigrams, ASCII words or
 * numbers, whole vocabulary terms found by longest match, and related concepts. Chinese has no
 * spaces; overlapping bigrams are the classic segmentation-free choice, and the terms add the
 * word boundaries the vocabulary knows.
 */
import { Trie } from 'opencc-js/core';

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

/** Words that only frame a question (请问, 我想问) and are dropped before the features. */
const FRAME_WORDS =
  /请问|想问一下|想问下|想问|问一下|问下|咨询一下|我想知道|想了解一下|想了解|了解一下|麻烦问|麻烦|你好|您好|老板|小姐姐|帅哥|美女/g;

const HAN = /\p{Script=Han}/u;
const TOKEN = /\p{Script=Han}+|[a-z]+|\d+(?:\.\d+)?%?/gu;

export type FeatureKind = 'char' | 'bigram' | 'word' | 'term' | 'concept';

export interface Feature {
  key: string;
  kind: FeatureKind;
  /** A function word: weighs little, known or not. */
  light: boolean;
}

export function isHan(ch: string): boolean {
  return HAN.test(ch);
}

export interface FeatureExtractor {
  extract(text: string): Feature[];
}

/**
 * `terms`: multi-character words worth a feature of their own (vocabulary canonicals, the pack's
 * topics and keywords). `concepts`: concept → trigger substrings.
 */
export function createFeatureExtractor(
  terms: Iterable<string>,
  concepts: Readonly<Record<string, readonly string[]>> = {},
): FeatureExtractor {
  const trie = new Trie();
  for (const term of terms) {
    if ([...term].length >= 2 && [...term].every((c) => HAN.test(c)) && !LIGHT.has(term))
      trie.addWord(term, term);
  }
  const conceptList = Object.entries(concepts);
  return {
    extract(text) {
      const seen = new Map<string, Feature>();
      const add = (key: string, kind: FeatureKind, light = false) => {
        if (!seen.has(key)) seen.set(key, { key, kind, light });
      };
      const cleaned = text.replace(FRAME_WORDS, ' ');
      for (const match of cleaned.matchAll(TOKEN)) {
        const token = match[0];
        if (!HAN.test(token[0] ?? '')) {
          add(`#${token}`, 'word');
          continue;
        }
        const chars = [...token];
        for (let i = 0; i < chars.length; i++) {
          const c = chars[i]!;
          if (STOP_CHARS.has(c)) continue;
          add(c, 'char', LIGHT.has(c));
          const next = chars[i + 1];
          if (next !== undefined && !STOP_CHARS.has(next)) {
            add(c + next, 'bigram', LIGHT.has(c + next) || (LIGHT.has(c) && LIGHT.has(next)));
          }
        }
        for (let i = 0; i < token.length; ) {
          const found = trie.matchPrefix(token, i);
          if (found) {
            add(`@${token.slice(i, found.end)}`, 'term');
            i = found.end;
          } else i++;
        }
      }
      for (const [concept, triggers] of conceptList) {
        if (triggers.some((t) => cleaned.includes(t))) add(`~${concept}`, 'concept');
      }
      return [...seen.values()];
    },
  };
}
