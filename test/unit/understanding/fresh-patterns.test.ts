import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scriptPackSchema } from '#shared/script/pack-schema.ts';
import { createMatcher } from '#shared/understanding/create-matcher.ts';
import { findPolicyDecline } from '#shared/understanding/decline-rules.ts';
import { evaluateMatcher, secondaryFound } from '#shared/understanding/evaluate-matcher.ts';
import type { MatchDecision } from '#shared/understanding/matcher-types.ts';

const pack = scriptPackSchema.parse(
  JSON.parse(readFileSync('test/understanding/fresh-probe-pack.json', 'utf8')),
);
const matcher = createMatcher(pack);

describe('everyday paraphrases reach the entry through the concept lexicon', () => {
  it.each([
    ['楼板薄不薄，楼上拖椅子声音听得到吗', 'fp-soundproof'],
    ['回南天墙面会不会返潮', 'fp-damp'],
    ['推着轮椅的老人家进出方便吗', 'fp-accessible'],
    ['房款是打给公司还是打给业务员', 'fp-account'],
    ['带亲戚来买房有啥好处', 'fp-referral'],
    ['同一个单元为啥价格不一样', 'fp-price-list'],
    ['这批房子的售价报备过吗', 'fp-price-filing'],
    ['灶具和油烟机是什么牌子', 'fp-deco-brands'],
    ['好久能住进去', 'fp-handover-date'],
    ['承建的是哪家建筑公司', 'fp-builder'],
    ['wz齐全吗', 'fp-licenses'],
    ['交房的时候水电气都通了没', 'fp-handover-cond'],
    ['收楼时能找专业的人帮忙验房吗', 'fp-inspection'],
  ])('%s → %s', (text, entryId) => {
    expect(matcher.match(text).entryId).toBe(entryId);
  });
});

describe('factual questions about the contract are not guarantee demands', () => {
  it('合同上写的面积 asks what the contract says', () => {
    expect(matcher.match('合同上写的面积是套内的还是建筑的').entryId).toBe('fp-area-type');
    expect(findPolicyDecline('合同上写的面积是套内的还是建筑的')).toBeNull();
    expect(findPolicyDecline('合同上给我写上逾期双倍赔偿')?.reason).toBe('guarantee');
  });
});

describe('two questions: a first clause asking how long is the main question', () => {
  it('answers the first and reports the second', () => {
    const decision = matcher.match('拿到钥匙后多久能办房产证，契税哪天交');
    expect(decision.entryId).toBe('fp-title-cert');
    expect(decision.secondary).not.toBeNull();
  });
  it('送不送面积 after a real question is not haggling, alone 车位送不送 still is', () => {
    expect(matcher.match('车位多少钱一个，送不送面积').entryId).toBe('fp-parking-price');
    expect(matcher.match('车位送不送').declineReason).toBe('haggling');
  });
});

describe('declines', () => {
  it.each([
    ['碧水湾那边物业费多少', 'competitor'],
    ['河西的锦绣苑车位多少钱', 'competitor'],
    ['城东那个新楼盘单价多少', 'competitor'],
    ['朝向差价给我抹掉', 'haggling'],
    ['推荐的奖励直接抵首付行吗', 'haggling'],
    ['该不该等到年底再买', 'prediction'],
    ['轻轨会不会延伸到这边', 'prediction'],
    ['帮我订两张机票', 'off-topic'],
    ['我昨天转的首付你们收到没有', 'personal-lookup'],
    ['查一下我那套网签好了没有，合同号20231105', 'personal-lookup'],
  ])('%s → %s', (text, reason) => {
    expect(matcher.match(text).declineReason).toBe(reason);
  });

  it.each(['小区里有羽毛球场吗', '附近有没有大学', '有健身房吗', '有没有图书馆'])(
    'a facility the pack never names is a gap: %s',
    (text) => {
      expect(matcher.match(text)).toMatchObject({ entryId: null, declineReason: 'no-match' });
    },
  );

  it('the project’s own name is not a competitor', () => {
    expect(matcher.match('锦澜悦府什么时候交房').entryId).toBe('fp-handover-date');
  });
});

describe('second-question metric', () => {
  const decision = (secondary: MatchDecision['secondary']): MatchDecision => ({
    entryId: 'a',
    score: 1,
    normalized: '',
    runnerUp: null,
    declineReason: null,
    secondary,
  });
  it('an ASCII label is an entry id, a Han label is the question text', () => {
    expect(secondaryFound(decision({ text: 'x', entryId: 'b' }), 'b')).toBe(true);
    expect(secondaryFound(decision({ text: 'x', entryId: null }), 'b')).toBe(false);
    expect(secondaryFound(decision({ text: '送不送面积', entryId: null }), '送不送面积')).toBe(true);
    expect(secondaryFound(decision(null), '送不送面积')).toBe(false);
  });
  it('evaluates a set with both kinds of label', () => {
    const report = evaluateMatcher(matcher, [
      {
        text: '定金交多少，交了能退吗',
        expect: 'fp-deposit-amount',
        kind: 'two',
        secondary: 'fp-deposit-refund',
      },
      {
        text: '车位一个多少钱，送不送面积',
        expect: 'fp-parking-price',
        kind: 'two',
        secondary: '送不送面积',
      },
    ]);
    expect(report.secondary).toMatchObject({ total: 2, correct: 2 });
  });
});
