import { describe, expect, it } from 'vitest';
import type { ScriptPack } from '#shared/script/pack-schema.ts';
import { createMatcher } from '#shared/understanding/create-matcher.ts';
import { demoPack } from './load-packs.ts';

const matcher = createMatcher(demoPack);

describe('createMatcher', () => {
  it('answers a sample question with its entry and full confidence', () => {
    const decision = matcher.match('物业费多少');
    expect(decision).toMatchObject({ entryId: 'property-fee', declineReason: null, secondary: null });
    expect(decision.score).toBeCloseTo(1, 5);
    expect(decision.runnerUp?.entryId).not.toBe('property-fee');
  });

  it.each([
    ['管理費怎麼算', 'property-fee'],
    ['幾時拿鎖匙', 'delivery-date'],
    ['买房子还要交啥子税', 'tax-deed'],
    ['娃儿读书去哪个学校', 'school-primary'],
    ['離捷運站多遠', 'transport-metro'],
    ['公設比多少', 'area-shared'],
  ])('understands dialect and Taiwan/Hong Kong wording: %s', (text, entryId) => {
    expect(matcher.match(text).entryId).toBe(entryId);
  });

  it('takes the first of two questions as the main one and reports the other', () => {
    const decision = matcher.match('物业费多少？车位多少钱');
    expect(decision.entryId).toBe('property-fee');
    expect(decision.secondary).toEqual({ text: '车位多少钱', entryId: 'parking-price' });
    expect(matcher.match('车位怎么卖，另外物业费怎么收')).toMatchObject({
      entryId: 'parking-price',
      secondary: { entryId: 'property-fee' },
    });
  });

  it('reports a second question the script cannot answer with a null entry', () => {
    const decision = matcher.match('物业费多少，小区能养大型犬吗');
    expect(decision.entryId).toBe('property-fee');
    expect(decision.secondary?.entryId).toBeNull();
  });

  it('declines with no-match when nothing fits, keeping the best candidate for the archive', () => {
    const decision = matcher.match('售楼处有没有wifi');
    expect(decision.entryId).toBeNull();
    expect(['no-match', 'off-topic']).toContain(decision.declineReason);
  });

  it('uses the pack synonyms', () => {
    expect(matcher.match('江边公园远吗').entryId).toBe('amenity-park');
    const pack: ScriptPack = {
      ...demoPack,
      entries: [
        { id: 'pool', topic: '泳池', questions: ['有没有泳池'], answer: '有。', commitment: false },
        { id: 'gym', topic: '健身房', questions: ['有没有健身房'], answer: '有。', commitment: false },
      ],
      synonyms: { 泳池: ['水疗池'] },
    };
    expect(createMatcher(pack).match('有没有水疗池').entryId).toBe('pool');
  });

  it('is derived from the pack, not from hard-coded entries', () => {
    const pack: ScriptPack = {
      ...demoPack,
      entries: [
        { id: 'x-fee', topic: '物业收费', questions: ['物业费标准'], answer: '2.9元。', commitment: false },
        { id: 'x-car', topic: '车库', questions: ['车位售价'], answer: '12万。', commitment: false },
      ],
      synonyms: undefined,
    };
    const other = createMatcher(pack);
    expect(other.match('管理費幾多錢').entryId).toBe('x-fee');
    expect(other.match('车味多少钱').entryId).toBe('x-car');
  });

  it('is deterministic and keeps no state between questions', () => {
    const first = matcher.match('首付几成？能用公积金吗');
    matcher.match('你给我打个九五折');
    expect(matcher.match('首付几成？能用公积金吗')).toEqual(first);
  });
});
