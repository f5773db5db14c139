/** `npm run bench`: every benchmark table, measured on this machine. Not part of `npm test`. */
import { runBundleBench } from './bundle-bench.ts';
import { runMatcherBench } from './matcher-bench.ts';
import { runTurnBench } from './turn-bench.ts';

await runMatcherBench();
await runTurnBench();
await runBundleBench();
process.exit(0);
