import { describe, expect, it } from 'vitest';
import { createMatcher } from '#shared/understanding/create-matcher.ts';
import { evaluateMatcher } from '#shared/understanding/evaluate-matcher.ts';
import { loadLabelled } from './load-packs.ts';

/**
 * Packs and sets written by independent writers who never saw the matcher, each measured untouched
 * once. Most were then used to find failure patterns, and all but the held-out ones train the
 * learned models (`npm run train`), so their levels are not figures for unseen
 * data (cross-validation and the held-out sets are). They keep what was reached: a change may not pull
 * any of them more than about 2 points below its level (in-scope top-1, decline precision, decline
 * recall); a matcher change that does usually needs `npm run train` after it.
 * The bar itself (95%) is asserted in dev-set.test.ts where met.
 */
const FLOORS: ReadonlyArray<readonly [name: string, inScope: number, precision: number, recall: number]> = [
  ['holdout', 0.98, 0.98, 0.98],
  ['jinyue', 0.98, 0.98, 0.98],
  ['haiyun', 0.96, 0.95, 0.96],
  ['qinghe', 0.97, 0.98, 0.96],
  ['songtao', 0.98, 0.98, 0.97],
  ['fengming', 0.97, 0.98, 0.92],
  ['jinlan', 0.97, 0.98, 0.98],
  ['yuexi', 0.96, 0.97, 0.98],
  ['yunqitod', 0.96, 0.97, 0.98],
  ['yuelan', 0.97, 0.96, 0.98],
  ['yunfengli', 0.97, 0.97, 0.98],
  ['guiyufu', 0.95, 0.97, 0.98],
  ['qingling', 0.95, 0.95, 0.98],
  ['wangchao', 0.95, 0.94, 0.98],
  ['shuyuanli', 0.96, 0.96, 0.98],
  ['kechuangfu', 0.96, 0.97, 0.98],
  ['tiyunfu', 0.97, 0.98, 0.97],
  ['nansha', 0.94, 0.94, 0.98],
  ['lanyue', 0.95, 0.94, 0.98],
  ['nuanyue', 0.95, 0.97, 0.97],
  ['shanhe', 0.94, 0.93, 0.98],
  ['tangquan', 0.97, 0.98, 0.98],
  ['yongjiang', 0.96, 0.98, 0.98],
  ['hunnan', 0.96, 0.97, 0.97],
  ['lanqi', 0.96, 0.97, 0.98],
  ['lulan', 0.96, 0.97, 0.98],
  ['changan', 0.97, 0.98, 0.97],
  ['yelan', 0.94, 0.94, 0.98],
  ['yunhe', 0.96, 0.95, 0.97],
  ['jiangyue', 0.95, 0.94, 0.98],
  ['hanggang', 0.96, 0.98, 0.97],
  ['jingu', 0.95, 0.93, 0.98],
  ['chunlan', 0.93, 0.96, 0.98],
  ['yunxi', 0.94, 0.97, 0.98],
  ['xianglu', 0.95, 0.97, 0.98],
  ['qijiang', 0.97, 0.96, 0.98],
  ['xinggang', 0.95, 0.94, 0.96],
  ['jianglan', 0.93, 0.91, 0.98],
  ['lanhu', 0.96, 0.97, 0.98],
  ['mengyang', 0.94, 0.92, 0.97],
  ['minshan', 0.94, 0.95, 0.96],
  ['fengqi', 0.94, 0.94, 0.98],
  ['songbei', 0.96, 0.98, 0.98],
  ['shucheng', 0.95, 0.94, 0.98],
  ['luhu', 0.95, 0.95, 0.97],
  ['yunlu', 0.94, 0.97, 0.97],
  ['huijing', 0.95, 0.95, 0.98],
  ['hupan', 0.93, 0.91, 0.98],
  ['haiyue', 0.95, 0.98, 0.98],
  ['lanxi', 0.96, 0.97, 0.98],
  ['hangting', 0.95, 0.98, 0.98],
  ['xinyue', 0.95, 0.96, 0.98],
  ['lanan', 0.93, 0.96, 0.98],
  ['fendong', 0.95, 0.97, 0.98],
  ['aowang', 0.94, 0.92, 0.98],
  ['yunzhan', 0.94, 0.96, 0.97],
  ['konggang', 0.94, 0.94, 0.95],
  ['liangjiang', 0.96, 0.95, 0.98],
  ['huating', 0.96, 0.95, 0.98],
  ['huaqiao', 0.95, 0.96, 0.97],
  ['haitang', 0.94, 0.93, 0.97],
  ['wangcheng', 0.95, 0.93, 0.98],
  ['haicheng', 0.96, 0.95, 0.96],
  ['shenwan', 0.93, 0.9, 0.96],
  ['binjiang', 0.95, 0.97, 0.98],
  ['jiangan', 0.95, 0.96, 0.96],
  ['ouhai', 0.93, 0.94, 0.95],
  ['dongzhan', 0.95, 0.94, 0.98],
  ['songhu', 0.94, 0.95, 0.96],
  ['jingyue', 0.94, 0.96, 0.97],
  ['taihu', 0.96, 0.98, 0.98],
  ['citong', 0.94, 0.91, 0.98],
  ['dayawan', 0.95, 0.96, 0.97],
  ['tongzhou', 0.93, 0.96, 0.98],
  ['yantai', 0.91, 0.89, 0.97],
  ['zhongshan', 0.93, 0.89, 0.98],
  ['yangzhou', 0.96, 0.96, 0.98],
  ['guilin', 0.95, 0.96, 0.97],
  ['hohhot', 0.96, 0.97, 0.97],
  ['haimen', 0.96, 0.95, 0.97],
  ['shantou', 0.91, 0.89, 0.98],
  ['mianyang', 0.94, 0.95, 0.98],
  ['weifang', 0.93, 0.93, 0.97],
  ['jiaxing', 0.96, 0.95, 0.95],
  ['zhangzhou', 0.92, 0.91, 0.98],
  ['yichang', 0.95, 0.97, 0.98],
  ['liuzhou', 0.97, 0.97, 0.98],
  ['caofeidian', 0.96, 0.95, 0.97],
  // Held out of training (test/understanding/held-out-sets.json): these floors are unseen-level figures.
  ['baoding', 0.91, 0.93, 0.93],
  ['zhuzhou', 0.92, 0.91, 0.94],
  ['taishan', 0.93, 0.93, 0.96],
  ['xixian', 0.93, 0.95, 0.96],
  ['wuhu', 0.93, 0.95, 0.92],
  ['zunyi', 0.91, 0.91, 0.94],
  ['wuxiang', 0.94, 0.94, 0.92],
  ['lanzhouxinqu', 0.96, 0.98, 0.96],
  ['ningde', 0.95, 0.93, 0.95],
  ['xuzhou', 0.93, 0.93, 0.95],
  // Held out as well, measured untouched with the code at fd945a2 (a later batch).
  ['chenggong', 0.92, 0.92, 0.94],
  ['xiangan', 0.9, 0.9, 0.96],
  ['haerbin', 0.92, 0.94, 0.95],
  ['honggutan', 0.93, 0.91, 0.94],
  ['taiyuan', 0.92, 0.95, 0.94],
  ['jiangdong', 0.92, 0.93, 0.95],
  // Held out as well, measured untouched with the code at fae1a4e (two batches).
  ['anning', 0.93, 0.95, 0.97],
  ['binhu', 0.92, 0.94, 0.94],
  ['guanshanhu', 0.92, 0.89, 0.95],
  ['shanwei', 0.92, 0.92, 0.92],
  ['zhifu', 0.95, 0.95, 0.94],
  ['sanjiangkou', 0.93, 0.92, 0.95],
  ['luoyang', 0.93, 0.95, 0.93],
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
