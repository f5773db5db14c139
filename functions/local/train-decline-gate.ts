/**
 * Trains the decline gate (`shared/understanding/decline-gate.ts`) on every labelled set under
 * `test/understanding/` and writes `shared/understanding/decline-gate-model.json`.
 *
 *   npm run train:gate                 # train on everything, write the model
 *   npm run train:gate -- --folds 6    # leave-packs-out cross-validation only, nothing written
 *
 * The input is the matcher's own decision without the gate, so retrain whenever the matcher, its
 * vocabulary or its rules change. Training is deterministic (seeded order), so a retrain on the same
 * data and code writes the same file.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { scriptPackSchema } from '#shared/script/pack-schema.ts';
import { createMatcher } from '#shared/understanding/create-matcher.ts';
import {
  createDeclineGate,
  type DeclineGateModel,
  gateFeatures,
  reviewDecision,
} from '#shared/understanding/decline-gate.ts';
import { parseLabelledSet } from '#shared/understanding/evaluate-matcher.ts';
import type { MatchDecision } from '#shared/understanding/matcher-types.ts';

const ROOT = new URL('../../', import.meta.url);
const SETS_DIR = new URL('test/understanding/', ROOT);
const MODEL_PATH = new URL('shared/understanding/decline-gate-model.json', ROOT);

/** A feature seen on fewer lines than this is noise, and bundle weight. */
const MIN_LINES = 5;
const EPOCHS = 8;
const LEARNING_RATE = 0.3;
const L2 = 1e-4;
/** Weights smaller than this change no decision; leaving them out keeps the bundle small. */
const PRUNE_BELOW = 0.05;

interface Row {
  set: string;
  expect: string | null;
  decision: MatchDecision;
  features: string[];
}

function labelledSets(): { name: string; packPath: URL; setPath: URL }[] {
  const sets = [
    {
      name: 'demo',
      packPath: new URL('shared/script/demo-pack.json', ROOT),
      setPath: new URL('dev-set.jsonl', SETS_DIR),
    },
  ];
  const files = new Set(readdirSync(SETS_DIR));
  for (const file of [...files].sort()) {
    const name = file.replace(/-pack\.json$/, '');
    // fresh-probe is a handful of lines against a copy of another pack: nothing new to learn.
    if (name === file || name === 'fresh-probe' || !files.has(`${name}-set.jsonl`)) continue;
    sets.push({ name, packPath: new URL(file, SETS_DIR), setPath: new URL(`${name}-set.jsonl`, SETS_DIR) });
  }
  return sets;
}

function collectRows(): Row[] {
  const rows: Row[] = [];
  for (const { name, packPath, setPath } of labelledSets()) {
    const pack = scriptPackSchema.parse(JSON.parse(readFileSync(packPath, 'utf8')));
    const matcher = createMatcher(pack, { declineGate: null });
    for (const line of parseLabelledSet(readFileSync(setPath, 'utf8'))) {
      const decision = matcher.match(line.text);
      rows.push({ set: name, expect: line.expect, decision, features: gateFeatures(decision) });
    }
  }
  return rows;
}

/** Seeded PRNG (mulberry32), so the shuffle and therefore the model are reproducible. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Logistic regression by AdaGrad over sparse binary features. */
function train(rows: Row[]): DeclineGateModel & { trainedOn: DeclineGateModel['trainedOn'] } {
  const lines = new Map<string, number>();
  for (const row of rows) for (const f of row.features) lines.set(f, (lines.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [feature, count] of [...lines].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    if (count >= MIN_LINES) index.set(feature, index.size);
  const encoded = rows.map((row) => ({
    ids: row.features.map((f) => index.get(f)).filter((i): i is number => i !== undefined),
    y: row.expect === null ? 1 : 0,
  }));
  const w = new Float64Array(index.size);
  const g2 = new Float64Array(index.size).fill(1e-8);
  let bias = 0;
  let biasG2 = 1e-8;
  const order = encoded.map((_, i) => i);
  const next = random(20261125);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const k of order) {
      const { ids, y } = encoded[k]!;
      let z = bias;
      for (const id of ids) z += w[id]!;
      const g = 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, z)))) - y;
      for (const id of ids) {
        const gi = g + L2 * w[id]!;
        g2[id]! += gi * gi;
        w[id]! -= (LEARNING_RATE * gi) / Math.sqrt(g2[id]!);
      }
      biasG2 += g * g;
      bias -= (LEARNING_RATE * g) / Math.sqrt(biasG2);
    }
  }
  const features: string[] = [];
  const weights: number[] = [];
  for (const [feature, id] of index) {
    if (Math.abs(w[id]!) < PRUNE_BELOW) continue;
    features.push(feature);
    weights.push(Math.round(w[id]! * 100) / 100);
  }
  return {
    trainedOn: {
      sets: new Set(rows.map((r) => r.set)).size,
      lines: rows.length,
      matcher: 'createMatcher without the gate',
    },
    features,
    weights,
    bias: Math.round(bias * 1000) / 1000,
  };
}

function score(rows: Row[], pick: (row: Row) => string | null) {
  let inScope = 0;
  let correct = 0;
  let expectedDeclines = 0;
  let declined = 0;
  let rightDeclines = 0;
  for (const row of rows) {
    const got = pick(row);
    if (got === null) declined++;
    if (row.expect === null) {
      expectedDeclines++;
      if (got === null) rightDeclines++;
    } else {
      inScope++;
      if (got === row.expect) correct++;
    }
  }
  const pct = (a: number, b: number) => (b === 0 ? '-' : ((100 * a) / b).toFixed(1));
  return `in-scope ${pct(correct, inScope)}  decline P ${pct(rightDeclines, declined)}  R ${pct(rightDeclines, expectedDeclines)}  (${rows.length} lines)`;
}

function crossValidate(rows: Row[], folds: number) {
  const names = [...new Set(rows.map((r) => r.set))];
  const foldOf = new Map(names.map((name, i) => [name, i % folds]));
  const reviewed = new Map<Row, MatchDecision>();
  for (let k = 0; k < folds; k++) {
    const gate = createDeclineGate(train(rows.filter((r) => foldOf.get(r.set) !== k)));
    for (const row of rows.filter((r) => foldOf.get(r.set) === k))
      reviewed.set(row, reviewDecision(row.decision, gate));
  }
  console.log(`leave-packs-out, ${folds} folds over ${names.length} sets`);
  console.log(`  without the gate  ${score(rows, (r) => r.decision.entryId)}`);
  console.log(`  with the gate     ${score(rows, (r) => reviewed.get(r)!.entryId)}`);
}

const { values } = parseArgs({ options: { folds: { type: 'string' } } });
const rows = collectRows();
if (values.folds) crossValidate(rows, Number(values.folds));
else {
  const model = train(rows);
  writeFileSync(MODEL_PATH, `${JSON.stringify(model)}\n`);
  console.log(
    `trained on ${model.trainedOn.lines} lines from ${model.trainedOn.sets} sets: ${model.features.length} features → ${MODEL_PATH.pathname}`,
  );
}
