/**
 * The one DynamoDB table, defined once: CDK (`infra/data-construct.ts`), the local engine's
 * CreateTable and the tests all read this spec.
 *
 * Access patterns (pk / sk):
 * - session metadata ............... SESSION#{id} / META
 * - session archive in seq order ... SESSION#{id} / REC#{seq:10}          (hash chain, append-only)
 * - message idempotency marker ..... SESSION#{id} / IDEM#{role}#{clientMessageId}
 * - disclosure acknowledgement ..... SESSION#{id} / ACK#{disclosureId}
 * - project metadata ............... PROJECT#{id} / META
 * - script pack version ............ PROJECT#{id} / PACK#{version}       (immutable)
 * - pack publication log ........... PACKLOG#{projectId} / REC#{seq:10}  (hash chain: who published what, when)
 * - access audit ................... AUDIT#{yyyy-mm-dd} / REC#{seq:10}   (hash chain: every look at evidence)
 * GSI1 (gsi1pk / gsi1sk): a buyer's sessions by keyed phone hash: BUYER#{hmac} / {createdAt}#{sessionId}
 * GSI2 (gsi2pk / gsi2sk): per-project feeds in time order:
 *   PROJECT#{id}#SESSIONS / {createdAt}#{sessionId}
 *   PROJECT#{id}#OFFSCRIPT / {ts}#{sessionId}#{seq}   off-script commitments flagged for review
 *   PROJECT#{id}#DECLINES / {ts}#{sessionId}#{seq}    the bot's declines, for the script-gaps report
 */
export const tableSpec = {
  partitionKey: 'pk',
  sortKey: 'sk',
  globalSecondaryIndexes: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
  /** Only non-archive items may carry this attribute; archive records never expire. */
  ttlAttribute: 'expiresAt',
} as const;

export type IndexName = (typeof tableSpec.globalSecondaryIndexes)[number]['indexName'];

/** CreateTable input for DynamoDB Local and tests (on AWS the CDK construct builds the same shape). */
export function createTableInput(tableName: string) {
  const attrs = new Set<string>([tableSpec.partitionKey, tableSpec.sortKey]);
  for (const gsi of tableSpec.globalSecondaryIndexes) {
    attrs.add(gsi.partitionKey);
    attrs.add(gsi.sortKey);
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: [...attrs].map((name) => ({ AttributeName: name, AttributeType: 'S' as const })),
    KeySchema: [
      { AttributeName: tableSpec.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: tableSpec.sortKey, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: tableSpec.globalSecondaryIndexes.map((gsi) => ({
      IndexName: gsi.indexName,
      KeySchema: [
        { AttributeName: gsi.partitionKey, KeyType: 'HASH' as const },
        { AttributeName: gsi.sortKey, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    })),
  };
}
