/** `npm run --silent verify -- <bundle.json>`: exit 0 when the evidence chain holds, 1 naming the first bad seq. */
import { readFileSync } from 'node:fs';
import { verifyBundle } from '#shared/archive/verify-bundle.ts';

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  process.stderr.write('usage: npm run --silent verify -- <bundle.json>\n');
  process.exit(2);
}
let input: unknown;
try {
  input = JSON.parse(readFileSync(file, 'utf8'));
} catch (err) {
  process.stderr.write(`verify: cannot read ${file} as JSON: ${(err as Error).message}\n`);
  process.exit(2);
}
const verdict = verifyBundle(input);
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
  `FAILED${where}: ${verdict.reason}\n校验失败${verdict.seq === null ? '' : `：第 ${verdict.seq} 条记录`}被篡改、删除、插入或顺序被打乱。\n`,
);
process.exit(1);
