import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMatcher } from '#shared/understanding/create-matcher.ts';
import { evaluateMatcher, parseLabelledSet } from '#shared/understanding/evaluate-matcher.ts';
import { demoPack, holdoutPack } from './load-packs.ts';

/**
 * The decline layer reads the modality of a question (will it, is it worth it, decide for me,
 * look mine up, convert or hold for me), not its topic: the same topic asked as a fact is answered.
 */
const demo = createMatcher(demoPack);
const holdout = createMatcher(holdoutPack);

const declined: Array<[string, string]> = [
  // Yes/no about the future, or the bot's judgement, on an in-scope topic.
  ['按揭利息明年还会往下调吗', 'prediction'],
  ['开发商有没有可能破产', 'prediction'],
  ['对口小学会被划出去吗', 'prediction'],
  ['工程中途会不会停工', 'prediction'],
  ['房价是不是已经到底了吧', 'prediction'],
  ['过几年卖掉大概能赚多少', 'prediction'],
  ['这套房出租出去一个月能收多少', 'prediction'],
  ['你们精装算不算高档的，说实话', 'prediction'],
  ['物业公司到底靠不靠谱', 'prediction'],
  // Deciding for the buyer, and the buyer's own accounts.
  ['高区低区你帮我决定一个', 'case-decision'],
  ['两个户型你替我挑一个', 'case-decision'],
  ['帮我查查我的公积金还剩多少', 'personal-lookup'],
  ['你能查一下我的征信吗', 'case-decision'],
  // Concessions phrased as conversions, refunds, split or late deposits, holding a unit.
  ['车位不要了，车位款折成优惠', 'haggling'],
  ['把精装的钱退一半给我', 'haggling'],
  ['定金分三次交行不行', 'haggling'],
  ['定金后天再付可以吗', 'haggling'],
  ['不交定金能先帮我留着吗', 'haggling'],
  ['帮我把那套最便宜的锁住', 'haggling'],
  // Other developments on sale.
  ['这附近还有哪些小区在卖', 'competitor'],
  ['隔壁新开的那个盘怎么样', 'competitor'],
];

describe('modality, not topic, decides a decline', () => {
  it.each(declined)('declines %s as %s', (text, reason) => {
    const decision = demo.match(text);
    expect(decision.entryId).toBeNull();
    expect(decision.declineReason).toBe(reason);
  });

  it.each([
    ['贷款利率现在多少', 'loan-commercial'],
    ['开发商是哪一家', 'developer'],
    ['学区划片对口哪个学校', 'school-primary'],
    // 会 in a factual question about a documented condition.
    ['楼层高低价格会差很多吗', 'price-floor-diff'],
    ['交房晚了会不会赔钱', 'delivery-delay'],
    // First-person conditionals about a documented policy are answered.
    ['资格审核没通过，定金会退吗', 'deposit-refund'],
    ['万一我的贷款没批下来房子怎么处理', 'loan-rejected'],
    // Where to look something up is a policy, not a look-up.
    ['备案价在哪里查', 'price-list'],
    // A bonus area is a feature, not a concession.
    ['车位租金一个月多少', 'parking-rent'],
  ])('answers %s', (text, entryId) => {
    expect(demo.match(text).entryId).toBe(entryId);
  });

  it('lets the script owner answer its own speculative sample question, and only that one', () => {
    // The demo pack answers `会不会烂尾` with its fund-supervision entry …
    expect(demo.match('这房子会不会烂尾').entryId).toBe('presale-fund-supervision');
    expect(demo.match('开发商靠谱吗').entryId).toBe('developer');
    // … a pack without that question declines it, and other wording is still a forecast.
    expect(holdout.match('这房子会不会烂尾').declineReason).toBe('prediction');
    expect(demo.match('开发商会不会跑路').declineReason).toBe('prediction');
  });
});

describe('retrieval gaps in colloquial and Hokkien wording', () => {
  it.each([
    ['一个平方好多钱', 'price-avg'],
    ['整一套落下来得多老钱', 'price-total'],
    ['厝底时会交', 'delivery-date'],
    ['啥子时候房子交得到', 'delivery-date'],
    ['保全是24小时的吗', 'property-services'],
    ['实用面积占建筑面积几成', 'area-shared'],
    ['房子空着不住物业费也收吗', 'property-fee-start'],
    ['整个小区总共住多少户', 'project-overview'],
    ['没有本市户口可以买吗', 'purchase-eligibility'],
    ['去地铁站多久，到高铁站又要多久', 'transport-metro'],
  ])('demo pack: %s → %s', (text, entryId) => {
    expect(demo.match(text).entryId).toBe(entryId);
  });

  it.each([
    ['厝的日头够不够', 'yq-daylight'],
    ['厝底时交予阮', 'yq-handover-date'],
    ['保全有没有', 'yq-security'],
    ['实用面积占比多少', 'yq-efficiency'],
  ])('holdout pack: %s → %s', (text, entryId) => {
    expect(holdout.match(text).entryId).toBe(entryId);
  });

  it('keeps 同时会 / 到时会 as written', () => {
    expect(demo.match('交房的同时会给钥匙吗').normalized).toContain('同时会');
  });
});

describe('the decline probe set', () => {
  const probe = parseLabelledSet(
    readFileSync(new URL('../../understanding/decline-probe.jsonl', import.meta.url), 'utf8'),
  );
  it('meets the bar on modality-driven declines and their factual twins', () => {
    const report = evaluateMatcher(demo, probe);
    const summary = JSON.stringify({ inScope: report.inScope, confusions: report.confusions }, null, 1);
    expect(report.inScope.accuracy, summary).toBeGreaterThanOrEqual(0.95);
    expect(report.decline.recall, summary).toBeGreaterThanOrEqual(0.95);
    expect(report.decline.precision, summary).toBeGreaterThanOrEqual(0.95);
  });
});
