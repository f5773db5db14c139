/**
 * `npm run eval -- --pack <pack.json> --set <set.jsonl> [--confusions <n>]`: scores the matcher on a
 * labelled set and prints in-scope top-1, decline precision/recall, overall and per-kind accuracy,
 * the confusions, latency p50/p99 and the pack load time. Exit 2 on bad arguments or input.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as z from 'zod';
import { scriptPackSchema } from '#shared/script/pack-schema.ts';
import { createMatcher } from '#shared/understanding/create-matcher.ts';
import { evaluateMatcher, parseLabelledSet } from '#shared/understanding/evaluate-matcher.ts';

const USAGE = 'usage: npm run eval -- --pack <pack.json> --set <set.jsonl> [--confusions <n>]\n';

const argsSchema = z.object({
  pack: z.string({ error: '--pack <pack.json> is required' }).min(1),
  set: z.string({ error: '--set <set.jsonl> is required' }).min(1),
  confusions: z.coerce.number().int().min(0).default(100),
});

function fail(message: string): never {
  process.stderr.write(`eval: ${message}\n${USAGE}`);
  process.exit(2);
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    return fail(`cannot read the ${what} ${path}: ${(err as Error).message}`);
  }
}

let rawArgs: ReturnType<typeof parseArgs>['values'];
try {
  rawArgs = parseArgs({
    args: process.argv.slice(2),
    options: { pack: { type: 'string' }, set: { type: 'string' }, confusions: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  }).values;
} catch (err) {
  fail((err as Error).message);
}
const args = argsSchema.safeParse(rawArgs);
if (!args.success) fail(z.prettifyError(args.error));

let packJson: unknown;
try {
  packJson = JSON.parse(readText(args.data.pack, 'pack'));
} catch (err) {
  fail(`the pack ${args.data.pack} is not valid JSON: ${(err as Error).message}`);
}
const pack = scriptPackSchema.safeParse(packJson);
if (!pack.success)
  fail(`the pack ${args.data.pack} is not a valid script pack:\n${z.prettifyError(pack.error)}`);

let rows: ReturnType<typeof parseLabelledSet>;
try {
  rows = parseLabelledSet(readText(args.data.set, 'set'));
} catch (err) {
  fail(`the set ${args.data.set}: ${(err as Error).message}`);
}
if (rows.length === 0) fail(`the set ${args.data.set} has no lines`);
const entryIds = new Set(pack.data.entries.map((e) => e.id));
const unknown = rows.filter((r) => r.expect !== null && !entryIds.has(r.expect));
if (unknown.length > 0) {
  fail(
    `the set expects entries the pack does not have: ${[...new Set(unknown.map((r) => r.expect))].join(', ')}`,
  );
}

const loadStart = performance.now();
const matcher = createMatcher(pack.data);
const loadMs = performance.now() - loadStart;
// Warm up (JIT, caches) before the timed pass, as a Lambda does after its first request.
for (const row of rows) matcher.match(row.text);
const report = evaluateMatcher(matcher, rows);

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
process.stdout.write(
  `\npack ${pack.data.projectId}@${pack.data.version} (${pack.data.entries.length} entries), set ${args.data.set} (${rows.length} lines)\n`,
);
console.table({
  'in-scope top-1': {
    value: pct(report.inScope.accuracy),
    count: `${report.inScope.correct}/${report.inScope.total}`,
  },
  'decline precision': {
    value: pct(report.decline.precision),
    count: `${report.decline.correct}/${report.decline.declined}`,
  },
  'decline recall': {
    value: pct(report.decline.recall),
    count: `${report.decline.correct}/${report.decline.expected}`,
  },
  'overall accuracy': {
    value: pct(report.overall.accuracy),
    count: `${report.overall.correct}/${report.total}`,
  },
  'second question found': {
    value: pct(report.secondary.accuracy),
    count: `${report.secondary.correct}/${report.secondary.total}`,
  },
  'latency p50': { value: `${report.latencyMs.p50.toFixed(3)} ms`, count: '' },
  'latency p99': { value: `${report.latencyMs.p99.toFixed(3)} ms`, count: '' },
  'pack load': { value: `${loadMs.toFixed(1)} ms`, count: '' },
});
console.table(
  Object.fromEntries(
    Object.entries(report.perKind).map(([kind, k]) => [
      kind,
      { accuracy: pct(k.accuracy), count: `${k.correct}/${k.total}` },
    ]),
  ),
);
const shown = report.confusions.slice(0, args.data.confusions);
if (shown.length > 0) {
  process.stdout.write(`confusions (${report.confusions.length}):\n`);
  console.table(
    shown.map((c) => ({
      text: c.text,
      kind: c.kind,
      expected: c.expected ?? 'decline',
      got: c.got ?? 'decline',
      detail: c.detail,
    })),
  );
}
