import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ArchiveRecord } from '#shared/archive/archive-record.ts';
import type { TableRef } from '#shared/store/dynamo-client.ts';
import { projectOffScriptGsiPk } from '#shared/store/keys.ts';

const PAGE_LIMIT = 200;

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
  range: { from?: string; to?: string } = {},
): Promise<FlaggedCommitment[]> {
  const between = range.from || range.to;
  const out = await table.doc.send(
    new QueryCommand({
      TableName: table.tableName,
      IndexName: 'gsi2',
      KeyConditionExpression: `gsi2pk = :pk${between ? ' AND gsi2sk BETWEEN :from AND :to' : ''}`,
      ExpressionAttributeValues: {
        ':pk': projectOffScriptGsiPk(projectId),
        ...(between ? { ':from': range.from ?? '0', ':to': `${range.to ?? '9'}\uffff` } : {}),
      },
      ProjectionExpression: 'body',
      ScanIndexForward: false,
      Limit: PAGE_LIMIT,
    }),
  );
  return (out.Items ?? []).map((item) => {
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
}
