import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TableRef } from '#shared/store/dynamo-client.ts';
import { feedQueryParams, projectDeclinesGsiPk } from '#shared/store/keys.ts';
import { groupSimilarQuestions } from '#shared/understanding/group-similar-questions.ts';

/** How far back the report reads, at most; enough for a pack cycle without scanning years. */
const MAX_DECLINES = 5000;

export interface ScriptGapsReport {
  projectId: string;
  from: string | null;
  to: string | null;
  declines: number;
  /** Questions the script has no entry for, grouped by similarity: what the next version should cover. */
  gaps: { representative: string; count: number; examples: string[] }[];
  /** Declined on policy (haggling, guarantees…): listed apart, they are not gaps to fill. */
  policy: { reason: string; count: number; examples: string[] }[];
}

export function declinesQueryParams(tableName: string, projectId: string, from?: string, to?: string) {
  return {
    ...feedQueryParams(tableName, projectDeclinesGsiPk(projectId), { from, to }),
    ProjectionExpression: 'question, declineReason, ts',
  };
}

/** Questions the bot declined in a project, newest first, grouped for the script owner. */
export async function scriptGaps(
  table: TableRef,
  projectId: string,
  range: { from?: string; to?: string } = {},
): Promise<ScriptGapsReport> {
  const rows: { question: string; reason: string; ts: string }[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await table.doc.send(
      new QueryCommand({
        ...declinesQueryParams(table.tableName, projectId, range.from, range.to),
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of out.Items ?? []) {
      rows.push({
        question: String(item.question ?? ''),
        reason: String(item.declineReason ?? 'no-match'),
        ts: String(item.ts),
      });
    }
    startKey = out.LastEvaluatedKey;
  } while (startKey && rows.length < MAX_DECLINES);

  const gapQuestions = rows.filter((r) => r.reason === 'no-match').map((r) => r.question);
  const byReason = new Map<string, string[]>();
  for (const r of rows) {
    if (r.reason === 'no-match') continue;
    byReason.set(r.reason, [...(byReason.get(r.reason) ?? []), r.question]);
  }
  return {
    projectId,
    from: rows.at(-1)?.ts ?? null,
    to: rows[0]?.ts ?? null,
    declines: rows.length,
    gaps: groupSimilarQuestions(gapQuestions),
    policy: [...byReason]
      .map(([reason, qs]) => ({ reason, count: qs.length, examples: [...new Set(qs)].slice(0, 5) }))
      .sort((a, b) => b.count - a.count),
  };
}
