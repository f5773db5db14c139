/**
 * `npm run --silent verify -- <bundle.json> [--expect-head <hash>]`: exit 0 when the evidence holds,
 * 1 naming the first bad seq (or what else is wrong), 2 when the file cannot be read.
 * `--expect-head` is the head hash the seal returned, kept outside the bundle (for instance in the
 * buyer's copy or the contract file): it also catches a chain cut short together with its header.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyBundle } from '#shared/archive/verify-bundle.ts';

const usage = 'usage: npm run --silent verify -- <bundle.json> [--expect-head <sha256 hex>]\n';
let file: string;
let expectHead: string | undefined;
try {
  const { values, positionals } = parseArgs({
    options: { 'expect-head': { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new Error('one bundle file, please');
  expectHead = values['expect-head'];
  if (expectHead !== undefined && !/^[0-9a-f]{64}$/.test(expectHead)) {
    throw new Error('--expect-head must be 64 lowercase hex characters');
  }
  file = positionals[0]!;
} catch (err) {
  process.stderr.write(`verify: ${(err as Error).message}\n${usage}`);
  process.exit(2);
}

let input: unknown;
try {
  input = JSON.parse(readFileSync(file, 'utf8'));
} catch (err) {
  process.stderr.write(`verify: cannot read ${file} as JSON: ${(err as Error).message}\n`);
  process.exit(2);
}
const verdict = verifyBundle(input, { expectHead });
if (verdict.ok) {
  process.stdout.write(
    `OK: chain holds — session ${verdict.sessionId}, ${verdict.records} records, head ${verdict.headHash}` +
      `${verdict.sealed ? ', sealed' : ', NOT sealed (the session was still open when exported)'}\n` +
      `校验通过：证据链完整，共 ${verdict.records} 条记录。\n`,
  );
  process.exit(0);
}
const where = verdict.seq === null ? '' : ` at seq ${verdict.seq}`;
process.stdout.write(
  `FAILED${where}: ${verdict.reason}\n` +
    `校验失败${verdict.seq === null ? '' : `：自第 ${verdict.seq} 条记录起`}，证据被篡改、删除、插入或顺序被打乱。\n`,
);
process.exit(1);
