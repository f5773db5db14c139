import { Trie } from 'opencc-js/core';

/**
 * Longest-match, left-to-right phrase replacement (OpenCC's trie). A phrase mapped to itself
 * protects it from shorter phrases inside it (e.g. `绿地率` from the brand `绿地`).
 */
export interface PhraseReplacer {
  replace(text: string): string;
}

export function createPhraseReplacer(pairs: Iterable<readonly [from: string, to: string]>): PhraseReplacer {
  const trie = new Trie();
  for (const [from, to] of pairs) {
    if (from) trie.addWord(from, to);
  }
  return { replace: (text) => trie.convert(text) };
}
