import type { ScriptPack } from '#shared/script/pack-schema.ts';
import type { PublishedPack } from '#shared/script/script-repository.ts';
import type { Matcher } from './matcher-types.ts';

/** One matcher per immutable pack version per process: built at first use, then reused. */
export function cachedMatcherFor(build: (pack: ScriptPack) => Matcher) {
  const cache = new Map<string, Matcher>();
  return (published: PublishedPack): Matcher => {
    const key = `${published.pack.projectId}\u0000${published.pack.version}\u0000${published.sha256}`;
    let matcher = cache.get(key);
    if (!matcher) {
      matcher = build(published.pack);
      cache.set(key, matcher);
    }
    return matcher;
  };
}
