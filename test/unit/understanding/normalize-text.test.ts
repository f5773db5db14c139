import { describe, expect, it } from 'vitest';
import { normalizeNumbers, parseChineseNumber } from '#shared/understanding/chinese-numerals.ts';
import { createTextNormalizer, normalizeScript } from '#shared/understanding/normalize-text.ts';

describe('normalizeScript', () => {
  it('converts Traditional to Simplified, including Taiwan phrases', () => {
    expect(normalizeScript('管理費怎麼算')).toBe('管理费怎么算');
    expect(normalizeScript('幾時拿鎖匙')).toBe('几时拿锁匙');
    expect(normalizeScript('軟體')).toBe('软件');
  });

  it('folds full-width letters, digits and punctuation and lower-cases', () => {
    expect(normalizeScript('ＷＱ　什么时候？１２３')).toBe('wq 什么时候?123');
  });

  it('reads Cantonese 係 as 是 but keeps 關係', () => {
    expect(normalizeScript('發展商係邊個')).toBe('发展商是边个');
    expect(normalizeScript('有關係嗎')).toBe('有关系吗');
  });
});

describe('numerals, percentages and units', () => {
  it('parses Chinese numerals', () => {
    expect(parseChineseNumber('三十五')).toBe(35);
    expect(parseChineseNumber('两千')).toBe(2000);
    expect(parseChineseNumber('九五')).toBe(95);
    expect(parseChineseNumber('十')).toBe(10);
  });

  it('turns 成 shares and 百分之 into percentages', () => {
    expect(normalizeNumbers('首付三成')).toBe('首付30%');
    expect(normalizeNumbers('首付3成')).toBe('首付30%');
    expect(normalizeNumbers('百分之十五')).toBe('15%');
    expect(normalizeNumbers('成本价')).toBe('成本价');
  });

  it('writes discounts as digits', () => {
    expect(normalizeNumbers('打个九五折')).toBe('打个95折');
    expect(normalizeNumbers('97折')).toBe('97折');
    expect(normalizeNumbers('九折')).toBe('9折');
  });

  it('converts 坪 and 呎 to square metres and unifies 平方, ㎡ and 平', () => {
    expect(normalizeNumbers('30坪')).toBe('99平米');
    expect(normalizeNumbers('800呎')).toBe('74平米');
    expect(normalizeNumbers('89平方')).toBe('89平米');
    expect(normalizeNumbers('89㎡')).toBe('89平米');
    expect(normalizeNumbers('七十年产权')).toBe('70年产权');
  });
});

describe('housing vocabulary', () => {
  const { normalize } = createTextNormalizer();

  it.each([
    ['管理費怎麼算', '物业费怎么算'],
    ['幾時拿鎖匙', '什么时候交房'],
    ['首期要俾幾成', '首付要给比例'],
    ['买房子还要交啥子税', '买房子还要交什么税'],
    ['離捷運站多遠', '离地铁站多远'],
    ['公設比多少', '公摊多少'],
    ['預售執照拿到了嗎', '预售证拿到了吗'],
    ['按揭利息几多', '贷款利率多少'],
    ['收楼', '交房'],
    ['是清水房还是精装修', '是毛坯还是精装'],
  ])('maps %s to %s', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  it('protects longer terms from shorter ones inside them', () => {
    expect(normalize('绿地率多少')).toBe('绿化率多少');
    expect(normalize('绿地占多大比例')).toContain('绿化率');
    expect(normalize('绿地集团的房子')).toContain('绿地集团');
    expect(normalize('绿地占地面积多少')).not.toContain('绿化率');
    expect(normalize('物业管理费')).toBe('物业费');
  });

  it("extends the vocabulary with the pack's synonyms, following a canonical that is itself a variant", () => {
    const withPack = createTextNormalizer({ 滨江公园: ['江边公园'], 管理费: ['物管钱'] });
    expect(withPack.normalize('江边公园在哪')).toBe('滨江公园哪里');
    expect(withPack.normalize('物管钱多少')).toBe('物业费多少');
  });
});
