/**
 * Trains the matcher's three learned parts on the labelled sets under `test/understanding/` (all
 * but those listed in `held-out-sets.json`, kept unseen for measuring), each on the decisions the
 * ones before it shape: the clause judge (`shared/understanding/clause-judge.ts`), the entry
 * re-ranker (`shared/understanding/entry-reranker.ts`) and, on the re-ranked decisions, the decline
 * gate (`shared/understanding/decline-gate.ts`). Writes the models next to their code.
 *
 *   npm run train                 # train on everything, write the models
 *   npm run train -- --folds 6    # leave-packs-out cross-validation only, nothing written
 *   npm run train -- --folds 6 --sets haicheng,shenwan   # … scored on those sets alone
 *   npm run train -- --exclude haicheng,shenwan          # train without them (to measure on them)
 *
 * The input is the matcher's own decision without the learned parts, so retrain whenever the
 * matcher, its vocabulary or its rules change. Training is deterministic (seeded order), so a
 * retrain on the same data and code writes the same files.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type ScriptPack, scriptPackSchema } from '#shared/script/pack-schema.ts';
import {
  type ClauseJudge,
  type ClauseJudgeModel,
  type ClauseReading,
  clauseFeatures,
  createClauseJudge,
} from '#shared/understanding/clause-judge.ts';
import { createMatcher } from '#shared/understanding/create-matcher.ts';
import {
  createDeclineGate,
  type DeclineGateModel,
  gateFeatures,
} from '#shared/understanding/decline-gate.ts';
import {
  createEntryReranker,
  type EntryRerankerModel,
  type RerankEntry,
  rerankDecision,
  rerankEntries,
  rerankFeatures,
} from '#shared/understanding/entry-reranker.ts';
import {
  type LabelledQuestion,
  parseLabelledSet,
  tallyOutcomes,
} from '#shared/understanding/evaluate-matcher.ts';
import { sigmoid } from '#shared/understanding/linear-model.ts';
import type { MatchDecision } from '#shared/understanding/matcher-types.ts';
import { createTextNormalizer } from '#shared/understanding/normalize-text.ts';

const ROOT = new URL('../../', import.meta.url);
const SETS_DIR = new URL('test/understanding/', ROOT);
const GATE_PATH = new URL('shared/understanding/decline-gate-model.json', ROOT);
const RERANKER_PATH = new URL('shared/understanding/entry-reranker-model.json', ROOT);
const JUDGE_PATH = new URL('shared/understanding/clause-judge-model.json', ROOT);
const MATCHER = 'createMatcher without its learned parts';
const JUDGED = 'createMatcher with the clause judge alone';
/** Sets the models must never see, so they can be measured on packs they never saw. */
const HELD_OUT_PATH = new URL('held-out-sets.json', SETS_DIR);

interface LabelledSet {
  name: string;
  pack: ScriptPack;
  lines: LabelledQuestion[];
}

interface Row {
  set: string;
  pack: ScriptPack;
  text: string;
  expect: string | null;
  decision: MatchDecision;
  entries: ReadonlyMap<string, RerankEntry>;
}

interface Settings {
  /** A feature seen in fewer examples than this is noise, and bundle weight. */
  minExamples: number;
  epochs: number;
  learningRate: number;
  l2: number;
  /** Weights smaller than this change no decision; leaving them out keeps the bundle small. */
  pruneBelow: number;
  /**
   * Word pairs (the re-ranker's `x:` features) are many and each rare: kept only from more
   * examples and with larger weights, or they would make the model many times larger for little
   * gain (on the held-out sets: 2.0 MB from 20 examples, 0.6 MB from 60, within 0.1 in-scope).
   */
  pairs?: { minExamples: number; pruneBelow: number };
}
const JUDGE_SETTINGS: Settings = {
  minExamples: 3,
  epochs: 10,
  learningRate: 0.3,
  l2: 1e-3,
  pruneBelow: 0.01,
};
const GATE_SETTINGS: Settings = { minExamples: 5, epochs: 8, learningRate: 0.3, l2: 1e-4, pruneBelow: 0.05 };
const RERANKER_SETTINGS: Settings = {
  minExamples: 2,
  epochs: 6,
  learningRate: 0.2,
  l2: 1e-4,
  pruneBelow: 0.01,
  pairs: { minExamples: 60, pruneBelow: 0.1 },
};
const limitsOf = (feature: string, settings: Settings) =>
  settings.pairs && feature.startsWith('x:') ? settings.pairs : settings;

function labelledSets(): { name: string; packPath: URL; setPath: URL }[] {
  const sets = [
    {
      name: 'demo',
      packPath: new URL('shared/script/demo-pack.json', ROOT),
      setPath: new URL('dev-set.jsonl', SETS_DIR),
    },
  ];
  const files = new Set(readdirSync(SETS_DIR));
  const heldOut: string[] = JSON.parse(readFileSync(HELD_OUT_PATH, 'utf8')).sets;
  for (const file of [...files].sort()) {
    const name = file.replace(/-pack\.json$/, '');
    // fresh-probe is a handful of lines against a copy of another pack: nothing new to learn.
    if (name === file || name === 'fresh-probe' || !files.has(`${name}-set.jsonl`)) continue;
    if (heldOut.includes(name)) continue;
    sets.push({ name, packPath: new URL(file, SETS_DIR), setPath: new URL(`${name}-set.jsonl`, SETS_DIR) });
  }
  return sets;
}

function loadSets(excluded: string[]): LabelledSet[] {
  return labelledSets()
    .filter(({ name }) => !excluded.includes(name))
    .map(({ name, packPath, setPath }) => ({
      name,
      pack: scriptPackSchema.parse(JSON.parse(readFileSync(packPath, 'utf8'))),
      lines: parseLabelledSet(readFileSync(setPath, 'utf8')),
    }));
}

type Example = { features: ReadonlyMap<string, number>; y: 0 | 1 };
type JudgeExample = Example & { set: string };

/**
 * The lines the clause judge learns from: those whose first clause and whole line find different
 * entries, one of them right. A judge that always says "two questions" records each reading.
 */
function collectReadings(sets: LabelledSet[]): JudgeExample[] {
  const examples: JudgeExample[] = [];
  let reading: ClauseReading | null = null;
  const recorder: ClauseJudge = {
    oneQuestionLikelihood(r) {
      reading = r;
      return 0;
    },
  };
  for (const { name, pack, lines } of sets) {
    const matcher = createMatcher(pack, { clauseJudge: recorder, reranker: null, declineGate: null });
    for (const line of lines) {
      reading = null;
      matcher.match(line.text);
      const r = reading as ClauseReading | null;
      if (r === null || (line.expect !== r.whole.entryId && line.expect !== r.first.entryId)) continue;
      examples.push({ set: name, features: clauseFeatures(r), y: line.expect === r.whole.entryId ? 1 : 0 });
    }
  }
  return examples;
}

/** Every line's decision by the rules and retrieval, with the clause judge given (or none). */
function collectRows(sets: LabelledSet[], clauseJudge: ClauseJudge | null): Row[] {
  const rows: Row[] = [];
  for (const { name, pack, lines } of sets) {
    const matcher = createMatcher(pack, { clauseJudge, reranker: null, declineGate: null });
    const entries = rerankEntries(pack, createTextNormalizer(pack.synonyms ?? {}));
    for (const line of lines)
      rows.push({
        set: name,
        pack,
        text: line.text,
        expect: line.expect,
        decision: matcher.match(line.text),
        entries,
      });
  }
  return rows;
}

/** Seeded PRNG (mulberry32), so the shuffle and therefore the models are reproducible. */
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

/** Logistic regression by AdaGrad over sparse features. */
function logisticRegression(examples: Example[], settings: Settings) {
  const seen = new Map<string, number>();
  for (const { features } of examples) for (const f of features.keys()) seen.set(f, (seen.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [feature, count] of [...seen].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    if (count >= limitsOf(feature, settings).minExamples) index.set(feature, index.size);
  const encoded = examples.map(({ features, y }) => {
    const ids: number[] = [];
    const values: number[] = [];
    for (const [f, v] of features) {
      const id = index.get(f);
      if (id === undefined) continue;
      ids.push(id);
      values.push(v);
    }
    return { ids, values, y };
  });
  const w = new Float64Array(index.size);
  const g2 = new Float64Array(index.size).fill(1e-8);
  let bias = 0;
  let biasG2 = 1e-8;
  const order = encoded.map((_, i) => i);
  const next = random(20261125);
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const k of order) {
      const { ids, values, y } = encoded[k]!;
      let z = bias;
      for (let i = 0; i < ids.length; i++) z += w[ids[i]!]! * values[i]!;
      const g = sigmoid(z) - y;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        const gi = g * values[i]! + settings.l2 * w[id]!;
        g2[id]! += gi * gi;
        w[id]! -= (settings.learningRate * gi) / Math.sqrt(g2[id]!);
      }
      biasG2 += g * g;
      bias -= (settings.learningRate * g) / Math.sqrt(biasG2);
    }
  }
  const features: string[] = [];
  const weights: number[] = [];
  for (const [feature, id] of index) {
    if (Math.abs(w[id]!) < limitsOf(feature, settings).pruneBelow) continue;
    features.push(feature);
    weights.push(Math.round(w[id]! * 100) / 100);
  }
  return { features, weights, bias: Math.round(bias * 100) / 100 };
}

const setCount = (rows: Row[]) => new Set(rows.map((r) => r.set)).size;

function trainReranker(rows: Row[]): EntryRerankerModel {
  const examples: Example[] = [];
  for (const { decision, expect, entries } of rows) {
    // Only lines whose right entry is one of the two compared teach the comparison.
    if (expect === null || (expect !== decision.entryId && expect !== decision.runnerUp?.entryId)) continue;
    const features = rerankFeatures(decision, entries);
    if (features) examples.push({ features, y: expect === decision.entryId ? 0 : 1 });
  }
  // …and so do those whose right entry lies further down, or is the best with others further down.
  for (const { decision, expect, entries } of rows) {
    if (expect === null || decision.entryId === null) continue;
    for (const candidate of decision.further ?? []) {
      if (expect !== decision.entryId && expect !== candidate.entryId) continue;
      const features = rerankFeatures(decision, entries, candidate);
      if (features) examples.push({ features, y: expect === decision.entryId ? 0 : 1 });
    }
  }
  return {
    trainedOn: { sets: setCount(rows), lines: rows.length, pairs: examples.length, matcher: JUDGED },
    ...logisticRegression(examples, RERANKER_SETTINGS),
  };
}

function trainGate(rows: Row[]): DeclineGateModel {
  const examples: Example[] = rows.map(({ decision, expect }) => ({
    features: new Map(gateFeatures(decision).map((f) => [f, 1])),
    y: expect === null ? 1 : 0,
  }));
  return {
    trainedOn: { sets: setCount(rows), lines: rows.length, matcher: `${JUDGED}, then the re-ranker` },
    ...logisticRegression(examples, GATE_SETTINGS),
  };
}

function trainJudge(examples: JudgeExample[]): ClauseJudgeModel {
  return {
    trainedOn: { sets: new Set(examples.map((e) => e.set)).size, lines: examples.length, matcher: MATCHER },
    ...logisticRegression(examples, JUDGE_SETTINGS),
  };
}

/** Each set's fold: whole packs stay together, so a fold's models never see its packs. */
function foldsBySet(rows: { set: string }[], folds: number): Map<string, number> {
  return new Map([...new Set(rows.map((r) => r.set))].map((name, i) => [name, i % folds]));
}

/** Folds the gate's training lines are re-ranked in (see trainBoth). */
const INNER_FOLDS = 5;

/**
 * Trains the re-ranker, then the gate on what the re-ranker leaves. The gate learns from lines
 * each re-ranked by a re-ranker that never saw their pack, as it will meet new packs; re-ranked
 * by the final re-ranker instead, its own training lines would make swaps look surer than they are.
 */
function trainBoth(rows: Row[]) {
  const rerankerModel = trainReranker(rows);
  const foldOf = foldsBySet(rows, INNER_FOLDS);
  const reranked: Row[] = [];
  for (let k = 0; k < INNER_FOLDS; k++) {
    const reranker = createEntryReranker(trainReranker(rows.filter((r) => foldOf.get(r.set) !== k)));
    for (const row of rows.filter((r) => foldOf.get(r.set) === k))
      reranked.push({ ...row, decision: rerankDecision(row.decision, row.entries, reranker) });
  }
  return { rerankerModel, reranker: createEntryReranker(rerankerModel), gateModel: trainGate(reranked) };
}

function score(outcomes: { expect: string | null; got: string | null }[]) {
  const { inScope, decline } = tallyOutcomes(outcomes);
  const pct = (x: number) => (100 * x).toFixed(1);
  return `in-scope ${pct(inScope.accuracy)}  decline P ${pct(decline.precision)}  R ${pct(decline.recall)}  (${outcomes.length} lines)`;
}

/**
 * Each fold's models are trained on the other folds' sets; the fold's own sets are then matched
 * again by a matcher carrying those models, exactly as in production.
 */
function crossValidate(sets: LabelledSet[], readings: JudgeExample[], folds: number, only: string[]) {
  const foldOf = foldsBySet(
    sets.map(({ name }) => ({ set: name })),
    folds,
  );
  const stages = ['rules and retrieval', '+ clause judge', '+ re-ranker', '+ decline gate'];
  /** Each line's answer at each stage, by a matcher whose models never saw the line's pack. */
  const got = new Map<LabelledQuestion, (string | null)[]>();
  for (let k = 0; k < folds; k++) {
    const training = sets.filter(({ name }) => foldOf.get(name) !== k);
    const clauseJudge = createClauseJudge(trainJudge(readings.filter((r) => foldOf.get(r.set) !== k)));
    const { reranker, gateModel } = trainBoth(collectRows(training, clauseJudge));
    const declineGate = createDeclineGate(gateModel);
    for (const { pack, lines } of sets.filter(({ name }) => foldOf.get(name) === k)) {
      const matchers = [
        createMatcher(pack, { clauseJudge: null, reranker: null, declineGate: null }),
        createMatcher(pack, { clauseJudge, reranker: null, declineGate: null }),
        createMatcher(pack, { clauseJudge, reranker, declineGate: null }),
        createMatcher(pack, { clauseJudge, reranker, declineGate }),
      ];
      for (const line of lines)
        got.set(
          line,
          matchers.map((m) => m.match(line.text).entryId),
        );
    }
  }
  const shown = sets.filter(({ name }) => only.length === 0 || only.includes(name)).flatMap((s) => s.lines);
  const which = only.length > 0 ? `; scored on ${only.join(', ')}` : '';
  console.log(`leave-packs-out, ${folds} folds over ${foldOf.size} sets${which}`);
  stages.forEach((stage, i) => {
    const outcomes = shown.map((line) => ({ expect: line.expect, got: got.get(line)![i]! }));
    console.log(`  ${stage.padEnd(20)} ${score(outcomes)}`);
  });
}

const { values } = parseArgs({
  options: { folds: { type: 'string' }, sets: { type: 'string' }, exclude: { type: 'string' } },
});
const sets = loadSets(values.exclude?.split(',') ?? []);
const readings = collectReadings(sets);
if (values.folds) crossValidate(sets, readings, Number(values.folds), values.sets?.split(',') ?? []);
else {
  const judgeModel = trainJudge(readings);
  const rows = collectRows(sets, createClauseJudge(judgeModel));
  const { rerankerModel, gateModel } = trainBoth(rows);
  writeFileSync(JUDGE_PATH, `${JSON.stringify(judgeModel)}\n`);
  writeFileSync(RERANKER_PATH, `${JSON.stringify(rerankerModel)}\n`);
  writeFileSync(GATE_PATH, `${JSON.stringify(gateModel)}\n`);
  console.log(
    `trained on ${rows.length} lines from ${setCount(rows)} sets: clause judge ${judgeModel.features.length} features from ${readings.length} split lines, re-ranker ${rerankerModel.features.length} features from ${rerankerModel.trainedOn.pairs} pairs, gate ${gateModel.features.length} features`,
  );
}
