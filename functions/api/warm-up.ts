/**
 * Init-time warm-up of what is otherwise built once per process inside the first request, so that
 * the init phase (which Lambda runs with its full CPU) pays for it rather than the first user:
 * - the matcher's tables: pinyin-pro builds its word automaton on its first call and the
 *   Traditional→Simplified converter is built on first use (about 35 ms). A one-entry pack runs the
 *   real build and match path; the matcher of each published pack is still built on its first use,
 *   since it depends on the pack.
 * - the HTTP path: Node loads its fetch implementation (undici, behind `Request`/`Response`) on first
 *   use and Hono compiles its router on the first match (about 13 ms); the SDK sets up its first
 *   DynamoDB call. One request to `/health` runs all three.
 */
import type { App } from '#shared/http/create-app.ts';
import type { ScriptPack } from '#shared/script/pack-schema.ts';
import type { Matcher } from '#shared/understanding/matcher-types.ts';

const WARM_UP_PACK: ScriptPack = {
  projectId: 'warm-up',
  projectName: '预热',
  version: '1',
  effectiveFrom: '2026-01-01',
  entries: [
    {
      id: 'fee',
      topic: '物业费',
      questions: ['物業費一平米多少錢'],
      answer: '以物业合同为准。',
      commitment: false,
      keywords: ['物业费'],
    },
  ],
  disclosures: [],
};

export function warmUpMatcher(build: (pack: ScriptPack) => Matcher): void {
  build(WARM_UP_PACK).match('物叶费多少钱一平');
}

/**
 * Also opens the DynamoDB connection (TLS, SDK first-call set-up) with the health probe's one
 * GetItem. A database that does not answer yet must not fail the init: the request path retries.
 */
export async function warmUpHttp(app: Pick<App, 'request'>, log: (message: string) => void): Promise<void> {
  const res = await app.request('/health');
  if (res.status !== 200) log(`warm-up health check answered ${res.status}`);
}
