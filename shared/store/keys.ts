/** Pure key builders: every DynamoDB key in the product is spelled here and unit-tested. */

const SEQ_WIDTH = 10;

export const padSeq = (seq: number) => String(seq).padStart(SEQ_WIDTH, '0');

export const sessionPk = (sessionId: string) => `SESSION#${sessionId}`;
export const projectPk = (projectId: string) => `PROJECT#${projectId}`;
export const packLogPk = (projectId: string) => `PACKLOG#${projectId}`;

export const META_SK = 'META';
export const recordSk = (seq: number) => `REC#${padSeq(seq)}`;
export const RECORD_SK_PREFIX = 'REC#';
export const idempotencySk = (role: string, clientMessageId: string) => `IDEM#${role}#${clientMessageId}`;
export const ackSk = (disclosureId: string) => `ACK#${disclosureId}`;
export const ACK_SK_PREFIX = 'ACK#';
export const packSk = (version: string) => `PACK#${version}`;

export const buyerGsiPk = (phoneHash: string) => `BUYER#${phoneHash}`;
export const projectSessionsGsiPk = (projectId: string) => `PROJECT#${projectId}#SESSIONS`;
export const projectOffScriptGsiPk = (projectId: string) => `PROJECT#${projectId}#OFFSCRIPT`;
export const projectDeclinesGsiPk = (projectId: string) => `PROJECT#${projectId}#DECLINES`;
export const timeOrderedSk = (ts: string, ...rest: (string | number)[]) =>
  [ts, ...rest.map((r) => (typeof r === 'number' ? padSeq(r) : r))].join('#');

/** Access audit: one hash chain per UTC day of every look at archived material. */
export const auditPk = (day: string) => `AUDIT#${day}`;

/**
 * Key condition for a time-ordered GSI2 feed, newest first, optionally limited to UTC days
 * `from`..`to` (inclusive): sort keys start with an ISO timestamp, so a day prefix bounds them.
 */
export function feedQueryParams(
  tableName: string,
  gsi2pk: string,
  range: { from?: string; to?: string } = {},
) {
  const bounded = Boolean(range.from || range.to);
  return {
    TableName: tableName,
    IndexName: 'gsi2',
    KeyConditionExpression: `gsi2pk = :pk${bounded ? ' AND gsi2sk BETWEEN :from AND :to' : ''}`,
    ExpressionAttributeValues: {
      ':pk': gsi2pk,
      ...(bounded ? { ':from': range.from ?? '0', ':to': `${range.to ?? '9'}\uffff` } : {}),
    },
    ScanIndexForward: false,
  };
}
