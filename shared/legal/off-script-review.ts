import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ArchiveRecord } from '#shared/archive/archive-record.ts';
import { ValidationError } from '#shared/errors.ts';
import type { TableRef } from '#shared/store/dynamo-client.ts';
import { feedQueryParams, projectOffScriptGsiPk } from '#shared/store/keys.ts';

export interface FlaggedCommitment {
  sessionId: string;
  seq: number;
  ts: string;
  agentId: string;
  text: string;
  flaggedTerms: string[];
  hash: string;
}

/** Off-script commitments a project's agents typed, newest first: the review queue for legal and managers. */
export async function listOffScriptCommitments(
  table: TableRef,
  projectId: string,
  query: { from?: string; to?: string; cursor?: string; limit?: number } = {},
): Promise<{ items: FlaggedCommitment[]; nextCursor: string | null }> {
  const out = await table.doc.send(
    new QueryCommand({
      ...feedQueryParams(table.tableName, projectOffScriptGsiPk(projectId), query),
      ProjectionExpression: 'body',
      Limit: query.limit ?? 100,
      ExclusiveStartKey: query.cursor ? decodeCursor(query.cursor, projectId) : undefined,
    }),
  );
  const items = (out.Items ?? []).map((item) => {
    const r = JSON.parse(String(item.body)) as ArchiveRecord;
    return {
      sessionId: r.sessionId,
      seq: r.seq,
      ts: r.ts,
      agentId: r.actor.id,
      text: r.text,
      flaggedTerms: r.flaggedTerms ?? [],
      hash: r.hash,
    };
  });
  return { items, nextCursor: out.LastEvaluatedKey ? encodeCursor(out.LastEvaluatedKey) : null };
}

const encodeCursor = (key: Record<string, unknown>) => Buffer.from(JSON.stringify(key)).toString('base64url');

/** A cursor is only ever a key of this project's queue (gsi2pk/gsi2sk/pk/sk strings); anything else is refused. */
function decodeCursor(cursor: string, projectId: string): Record<string, string> {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    const names = Object.keys(key).sort().join(',');
    const strings = Object.values(key).every((v) => typeof v === 'string');
    if (names === 'gsi2pk,gsi2sk,pk,sk' && strings && key.gsi2pk === projectOffScriptGsiPk(projectId)) {
      return key as Record<string, string>;
    }
  } catch {
    // not base64url JSON: refused below
  }
  throw new ValidationError('cursor 无效');
}
