import { pinyin, polyphonic } from 'pinyin-pro';
import { FUNCTION_CHARS, isHan } from './text-features.ts';

/**
 * Homophone typos from pinyin input (物叶费 → 物业费, 车味 → 车位) and pinyin abbreviations
 * (wq → 网签). Terms are indexed by their toneless pinyin once per pack; a question only looks up
 * its own short windows. The corrector proposes a rewritten text; the matcher keeps it only when
 * it explains the question better than the literal text, so context decides (`高价桥离小区多远` is
 * about the elevated road, `最高价多少` stays about price).
 *
 * Two guards keep it from rewriting across word boundaries: a window read in the buyer's text uses
 * the reading of its characters in context (厂家 is chang jia, never the rare reading of 厂 that
 * sounds like 按揭), and a window or a target holding a function character (的 几 这 那 给 哪 …)
 * is never a typo (`的房` is not `得房`, `几层` is not `几成`, `那天` is not `哪天`).
 */

const readingsCache = new Map<string, readonly string[]>();

/** Toneless readings of one character (all of them for polyphonic characters). */
function readingsOf(ch: string): readonly string[] {
  let readings = readingsCache.get(ch);
  if (!readings) {
    const found = pinyin(ch, { toneType: 'none', type: 'array', multiple: true });
    readings = found.length ? [...new Set(found)] : [ch];
    readingsCache.set(ch, readings);
  }
  return readings;
}

/**
 * Reads every character of `words` not read before in one library call: one call per character
 * costs several times as much, and a pack's lexicon holds over a thousand distinct characters.
 */
function primeReadings(words: Iterable<string>): void {
  const unread = new Set<string>();
  for (const word of words) for (const ch of word) if (!readingsCache.has(ch) && isHan(ch)) unread.add(ch);
  const chars = [...unread];
  const found = polyphonic(chars.join(''), { toneType: 'none', type: 'array' });
  if (found.length !== chars.length) return;
  chars.forEach((ch, i) => {
    const readings = found[i] ?? [];
    readingsCache.set(ch, readings.length ? [...new Set(readings)] : [ch]);
  });
}

/** Southern accents merge zh/z, ch/c, sh/s and -ng/-n; typists follow their ears. */
function fuzzy(syllable: string): string {
  return syllable.replace(/^([zcs])h/, '$1').replace(/(i|e|a)ng$/, '$1n');
}

const MAX_READING_COMBINATIONS = 16;

/**
 * Question words and everyday words buyers type in pinyin around a subject word (`junjia duoshao`,
 * `daikuan bu xia lai`): they may fill the rest of a pinyin run, but a run made of them alone is
 * left as written.
 */
const PINYIN_COMMON_WORDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    duoshao: '多少',
    yige: '一个',
    sha: '啥',
    shazi: '啥子',
    jiao: '叫',
    gongsi: '公司',
    zhengce: '政策',
    qiquan: '齐全',
    zulin: '租赁',
    zujin: '租金',
    zu: '租',
    feiyong: '费用',
    nianling: '年龄',
    rencai: '人才',
    fanxiang: '返乡',
    butie: '补贴',
    yiping: '一平',
    hezuo: '合作',
    yinhang: '银行',
    yuangong: '员工',
    yue: '月',
    nian: '年',
    duoshaoqian: '多少钱',
    shenme: '什么',
    shenmeshihou: '什么时候',
    shihou: '时候',
    zenme: '怎么',
    zenmeyang: '怎么样',
    nali: '哪里',
    jige: '几个',
    jinian: '几年',
    keyi: '可以',
    nengbuneng: '能不能',
    youmeiyou: '有没有',
    shibushi: '是不是',
    ma: '吗',
    naxie: '哪些',
    nage: '哪个',
    duojiu: '多久',
    duoyuan: '多远',
    duoda: '多大',
    jitian: '几天',
    yao: '要',
    tian: '天',
    neng: '能',
    hai: '还',
    zai: '在',
    shi: '是',
    meiyou: '没有',
    qian: '钱',
    // Everyday words around a subject typed in pinyin (`daikuan bu xia lai`, `yang gou`).
    bu: '不',
    xia: '下',
    lai: '来',
    qu: '去',
    yang: '养',
    gou: '狗',
    zhengfu: '政府',
    yidi: '异地',
    hao: '好',
    ji: '几',
    you: '有',
    de: '的',
  }),
);

/**
 * An everyday word typed in pinyin right next to characters (`能养gou吗`, `yuangong优惠`); two
 * letters are too easily part of a word (`容ji率`).
 */
function everydayWord(run: string): string | undefined {
  return run.length >= 3 ? PINYIN_COMMON_WORDS.get(run) : undefined;
}

/** Two or more pinyin syllables separated by spaces or apostrophes. */
const PINYIN_PHRASE = /\b[a-z]+(?:[\s']+[a-z]+)+\b/g;
/** Marks a word expanded from pinyin, for the spaces around it (a private-use character). */
const EXPANDED = '\uE000';
/** Spaces between an expanded word and a character, on either side. */
const SPACE_BY_EXPANSION = /(?<=\uE000)\s+(?=[\p{Script=Han}\uE000])|(?<=\p{Script=Han})\s+(?=\uE000)/gu;
/** Characters directly followed by a pinyin run. */
const HAN_THEN_PINYIN = /(\p{Script=Han}{1,3})([a-z]{2,12})\b/gu;
/** A pinyin run directly followed by characters. */
const PINYIN_THEN_HAN = /(?<![a-z])([a-z]{2,12})(\p{Script=Han}{1,3})/gu;

/** Every toneless reading of a few characters, joined (polyphonic characters give several). */
function headReadings(chars: readonly string[]): string[] {
  let out = [''];
  for (const ch of chars)
    out = out.flatMap((prefix) => readingsOf(ch).map((r) => prefix + r.replace('ü', 'v')));
  return out.slice(0, MAX_READING_COMBINATIONS);
}

/** A pinyin run as typists write it: no spaces, ü as v (lvhua) or u (luhua). */
function runSpellings(key: string): string[] {
  const joined = key.replaceAll(' ', '');
  return joined.includes('ü') ? [joined.replaceAll('ü', 'v'), joined.replaceAll('ü', 'u')] : [joined];
}

/**
 * Particle readings of content characters (地 as the adverbial de, 着 as zhe): inside a housing
 * word they never occur, and matching them lets a particle become a word (总共得 → 总工地).
 */
const PARTICLE_READINGS: Readonly<Record<string, string>> = { 地: 'de', 底: 'de', 着: 'zhe' };

function pinyinKeys(word: string, blur: boolean): string[] {
  let keys = [''];
  for (const ch of word) {
    const readings = readingsOf(ch)
      .filter((r) => r !== PARTICLE_READINGS[ch])
      .map((r) => (blur ? fuzzy(r) : r));
    const next: string[] = [];
    for (const prefix of keys) {
      for (const r of readings) next.push(prefix ? `${prefix} ${r}` : r);
    }
    keys = [...new Set(next)].slice(0, MAX_READING_COMBINATIONS);
  }
  return keys;
}

/** A term's toneless readings (exact keys) and usual reading, kept for every pack in the process. */
const termKeysCache = new Map<string, readonly string[]>();
const usualReadingCache = new Map<string, readonly string[]>();

function exactKeys(term: string): readonly string[] {
  let keys = termKeysCache.get(term);
  if (!keys) {
    keys = pinyinKeys(term, false);
    termKeysCache.set(term, keys);
  }
  return keys;
}

/** Each term's usual toneless reading, character by character. */
function usualReadings(terms: readonly string[]): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  const polyphonic: string[] = [];
  for (const term of terms) {
    const cached = usualReadingCache.get(term);
    if (cached) {
      out.set(term, cached);
      continue;
    }
    const chars = [...term];
    if (chars.some((c) => readingsOf(c).length > 1)) polyphonic.push(term);
    else
      out.set(
        term,
        chars.map((c) => readingsOf(c)[0]!),
      );
  }
  // One text, the words apart, so each is read in its own context and none in its neighbour's.
  const joined = polyphonic.join('。');
  const read = pinyin(joined, { toneType: 'none', type: 'array' });
  if (read.length === [...joined].length) {
    let at = 0;
    for (const term of polyphonic) {
      const length = [...term].length;
      out.set(term, read.slice(at, at + length));
      at += length + 1;
    }
  } else {
    for (const term of polyphonic) out.set(term, pinyin(term, { toneType: 'none', type: 'array' }));
  }
  for (const [term, reading] of out) usualReadingCache.set(term, reading);
  return out;
}

/**
 * Has the pinyin library build its dictionaries and word automaton (about 25 ms), and reads the
 * maintained lexicon's words, once per process: every pack's corrector reuses the readings.
 */
export function preparePinyin(lexicon: readonly string[] = []): void {
  pinyin('交房', { toneType: 'none', type: 'array' });
  primeReadings(lexicon);
  const targets = lexicon.filter((word) => [...word].length >= 2 && [...word].length <= 4);
  for (const word of targets) exactKeys(word);
  usualReadings(targets);
}

export interface PinyinCorrector {
  /** The text with homophone windows replaced by pack or vocabulary terms, or null if none. */
  correct(text: string): string | null;
  /** Expands pinyin-initial abbreviations (`wq`) and whole words typed in pinyin (`junjia`). */
  expandAbbreviations(text: string): string;
}

/**
 * `terms`: targets a homophone window may be rewritten to. `keep`: words that are never rewritten
 * but are no targets either (cheap: no pinyin is computed for them). `initialsOf`: the terms a
 * buyer may type by their initials (all `terms` when omitted); a large lexicon would turn every
 * three-letter English word into some term (`src` is not 上绕城). `anchorChars`: characters that
 * are subject words on their own; a window holding one reads as written (吵死 is not 超市).
 */
export function createPinyinCorrector(
  terms: Iterable<string>,
  abbreviations: Readonly<Record<string, string>>,
  keep: Iterable<string> = [],
  initialsOf?: Iterable<string>,
  anchorChars: Iterable<string> = [],
): PinyinCorrector {
  const abbreviable = initialsOf === undefined ? null : new Set(initialsOf);
  const exact = new Map<string, Set<string>>();
  const blurred = new Map<string, Set<string>>();
  const initials = new Map<string, Set<string>>();
  const known = new Set<string>();
  const add = (index: Map<string, Set<string>>, key: string, term: string) => {
    const set = index.get(key) ?? new Set<string>();
    set.add(term);
    index.set(key, set);
  };
  const targets: string[] = [];
  const termList = [...terms];
  const anchors = new Set(anchorChars);
  primeReadings(termList);
  for (const term of termList) {
    const chars = [...term];
    if (chars.length < 2 || chars.length > 4 || !chars.every(isHan) || known.has(term)) continue;
    // Particles and question words make poor targets: 狗吗 must not become 够吗.
    if (chars.some((c) => FUNCTION_CHARS.has(c))) continue;
    known.add(term);
    targets.push(term);
    for (const key of exactKeys(term)) add(exact, key, term);
    if (chars.length >= 3 && (abbreviable === null || abbreviable.has(term))) {
      add(initials, chars.map((c) => (readingsOf(c)[0] ?? '')[0] ?? '').join(''), term);
    }
  }
  // Accents blur only a term's usual reading: a rare reading blurred (单 chán → can) matches noise.
  // The usual reading of a word with a polyphonic character needs the word read as a whole (银行
  // is yin hang): all such words are read in one call, which costs a fraction of one call each.
  for (const [term, usual] of usualReadings(targets)) add(blurred, usual.map(fuzzy).join(' '), term);
  // Whole words typed in pinyin: the run as typed → term (first term wins on a homophone). Built on
  // the first pinyin run a buyer types; most packs never see one, and it costs pack load time.
  let spelled: Map<string, string> | undefined;
  const spellings = () => {
    if (!spelled) {
      spelled = new Map();
      // Words kept as written (related concepts, dialect variants) are spelled too: 智能家居. An
      // everyday word spelled the same way wins over them (yidi is 异地, not the Cantonese 一啲).
      for (const term of [...known, ...kept]) {
        if ([...term].length < 2 || ![...term].every(isHan)) continue;
        const keys = exactKeys(term);
        if (!known.has(term) && PINYIN_COMMON_WORDS.has(runSpellings(keys[0] ?? '')[0]!)) continue;
        for (const key of keys) {
          for (const run of runSpellings(key)) if (!spelled.has(run)) spelled.set(run, term);
        }
      }
    }
    return spelled;
  };
  /**
   * The fewest words that spell `run` exactly, or null; at least one must be a subject word unless
   * `anyWords` (then everyday words alone will do).
   */
  const segment = (run: string, anyWords = false): string | null => {
    const subjects = spellings();
    const best: Array<{ words: string[]; subject: boolean } | null> = [{ words: [], subject: false }];
    for (let end = 1; end <= run.length; end++) {
      best[end] = null;
      for (let start = Math.max(0, end - 24); start < end; start++) {
        const before = best[start];
        const piece = run.slice(start, end);
        const subject = subjects.get(piece);
        const word = subject ?? PINYIN_COMMON_WORDS.get(piece);
        if (!before || word === undefined) continue;
        const candidate = {
          words: [...before.words, word],
          subject: before.subject || subject !== undefined,
        };
        const current = best[end];
        if (!current || candidate.words.length < current.words.length) best[end] = candidate;
      }
    }
    const found = best[run.length];
    return found && (found.subject || anyWords) ? found.words.join('') : null;
  };
  const kept = new Set<string>();
  for (const word of keep) if (!known.has(word)) kept.add(word);
  const abbreviationMap = new Map(Object.entries(abbreviations));
  for (const [key, set] of initials) {
    if (set.size === 1 && !abbreviationMap.has(key)) abbreviationMap.set(key, [...set][0]!);
  }

  /** `readings`: the window's characters as read in the buyer's sentence. */
  const lookup = (window: string, readings: readonly string[]): string | null => {
    for (const [index, blur] of [
      [exact, false],
      [blurred, true],
    ] as const) {
      const key = readings.map((r) => (blur ? fuzzy(r) : r)).join(' ');
      const found = index.get(key);
      if (found && !found.has(window)) return [...found][0]!;
    }
    return null;
  };

  return {
    correct(text) {
      const chars = [...text];
      const inContext = pinyin(text, { toneType: 'none', type: 'array' });
      const readingAt = (i: number) =>
        inContext.length === chars.length ? (inContext[i] ?? '') : (readingsOf(chars[i]!)[0] ?? '');
      const out: string[] = [];
      let changed = false;
      let i = 0;
      while (i < chars.length) {
        let replaced = false;
        if (isHan(chars[i]!)) {
          for (let len = 4; len >= 2 && !replaced; len--) {
            const slice = chars.slice(i, i + len);
            if (
              slice.length < len ||
              !slice.every(isHan) ||
              slice.some((c) => FUNCTION_CHARS.has(c) || anchors.has(c))
            )
              continue;
            const window = slice.join('');
            if (known.has(window) || kept.has(window)) {
              out.push(window);
              i += len;
              replaced = true;
              break;
            }
            const term = lookup(
              window,
              slice.map((_, k) => readingAt(i + k)),
            );
            if (term) {
              out.push(term);
              i += len;
              replaced = changed = true;
            }
          }
        }
        if (!replaced) out.push(chars[i++]!);
      }
      return changed ? out.join('') : null;
    },
    expandAbbreviations(text) {
      // A line typed in spaced pinyin (`bei an yao ji tian`, `you you'er yuan ma`) reads as one run.
      const joined = text.replace(PINYIN_PHRASE, (phrase) => {
        const whole = segment(phrase.replace(/[\s']+/g, ''));
        if (whole !== null) return whole;
        // Abbreviations among the words (`zulin cw yige yue duoshao qian`): read word by word, when
        // at least one is a subject or an abbreviation; words not read stay as typed.
        const pieces = phrase.split(/\s+/);
        const subjects = pieces.map(
          (piece) => abbreviationMap.get(piece) ?? segment(piece.replaceAll("'", '')),
        );
        if (subjects.every((word) => word === null || word === undefined)) return phrase;
        return pieces
          .map((piece, i) => subjects[i] ?? segment(piece.replaceAll("'", ''), true) ?? ` ${piece} `)
          .join('')
          .trim();
      });
      // A word begun in characters and finished in pinyin (`楼jianju`, `医yuan`, `商pu`).
      const mixed = joined.replace(HAN_THEN_PINYIN, (whole, han: string, run: string) => {
        const chars = [...han];
        for (let k = Math.min(chars.length, 3); k >= 1; k--) {
          const head = chars.slice(-k);
          for (const reading of headReadings(head)) {
            const term = spellings().get(reading + run);
            if (term) return chars.slice(0, -k).join('') + term;
          }
        }
        // An everyday word typed after characters (`能养gou吗`).
        const everyday = everydayWord(run);
        return everyday === undefined ? whole : han + everyday;
      });
      // A word begun in pinyin and finished in characters (`geng名`, `gong摊`).
      const mixedBack = mixed.replace(PINYIN_THEN_HAN, (whole, run: string, han: string) => {
        const chars = [...han];
        for (let k = Math.min(chars.length, 3); k >= 1; k--) {
          for (const reading of headReadings(chars.slice(0, k))) {
            const term = spellings().get(run + reading);
            if (term) return term + chars.slice(k).join('');
          }
        }
        const everyday = everydayWord(run);
        return everyday === undefined ? whole : everyday + han;
      });
      // A number may stand right before or after: `wyf1平米` (一平 has become 1平), `89huxing`.
      const expanded = mixedBack.replace(/(?<![a-z])[a-z]{2,40}(?![a-z])/g, (word) => {
        const words = abbreviationMap.get(word) ?? (word.length >= 4 ? segment(word) : null);
        return words === null || words === undefined ? word : `${EXPANDED}${words}${EXPANDED}`;
      });
      // The spaces a pinyin typist puts between words are no clause breaks once the words are
      // characters (`cw peibi 多少` asks one question, 车位配比多少).
      return expanded.replace(SPACE_BY_EXPANSION, '').replaceAll(EXPANDED, '');
    },
  };
}
