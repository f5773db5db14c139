import { describe, expect, it } from 'vitest';
import { createMatcher } from '#shared/understanding/create-matcher.ts';
import { findPolicyDecline } from '#shared/understanding/decline-rules.ts';
import { normalizeScript } from '#shared/understanding/normalize-text.ts';
import { songtaoPack } from './load-packs.ts';

// Patterns first seen in the songtao set (another writer); the examples here are our own wording.
const matcher = createMatcher(songtaoPack);
const entryOf = (text: string) => matcher.match(text).entryId;
/** The entry whose topic is `topic`, so the tests name subjects, not ids. */
const byTopic = (topic: string) => songtaoPack.entries.find((e) => e.topic === topic)!.id;

describe('a unit price per square metre is not the decoration standard per square metre', () => {
  it.each(['你们这边一平米大概卖多少钱', '每坪單價大約多少', '这里房子每平方要多少钱'])('%s', (text) => {
    expect(entryOf(text)).toBe(byTopic('均价'));
  });
  it('the decoration standard per square metre still goes to the decoration entry', () => {
    expect(entryOf('精装标准一平方多少钱')).toBe(byTopic('交付标准'));
  });
  it('one square foot or one ping is a rate, not a rounded-down area', () => {
    expect(normalizeScript('几钱一呎')).toContain('1平米');
    expect(normalizeScript('一坪多少')).toContain('1平米');
    expect(normalizeScript('30坪')).toContain('99平米');
  });
});

describe('paraphrases reach the subject the pack names in other words', () => {
  it.each([
    ['晚上有没有保安巡查', '小区安保'],
    ['卧室的隔墙可以敲掉吗', '户型改造'],
    ['楼层号是不是跳过了14层', '楼层编号'],
    ['周末能派车来接我去看房吗', '看房专车'],
    ['外卖员可以送到楼下吗', '快递外卖'],
    ['小区里有没有社区饭堂', '长者食堂'],
    ['去沙滩远不远', '周边景观'],
    ['楼和楼之间楼距有多少', '楼间距'],
    ['客厅天花板有多高', '层高'],
    ['有三居的吗', '户型'],
    ['收房实测面积缩水了怎么办', '面积误差处理'],
    ['地面上跑不跑车', '人车分流'],
  ])('%s → %s', (text, topic) => {
    expect(entryOf(text)).toBe(byTopic(topic));
  });
  it('之间隔 is a distance, not the Hong Kong 间隔 (layout); 洋房 is not read as 验房', () => {
    expect(matcher.match('两栋洋房之间隔多远').normalized).toContain('洋房之间隔');
    expect(entryOf('楼和楼之间隔得远不远')).toBe(byTopic('楼间距'));
  });
});

describe('paraphrase words are read as written, never rewritten as homophones', () => {
  it('a pickup by car is not a price word, and a room is not damp', () => {
    expect(entryOf('售楼处能派个车接我过去吗')).toBe(byTopic('看房专车'));
    expect(matcher.match('每间房间有多大').normalized).toContain('房间');
  });
  it('a homophone correction cannot make an unmentioned feature known (外机 is not 外籍)', () => {
    expect(matcher.match('空调外机装哪里').entryId).toBeNull();
  });
});

describe('a feature or scheme the pack never mentions is a gap', () => {
  it.each([
    '空调外机位在哪边',
    '卫生间的排风道是共用的吗',
    '能申请人才补贴吗',
    '首付款的发票开给谁',
    '车位尺寸是多少',
  ])('%s', (text) => {
    const decision = matcher.match(text);
    expect(decision.entryId, text).toBeNull();
    expect(decision.declineReason).toBe('no-match');
  });
});

describe('concessions, case decisions, look-ups and predictions the earlier rules missed', () => {
  it.each([
    ['再帮我多让一个点我就签', 'haggling'],
    ['这个车位20万卖给我怎么样', 'haggling'],
    ['定金先付5千行吗', 'haggling'],
    ['行的话我马上签', 'haggling'],
    ['我打算用我爸的名义买', 'case-decision'],
    ['我名下已经有两套房了还能贷款吗', 'case-decision'],
    ['我之前留的电话是哪个', 'personal-lookup'],
    ['规划的地铁会不会从这边经过', 'prediction'],
  ])('%s → %s', (text, reason) => {
    expect(findPolicyDecline(text)?.reason).toBe(reason);
  });
  it('a developer named as the owner of a project is another project', () => {
    expect(matcher.match('万象家的楼盘物业怎么样').declineReason).toBe('competitor');
    expect(matcher.match('万象的盘交房早吗').declineReason).toBe('competitor');
  });
  it('our own project and the deposit amount are still answered', () => {
    expect(entryOf('你们的盘什么时候交房')).toBe(byTopic('交房时间'));
    expect(entryOf('定金交多少')).toBe(byTopic('认购定金'));
    expect(findPolicyDecline('首付交30万能不能贷款')).toBeNull();
  });
});
