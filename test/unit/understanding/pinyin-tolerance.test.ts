import { describe, expect, it } from 'vitest';
import { createMatcher } from '#shared/understanding/create-matcher.ts';
import { createPinyinCorrector } from '#shared/understanding/pinyin-tolerance.ts';
import { demoPack } from './load-packs.ts';

describe('createPinyinCorrector', () => {
  const corrector = createPinyinCorrector(['物业费', '车位', '网签', '高架', '容积率', '空调'], {
    wq: '网签',
  });

  it('replaces homophone typos with the term they sound like', () => {
    expect(corrector.correct('物叶费多少')).toBe('物业费多少');
    expect(corrector.correct('车味多少钱')).toBe('车位多少钱');
    expect(corrector.correct('容鸡率')).toBe('容积率');
  });

  it('uses every reading of a polyphonic character (调 is tiao and diao)', () => {
    expect(corrector.correct('中央空掉')).toBe('中央空调');
  });

  it('returns null when nothing sounds like a term', () => {
    expect(corrector.correct('物业费多少')).toBeNull();
    expect(corrector.correct('今天下雨')).toBeNull();
  });

  it('expands pinyin abbreviations typed as whole ASCII words only', () => {
    expect(corrector.expandAbbreviations('wq啥时候办')).toBe('网签啥时候办');
    expect(corrector.expandAbbreviations('wqx')).toBe('wqx');
  });

  it('reads whole words typed in pinyin, with question words around them', () => {
    expect(corrector.expandAbbreviations('rongjilv多少')).toBe('容积率多少');
    expect(corrector.expandAbbreviations('rongjilu')).toBe('容积率');
    expect(corrector.expandAbbreviations('wuyefeiduoshao')).toBe('物业费多少');
    expect(corrector.expandAbbreviations('cheweishenmeshihou')).toBe('车位什么时候');
  });

  it('reads a line typed in spaced pinyin and a word finished in pinyin', () => {
    expect(corrector.expandAbbreviations('wu ye fei duo shao')).toBe('物业费多少');
    expect(corrector.expandAbbreviations("rong ji'lv duoshao")).toBe('容积率多少');
    expect(corrector.expandAbbreviations('车wei多少钱')).toBe('车位多少钱');
    expect(corrector.expandAbbreviations('容ji率')).toBe('容ji率');
    expect(corrector.expandAbbreviations('kong tiao you ma')).toBe('空调有吗');
    expect(corrector.expandAbbreviations('wu ye fei bu hao')).toBe('物业费不好');
  });

  it('leaves runs that are not subject words as written (English, question words alone)', () => {
    expect(corrector.expandAbbreviations('hello')).toBe('hello');
    expect(corrector.expandAbbreviations('duoshao')).toBe('duoshao');
    expect(corrector.expandAbbreviations('wifi密码')).toBe('wifi密码');
  });

  it('never targets particles: 狗吗 does not become 够吗', () => {
    const withParticles = createPinyinCorrector(['够吗', '车位'], {});
    expect(withParticles.correct('能养狗吗')).toBeNull();
  });
});

describe('pinyin tolerance in the matcher', () => {
  const matcher = createMatcher(demoPack);

  it.each([
    ['物叶费多少', 'property-fee'],
    ['车味多少钱', 'parking-price'],
    ['wq啥时候办', 'online-signing'],
    ['gjj能贷款吗', 'loan-provident-fund'],
    ['公谈多少', 'area-shared'],
  ])('understands %s', (text, entryId) => {
    expect(matcher.match(text).entryId).toBe(entryId);
  });

  it('lets context decide: a road word typed like a price word stays about the road', () => {
    expect(matcher.match('高价桥离小区多远').entryId).toBe('elevated-road-plan');
    expect(matcher.match('旁边要修高价吗').entryId).toBe('elevated-road-plan');
  });

  it('keeps a real price question about price', () => {
    const decision = matcher.match('最高价的房子多少钱');
    expect(['price-avg', 'price-total']).toContain(decision.entryId);
  });

  it('records the corrected text as the normalised text', () => {
    expect(matcher.match('物叶费多少').normalized).toBe('物业费多少');
  });
});
