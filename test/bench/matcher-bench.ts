/**
 * Matcher benchmark on the demo pack: pack load (cold, which includes building the OpenCC and
 * pinyin tables once per process, and warm) and per-question latency over the development set,
 * overall and per kind, after a warm-up.
 */
import { readFileSync } from 'node:fs';
import { scriptPackSchema } from '#shared/script/pack-schema.ts';
import { createMatcher } from '#shared/understanding/create-matcher.ts';
import { parseLabelledSet } from '#shared/understanding/evaluate-matcher.ts';
import { summarize } from './stats.ts';

const PASSES = 30;

export async function runMatcherBench(): Promise<void> {
  const pack = scriptPackSchema.parse(
    JSON.parse(readFileSync(new URL('../../shared/script/demo-pack.json', import.meta.url), 'utf8')),
  );
  const rows = parseLabelledSet(
    readFileSync(new URL('../understanding/dev-set.jsonl', import.meta.url), 'utf8'),
  );

  let start = performance.now();
  const matcher = createMatcher(pack);
  const coldLoad = performance.now() - start;
  const warmLoads: number[] = [];
  for (let i = 0; i < 10; i++) {
    start = performance.now();
    createMatcher(pack);
    warmLoads.push(performance.now() - start);
  }

  for (let i = 0; i < 3; i++) for (const row of rows) matcher.match(row.text);
  const all: number[] = [];
  const byKind = new Map<string, number[]>();
  for (let pass = 0; pass < PASSES; pass++) {
    for (const row of rows) {
      start = performance.now();
      matcher.match(row.text);
      const ms = performance.now() - start;
      all.push(ms);
      const list = byKind.get(row.kind) ?? [];
      list.push(ms);
      byKind.set(row.kind, list);
    }
  }

  console.log(
    `\nMatcher — demo pack ${pack.projectId}@${pack.version}: ${pack.entries.length} entries, ${rows.length} dev-set questions × ${PASSES} passes`,
  );
  console.table({
    'pack load, cold (first in process)': { ms: Math.round(coldLoad * 10) / 10 },
    'pack load, warm (p50 of 10)': { ms: summarize(warmLoads)['p50 ms'] },
  });
  console.table({
    'all questions': summarize(all),
    ...Object.fromEntries([...byKind].map(([kind, samples]) => [kind, summarize(samples)])),
  });
}
