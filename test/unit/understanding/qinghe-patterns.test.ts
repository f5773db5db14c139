import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scriptPackSchema } from '#shared/script/pack-schema.ts';
import { createMatcher } from '#shared/understanding/create-matcher.ts';
import { findPolicyDecline } from '#shared/understanding/decline-rules.ts';

// Patterns first seen in the qinghe set (another writer); the examples here are our own wording.
const pack = scriptPackSchema.parse(JSON.parse(readFileSync('test/understanding/qinghe-pack.json', 'utf8')));
const matcher = createMatcher(pack);

describe('questions about a deadline or a payment split are not requests', () => {
  it.each(['交了订金最晚哪天必须签约', '首付可以拆成三笔付吗'])('%s', (text) => {
    expect(findPolicyDecline(text)).toBeNull();
  });
  it('asking to pay later, or whether something will be torn down, still declines', () => {
    expect(findPolicyDecline('签约能不能晚几天签')?.reason).toBe('case-decision');
    expect(findPolicyDecline('旁边的高架以后会不会拆')?.reason).toBe('prediction');
  });
});

describe('policy declines the earlier rules missed', () => {
  it.each([
    ['将来会有轻轨修到我们这吗', 'prediction'],
    ['我的网签合同备案好了没', 'personal-lookup'],
    ['帮我看看我的贷款批了没', 'personal-lookup'],
    ['我妈上周来看过吗，尾号8821', 'personal-lookup'],
    ['我社保才缴了五个月能贷款吗', 'case-decision'],
    ['儿子后年读一年级，现在买来得及吗', 'case-decision'],
    ['合同上能不能写一条延期就退房', 'guarantee'],
    ['我们要三套能优惠多少', 'haggling'],
    ['你们卖房的真缺德', 'abuse'],
  ])('%s → %s', (text, reason) => {
    expect(findPolicyDecline(text)?.reason).toBe(reason);
  });
  it('adding a name to the contract is a rename question, not a contract addition', () => {
    expect(findPolicyDecline('合同上能加我妈的名字吗')).toBeNull();
  });
});

describe('a named facility the pack never mentions is a gap, not the nearest entry', () => {
  it.each(['小区里带不带泳池', '厨房送不送净水机', '每户装了燃气报警器没有'])('%s', (text) => {
    expect(matcher.match(text).entryId).toBeNull();
  });
});

describe('a concession tacked on to a factual question', () => {
  it('answers the question and reports the concession as a declined second question', () => {
    const decision = matcher.match('车位怎么卖？再优惠点呗');
    expect(decision.entryId).toBe('park-price');
    expect(decision.secondary?.entryId).toBeNull();
    expect(matcher.match('契税交多少，能不能给我减点').entryId).toBe('tax-deed');
  });
  it('still declines a proposal or a remark followed by a concession', () => {
    expect(matcher.match('车位先交一半行不行，剩下的下个月补').entryId).toBeNull();
    expect(matcher.match('公摊这么大，送点面积嘛').entryId).toBeNull();
  });
});

describe('the asked attribute outweighs a shared topic', () => {
  it.each([
    ['物业管理费每平米一个月几块', 'pm-fee'],
    ['维修资金按一平多少交', 'fee-maintenance'],
    ['开车上高速要几分钟', 'trans-drive'],
    ['澳门人能在这买吗', 'elig-foreign'],
    ['楼是不是框架结构', 'bld-structure'],
  ])('%s → %s', (text, entryId) => {
    expect(matcher.match(text).entryId).toBe(entryId);
  });
});

describe('a relative named with 的 is not an expletive', () => {
  it('我妈的 / 我老妈的 name a person; 你妈的 is abuse', () => {
    expect(findPolicyDecline('首付能用我妈的卡转吗')).toBeNull();
    expect(findPolicyDecline('房子写我老妈的名字行吗')?.reason).not.toBe('abuse');
    expect(findPolicyDecline('你妈的，快回答')?.reason).toBe('abuse');
  });
});
