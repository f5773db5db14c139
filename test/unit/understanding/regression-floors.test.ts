import { describe, expect, it } from 'vitest';
import { createMatcher } from '#shared/understanding/create-matcher.ts';
import { evaluateMatcher } from '#shared/understanding/evaluate-matcher.ts';
import { loadLabelled } from './load-packs.ts';

/**
 * Packs and sets written by independent writers who never saw the matcher, each measured untouched
 * once and then used to find failure patterns. They keep what was learned: a change may not pull
 * any of them more than about 1.5 points below the level it reached (in-scope top-1, decline
 * precision, decline recall). The bar itself (95%) is asserted in dev-set.test.ts where met.
 */
const FLOORS: ReadonlyArray<readonly [name: string, inScope: number, precision: number, recall: number]> = [
  ['holdout', 0.96, 0.98, 0.98],
  ['jinyue', 0.96, 0.98, 0.98],
  ['haiyun', 0.94, 0.94, 0.93],
  ['qinghe', 0.95, 0.98, 0.94],
  ['songtao', 0.97, 0.98, 0.95],
  ['fengming', 0.96, 0.96, 0.89],
  ['jinlan', 0.95, 0.97, 0.95],
  ['yuexi', 0.93, 0.93, 0.97],
  ['yunqitod', 0.93, 0.91, 0.94],
  ['yuelan', 0.92, 0.91, 0.97],
  ['yunfengli', 0.93, 0.95, 0.96],
  ['guiyufu', 0.91, 0.86, 0.97],
  ['qingling', 0.9, 0.92, 0.96],
  ['wangchao', 0.91, 0.88, 0.96],
  ['shuyuanli', 0.9, 0.9, 0.92],
  ['kechuangfu', 0.92, 0.95, 0.95],
  ['tiyunfu', 0.95, 0.96, 0.95],
  ['nansha', 0.86, 0.87, 0.95],
  ['lanyue', 0.89, 0.89, 0.95],
  ['nuanyue', 0.91, 0.88, 0.93],
  ['shanhe', 0.92, 0.9, 0.91],
  ['tangquan', 0.91, 0.9, 0.96],
  ['yongjiang', 0.93, 0.91, 0.95],
  ['hunnan', 0.93, 0.92, 0.93],
  ['lanqi', 0.92, 0.95, 0.96],
  ['lulan', 0.94, 0.95, 0.96],
  ['changan', 0.93, 0.94, 0.95],
  ['yelan', 0.88, 0.86, 0.94],
  ['yunhe', 0.91, 0.92, 0.9],
  ['jiangyue', 0.88, 0.9, 0.93],
  ['hanggang', 0.93, 0.94, 0.94],
  ['jingu', 0.9, 0.89, 0.92],
  ['chunlan', 0.88, 0.88, 0.97],
  ['yunxi', 0.88, 0.9, 0.94],
];

describe('regression floors on independently written sets', () => {
  it.each(FLOORS)('%s stays at or above its floors', (name, inScope, precision, recall) => {
    const { pack, set } = loadLabelled(name);
    const report = evaluateMatcher(createMatcher(pack), set);
    const detail = JSON.stringify({ inScope: report.inScope, decline: report.decline });
    expect(report.inScope.accuracy, detail).toBeGreaterThanOrEqual(inScope);
    expect(report.decline.precision, detail).toBeGreaterThanOrEqual(precision);
    expect(report.decline.recall, detail).toBeGreaterThanOrEqual(recall);
  });
});
