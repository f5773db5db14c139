/**
 * Lambda bundles: minified size and cold import time. Each function is built exactly as the CDK
 * construct builds it (`infra/bundling.ts`), then imported by 10 fresh `node` processes whose module
 * top level runs to the end (config, keys from a Secrets Manager stand-in, the Cognito JWKS from a
 * stand-in, the app built and warmed up), next to a bare `node -e ''` as the floor and an empty bundle
 * imported the same way (what the method itself costs over bare Node).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { ensureTable, startDynamoLocal } from '#functions/local/dynamo-local.ts';
import { esbuildOptions, type LambdaName, lambdaEntries } from '#infra/bundling.ts';
import { startCognitoStandIn } from '#test/support/cognito-stand-in.ts';
import { generatedSecrets, lambdaEnv } from '#test/support/lambda-env.ts';
import { startSecretsManagerStandIn } from '#test/support/secrets-manager-stand-in.ts';

const RUNS = 10;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Wall time of one fresh process, and (when it reports one) the import time it measured itself. */
function runNode(args: string[], env: NodeJS.ProcessEnv): Promise<{ wallMs: number; importMs?: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += String(d);
    });
    child.stderr.on('data', (d) => {
      err += String(d);
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const wallMs = performance.now() - started;
      if (code !== 0) return reject(new Error(`node ${args.join(' ')} exited ${code}: ${err.slice(-2000)}`));
      const match = /IMPORT_MS=([\d.]+)/.exec(out);
      resolve(match ? { wallMs, importMs: Number(match[1]) } : { wallMs });
    });
  });
}

/** Bytes each package contributes to a bundle, largest first. */
export function bundleComposition(metafile: Metafile): { name: string; bytes: number }[] {
  const totals = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [file, input] of Object.entries(output.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? 'koujing (own code)';
      totals.set(pkg, (totals.get(pkg) ?? 0) + input.bytesInOutput);
    }
  }
  return [...totals].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const ms = (x: number) => Math.round(x * 10) / 10;

export async function runBundleBench(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'koujing-bundles-'));
  const secrets = generatedSecrets();
  const secretsManager = await startSecretsManagerStandIn(secrets);
  const cognito = await startCognitoStandIn();
  // The api's init primes its DynamoDB connection, as it would against the real table.
  const dynamo = await startDynamoLocal();
  await ensureTable(dynamo.endpoint, 'koujing');
  try {
    const env = {
      PATH: process.env.PATH,
      // As on Lambda: stack traces through the source map.
      NODE_OPTIONS: '--enable-source-maps',
      ...lambdaEnv({
        secretsManagerEndpoint: secretsManager.endpoint,
        cognitoIssuer: cognito.issuer,
        cognitoClientId: cognito.clientId,
        dynamoEndpoint: dynamo.endpoint,
        tableName: 'koujing',
      }),
    };
    const names = Object.keys(lambdaEntries) as LambdaName[];
    const compositions: Record<string, { name: string; bytes: number }[]> = {};
    const outfiles: Record<string, string> = {};
    const sizes: Record<string, number> = {};
    for (const name of names) {
      const outfile = join(outDir, name, 'index.mjs');
      const result = await build({ ...esbuildOptions(lambdaEntries[name], outfile), metafile: true });
      compositions[name] = bundleComposition(result.metafile);
      sizes[name] = statSync(outfile).size;
      outfiles[name] = outfile;
    }
    // The floor of the method itself: an empty module built and imported the same way (ESM loader,
    // --enable-source-maps), next to the bare `node -e ''`.
    const EMPTY = '(empty bundle)';
    outfiles[EMPTY] = join(outDir, 'empty', 'index.mjs');
    const { entryPoints: _entry, ...emptyOptions } = esbuildOptions('', outfiles[EMPTY]);
    await build({ ...emptyOptions, stdin: { contents: 'export {};', loader: 'ts' } });
    sizes[EMPTY] = statSync(outfiles[EMPTY]).size;
    const measured = [...names, EMPTY];
    // Interleaved, so a busy machine slows the floor and the bundles alike.
    const floor: number[] = [];
    const wall = Object.fromEntries(measured.map((n) => [n, [] as number[]]));
    const imports = Object.fromEntries(measured.map((n) => [n, [] as number[]]));
    for (let i = 0; i < RUNS; i++) {
      floor.push((await runNode(['-e', ''], { PATH: process.env.PATH })).wallMs);
      for (const name of measured) {
        const importer =
          `const t=performance.now();await import(${JSON.stringify(`file://${outfiles[name]}`)});` +
          "console.log('IMPORT_MS='+(performance.now()-t));process.exit(0)";
        const run = await runNode(['--input-type=module', '-e', importer], env);
        wall[name]!.push(run.wallMs);
        imports[name]!.push(run.importMs ?? Number.NaN);
      }
    }
    const floorMs = median(floor);
    const rows = measured.map((name) => {
      const coldMs = median(wall[name]!);
      return {
        function: name,
        'minified size': kb(sizes[name]!),
        'cold import ms (process, p50)': ms(coldMs),
        'of which import + init ms (p50)': ms(median(imports[name]!)),
        'bare node ms (p50)': ms(floorMs),
        'x bare node': Math.round((coldMs / floorMs) * 100) / 100,
        'within 2x': coldMs <= 2 * floorMs ? 'yes' : 'NO',
      };
    });
    console.log(
      `\nLambda bundles (esbuild as in infra/bundling.ts; median of ${RUNS} fresh node processes each)`,
    );
    console.table(rows);
    const largest = names.reduce((a, b) => (sizes[b]! > sizes[a]! ? b : a));
    console.log(`What the largest bundle (${largest}, ${kb(sizes[largest]!)}) carries:`);
    console.table(
      compositions[largest]!.slice(0, 12).map((c) => ({ package: c.name, 'bytes in bundle': kb(c.bytes) })),
    );
  } finally {
    await secretsManager.close();
    await cognito.close();
    await dynamo.stop();
    rmSync(outDir, { recursive: true, force: true });
  }
}
