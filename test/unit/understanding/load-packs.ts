import { readFileSync } from 'node:fs';
import { type ScriptPack, scriptPackSchema } from '#shared/script/pack-schema.ts';
import { type LabelledQuestion, parseLabelledSet } from '#shared/understanding/evaluate-matcher.ts';

const read = (relative: string) => readFileSync(new URL(relative, import.meta.url), 'utf8');

export const demoPack: ScriptPack = scriptPackSchema.parse(
  JSON.parse(read('../../../shared/script/demo-pack.json')),
);
export const secondPack: ScriptPack = scriptPackSchema.parse(
  JSON.parse(read('../../understanding/second-pack.json')),
);
export const devSet: LabelledQuestion[] = parseLabelledSet(read('../../understanding/dev-set.jsonl'));
export const secondSet: LabelledQuestion[] = parseLabelledSet(read('../../understanding/second-set.jsonl'));
export const holdoutPack: ScriptPack = scriptPackSchema.parse(
  JSON.parse(read('../../understanding/holdout-pack.json')),
);
export const holdoutSet: LabelledQuestion[] = parseLabelledSet(read('../../understanding/holdout-set.jsonl'));
// Written by another writer (Qingdao seaside project); the learning set of its round.
export const songtaoPack: ScriptPack = scriptPackSchema.parse(
  JSON.parse(read('../../understanding/songtao-pack.json')),
);
export const songtaoSet: LabelledQuestion[] = parseLabelledSet(read('../../understanding/songtao-set.jsonl'));

/** A pack and its labelled set kept under `test/understanding/<name>-pack.json` / `<name>-set.jsonl`. */
export function loadLabelled(name: string): { pack: ScriptPack; set: LabelledQuestion[] } {
  return {
    pack: scriptPackSchema.parse(JSON.parse(read(`../../understanding/${name}-pack.json`))),
    set: parseLabelledSet(read(`../../understanding/${name}-set.jsonl`)),
  };
}
