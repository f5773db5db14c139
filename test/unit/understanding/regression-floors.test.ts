import { describe, expect, it } from 'vitest';
import { createMatcher } from '#shared/understanding/create-matcher.ts';
import { evaluateMatcher } from '#shared/understanding/evaluate-matcher.ts';
import { loadLabelled } from './load-packs.ts';

/**
 * Packs and sets written by independent writers who never saw the matcher, each measured untouched
 * once. All but the last four were then used to find failure patterns (ten of them only after
 * serving as a session's final unseen measurement); the last four are the latest such measurement,
 * not learned from yet. They keep what was reached: a change may not pull any of them more than
 * about 1.5 points below the level it reached (in-scope top-1, decline precision, decline recall).
 * The bar itself (95%) is asserted in dev-set.test.ts where met.
 */
const FLOORS: ReadonlyArray<readonly [name: string, inScope: number, precision: number, recall: number]> = [
  ['holdout', 0.96, 0.98, 0.98],
  ['jinyue', 0.96, 0.98, 0.98],
  ['haiyun', 0.94, 0.94, 0.93],
  ['qinghe', 0.95, 0.98, 0.96],
  ['songtao', 0.97, 0.98, 0.96],
  ['fengming', 0.96, 0.96, 0.89],
  ['jinlan', 0.95, 0.97, 0.96],
  ['yuexi', 0.93, 0.93, 0.98],
  ['yunqitod', 0.93, 0.91, 0.95],
  ['yuelan', 0.92, 0.91, 0.98],
  ['yunfengli', 0.94, 0.95, 0.98],
  ['guiyufu', 0.91, 0.86, 0.98],
  ['qingling', 0.9, 0.92, 0.97],
  ['wangchao', 0.91, 0.88, 0.97],
  ['shuyuanli', 0.9, 0.91, 0.95],
  ['kechuangfu', 0.92, 0.95, 0.97],
  ['tiyunfu', 0.95, 0.96, 0.95],
  ['nansha', 0.87, 0.88, 0.96],
  ['lanyue', 0.9, 0.89, 0.96],
  ['nuanyue', 0.91, 0.9, 0.94],
  ['shanhe', 0.92, 0.9, 0.97],
  ['tangquan', 0.91, 0.91, 0.97],
  ['yongjiang', 0.93, 0.91, 0.95],
  ['hunnan', 0.93, 0.92, 0.96],
  ['lanqi', 0.92, 0.95, 0.96],
  ['lulan', 0.94, 0.96, 0.97],
  ['changan', 0.93, 0.94, 0.95],
  ['yelan', 0.88, 0.86, 0.94],
  ['yunhe', 0.92, 0.93, 0.94],
  ['jiangyue', 0.88, 0.91, 0.96],
  ['hanggang', 0.93, 0.94, 0.96],
  ['jingu', 0.91, 0.89, 0.93],
  ['chunlan', 0.88, 0.88, 0.97],
  ['yunxi', 0.88, 0.91, 0.95],
  ['xianglu', 0.91, 0.91, 0.96],
  ['qijiang', 0.94, 0.92, 0.97],
  ['xinggang', 0.91, 0.87, 0.89],
  ['jianglan', 0.88, 0.82, 0.96],
  ['lanhu', 0.9, 0.91, 0.93],
  ['mengyang', 0.89, 0.86, 0.94],
  ['minshan', 0.88, 0.89, 0.94],
  ['fengqi', 0.87, 0.89, 0.94],
  ['songbei', 0.9, 0.87, 0.95],
  ['shucheng', 0.93, 0.91, 0.94],
  ['luhu', 0.91, 0.9, 0.96],
  ['yunlu', 0.89, 0.89, 0.94],
  ['huijing', 0.91, 0.9, 0.96],
  ['hupan', 0.9, 0.84, 0.95],
  ['haiyue', 0.91, 0.93, 0.96],
  ['lanxi', 0.91, 0.89, 0.94],
  ['hangting', 0.91, 0.91, 0.93],
  ['xinyue', 0.89, 0.88, 0.94],
  ['lanan', 0.89, 0.87, 0.94],
  ['fendong', 0.92, 0.93, 0.94],
  ['aowang', 0.9, 0.88, 0.94],
  ['yunzhan', 0.88, 0.84, 0.92],
  ['konggang', 0.89, 0.88, 0.89],
  ['liangjiang', 0.93, 0.92, 0.89],
  ['huating', 0.93, 0.92, 0.95],
  ['huaqiao', 0.93, 0.94, 0.94],
  ['haitang', 0.91, 0.86, 0.94],
  ['wangcheng', 0.91, 0.88, 0.94],
  ['haicheng', 0.89, 0.85, 0.88],
  ['shenwan', 0.88, 0.85, 0.86],
  ['binjiang', 0.91, 0.91, 0.87],
  ['jiangan', 0.9, 0.94, 0.84],
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
