import { describe, expect, it } from 'vitest';
import { createMatcher } from '#shared/understanding/create-matcher.ts';
import { findPolicyDecline } from '#shared/understanding/decline-rules.ts';
import { createPinyinCorrector } from '#shared/understanding/pinyin-tolerance.ts';
import { holdoutPack } from './load-packs.ts';

describe('no rewriting across word boundaries', () => {
  const corrector = createPinyinCorrector(
    ['得房', '几成', '哪天', '按揭', '几钿', '咋卖', '单价', '宽带', '门禁', '宠物'],
    {},
  );

  it.each([
    '有给小孩玩的地方吗', // 的房 is not 得房
    '楼盖到第几层了', // 几层 is not 几成
    '签合同那天带什么', // 那天 is not 哪天
    '电梯是哪个厂家的', // 厂 read chǎng here, never ān (按揭) or blurred into 单价
    '再给点优惠', // 给点 is not 几钿
    '这买的人多吗', // 这买 is not 咋卖
  ])('leaves %s alone', (text) => {
    expect(corrector.correct(text)).toBeNull();
  });

  it('still fixes content-word typos', () => {
    expect(corrector.correct('宽代是哪家的')).toBe('宽带是哪家的');
    expect(corrector.correct('门进怎么样')).toBe('门禁怎么样');
    expect(corrector.correct('宠误能养吗')).toBe('宠物能养吗');
  });
});

describe('concept lexicon on a terse pack without keywords', () => {
  const matcher = createMatcher(holdoutPack);

  it.each([
    ['什么时候能收房', 'yq-handover-date'], // handover + when, not resale's 多久能转卖
    ['幾時可以拿鎖匙', 'yq-handover-date'],
    ['小区里可以养猫养狗吗', 'yq-pets'],
    ['定金要交好多嘛', 'yq-deposit-amount'], // how much …
    ['定金能退吗', 'yq-deposit-refund'], // … is not whether it comes back
    ['这边房子一平米卖多少', 'yq-price-unit'],
    ['每坪多少錢', 'yq-price-unit'],
    ['單位坐向如何', 'yq-orientation'],
    ['wy费多少', 'yq-pm-fee'],
    ['窗户是什么材料做的', 'yq-windows'],
  ])('understands %s', (text, entryId) => {
    expect(matcher.match(text).entryId).toBe(entryId);
  });

  it('declines the first question it cannot answer instead of answering the second', () => {
    const decision = matcher.match('你们售楼处有没有停车场的月卡，定金多少');
    if (decision.entryId !== null) expect(decision.entryId).not.toBe('yq-deposit-amount');
  });
});

describe('decline rules need the intent, not a shared word', () => {
  it.each(['快递送不送到楼上的嘞', '要是开发商晚交房了怎么赔', '延迟交房有赔偿吗'])(
    'does not decline %s',
    (text) => {
      expect(findPolicyDecline(text)).toBeNull();
    },
  );

  it.each([
    ['契税你们帮我出了吧', 'haggling'],
    ['维修基金能不能你们帮我交', 'haggling'],
    ['首付我先交一半，剩下的你们借我', 'haggling'],
    ['车位半价卖我行吗', 'haggling'],
    ['可唔可以送埋车位', 'haggling'],
    ['你给我写个保证书，说地铁两年内开通', 'guarantee'],
    ['要是延期交房，你给我写个承诺赔双倍', 'guarantee'],
    ['我能不能买', 'case-decision'],
    ['我社保交了20个月能买吗', 'case-decision'],
    ['我是自由职业没有流水，银行会给我贷吗', 'case-decision'],
  ])('declines %s as %s', (text, reason) => {
    expect(findPolicyDecline(text)?.reason).toBe(reason);
  });
});
