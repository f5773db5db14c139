import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { TableRef } from '#shared/store/dynamo-client.ts';
import { RECORD_SK_PREFIX, recordSk } from '#shared/store/keys.ts';
import { canonicalJson, GENESIS_HASH, recordHash } from './record-hash.ts';

/** The newest record of a chain, read strongly consistent. */
export interface ChainHead {
  seq: number;
  hash: string;
  kind: string;
  ts: string;
}

/** A record as stored: the canonical JSON body is kept verbatim so the hash always re-computes. */
export interface StoredRecordItem {
  pk: string;
  sk: string;
  seq: number;
  kind: string;
  ts: string;
  hash: string;
  body: string;
  [index: string]: unknown;
}

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** What one append writes: records (seq and hashes assigned here) and any companion items. */
export interface AppendPlan<R> {
  records: R[];
  /** Extra attributes per record item, e.g. GSI keys: same order as `records`. */
  indexAttributes?: (Record<string, string> | undefined)[];
  /**
   * Items written atomically with the records (idempotency, ack markers, metadata); a function gets
   * the linked records, e.g. to store the exact result an idempotent retry must return.
   */
  companions?: TransactItem[] | ((linked: LinkedRecord[]) => TransactItem[]);
}

export type LinkedRecord = Record<string, unknown> & { seq: number; hash: string; prevHash: string };

export class ChainConflictError extends Error {}

/** A companion's condition failed (e.g. the idempotency marker exists): index into `companions`. */
export class CompanionConditionError extends Error {
  constructor(readonly companionIndex: number) {
    super(`companion condition ${companionIndex} failed`);
  }
}

export function headQueryParams(tableName: string, pk: string) {
  return {
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :rec)',
    ExpressionAttributeValues: { ':pk': pk, ':rec': RECORD_SK_PREFIX },
    ProjectionExpression: 'seq, #h, kind, #ts',
    ExpressionAttributeNames: { '#h': 'hash', '#ts': 'ts' },
    ScanIndexForward: false,
    Limit: 1,
    ConsistentRead: true,
  };
}

export async function readHead(table: TableRef, pk: string): Promise<ChainHead | null> {
  const out = await table.doc.send(new QueryCommand(headQueryParams(table.tableName, pk)));
  const item = out.Items?.[0];
  return item
    ? { seq: Number(item.seq), hash: String(item.hash), kind: String(item.kind), ts: String(item.ts) }
    : null;
}

/** The newest record itself (strongly consistent), or null for an empty chain. */
export async function readHeadRecord(table: TableRef, pk: string): Promise<Record<string, unknown> | null> {
  const {
    ProjectionExpression: _p,
    ExpressionAttributeNames: _n,
    ...params
  } = headQueryParams(table.tableName, pk);
  const out = await table.doc.send(new QueryCommand(params));
  const item = out.Items?.[0];
  return item ? JSON.parse(String(item.body)) : null;
}

/** A record's time: now, but never before the head it follows, so ts order always matches seq order. */
export function nextTimestamp(now: Date, head: ChainHead | null): string {
  const iso = now.toISOString();
  return head && head.ts > iso ? head.ts : iso;
}

/**
 * Links drafts onto the head: assigns seq and prevHash, computes each hash. Pure.
 * `fill` adds the chain-specific fields (e.g. sessionId, ts) before hashing.
 */
export function linkRecords<R extends Record<string, unknown>>(
  head: ChainHead | null,
  drafts: R[],
  fill: (draft: R, seq: number) => Record<string, unknown>,
): LinkedRecord[] {
  let prevHash = head?.hash ?? GENESIS_HASH;
  let seq = head?.seq ?? 0;
  return drafts.map((draft) => {
    seq += 1;
    const body = { ...fill(draft, seq), seq, prevHash };
    const hash = recordHash(body);
    prevHash = hash;
    return { ...body, hash } as LinkedRecord;
  });
}

/** Builds the TransactWrite for one append: every record put is conditional on its key being new. */
export function appendParams(
  tableName: string,
  pk: string,
  linked: (Record<string, unknown> & { seq: number; hash: string })[],
  indexAttributes: (Record<string, string> | undefined)[] = [],
  companions: TransactItem[] = [],
): TransactWriteCommandInput {
  const puts: TransactItem[] = linked.map((record, i) => {
    const item: StoredRecordItem = {
      pk,
      sk: recordSk(record.seq),
      seq: record.seq,
      kind: String(record.kind),
      ts: String(record.ts),
      hash: record.hash,
      body: canonicalJson(record),
      ...indexAttributes[i],
    };
    return { Put: { TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } };
  });
  return { TransactItems: [...puts, ...companions] };
}

const MAX_ATTEMPTS = 60;

/**
 * Appends to a hash chain with optimistic concurrency: read the head, write seq+1.. conditionally,
 * and on a lost race re-read and try again. Records and companions commit in one transaction, so a
 * crash never leaves half a turn.
 */
export async function appendToChain<R extends Record<string, unknown>, T>(
  table: TableRef,
  pk: string,
  plan: (
    head: ChainHead | null,
  ) => AppendPlan<R> & { fill: (draft: R, seq: number) => Record<string, unknown> },
  done: (linked: LinkedRecord[]) => T,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const head = await readHead(table, pk);
    const p = plan(head);
    const linked = linkRecords(head, p.records, p.fill);
    const companions = typeof p.companions === 'function' ? p.companions(linked) : (p.companions ?? []);
    try {
      await table.doc.send(
        new TransactWriteCommand(appendParams(table.tableName, pk, linked, p.indexAttributes, companions)),
      );
      return done(linked);
    } catch (err) {
      if (!(err instanceof TransactionCanceledException)) throw err;
      const reasons = err.CancellationReasons ?? [];
      const companionFailure = reasons.findIndex(
        (r, i) => i >= linked.length && r.Code === 'ConditionalCheckFailed',
      );
      if (companionFailure >= 0) throw new CompanionConditionError(companionFailure - linked.length);
      if (attempt >= MAX_ATTEMPTS)
        throw new ChainConflictError(`chain ${pk} stayed contended`, { cause: err });
      // Lost the race for the next seq (or a conflicting transaction was in flight): back off with jitter.
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(5 * attempt, 50)));
    }
  }
}

/** All records of a chain in seq order (paged, strongly consistent). */
export async function readChain(table: TableRef, pk: string): Promise<Record<string, unknown>[]> {
  const records: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await table.doc.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :rec)',
        ExpressionAttributeValues: { ':pk': pk, ':rec': RECORD_SK_PREFIX },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of out.Items ?? []) records.push(JSON.parse(String(item.body)));
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return records;
}
