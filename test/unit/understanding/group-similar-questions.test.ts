import { describe, expect, it } from 'vitest';
import { groupSimilarQuestions } from '#shared/understanding/group-similar-questions.ts';

describe('groupSimilarQuestions', () => {
  it('groups questions about the same thing, largest group first, with counts and examples', () => {
    const groups = groupSimilarQuestions([
      '屋顶可以装太阳能热水器吗',
      '小区能养大型犬吗',
      '小区可以养大狗吗',
      '能不能养大型犬',
      '屋顶能装太阳能吗',
      '小区能养大型犬吗',
    ]);
    expect(groups).toHaveLength(2);
    expect(groups[0]).toEqual({
      representative: '小区能养大型犬吗',
      count: 4,
      examples: ['小区能养大型犬吗', '小区可以养大狗吗', '能不能养大型犬'],
    });
    expect(groups[1]).toMatchObject({ count: 2, examples: ['屋顶可以装太阳能热水器吗', '屋顶能装太阳能吗'] });
  });

  it('folds Traditional characters before comparing', () => {
    const groups = groupSimilarQuestions(['售楼处有没有wifi', '售樓處有沒有wifi']);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.count).toBe(2);
  });

  it('returns nothing for nothing and ignores blank lines', () => {
    expect(groupSimilarQuestions([])).toEqual([]);
    expect(groupSimilarQuestions(['  '])).toEqual([]);
  });
});
