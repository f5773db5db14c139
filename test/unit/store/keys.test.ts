import { describe, expect, it } from 'vitest';
import { appendParams, headQueryParams } from '#shared/archive/chain-append.ts';
import { padSeq, recordSk, sessionPk, timeOrderedSk } from '#shared/store/keys.ts';
import { createTableInput, tableSpec } from '#shared/store/table-spec.ts';

describe('keys', () => {
  it('zero-pads seqs so sort order is seq order', () => {
    expect(recordSk(1)).toBe('REC#0000000001');
    expect(recordSk(10) > recordSk(9)).toBe(true);
    expect(padSeq(1234567890)).toBe('1234567890');
  });

  it('orders feed entries by time, then session and seq', () => {
    expect(timeOrderedSk('2026-11-20T02:00:00.000Z', 'ses_a', 3)).toBe(
      '2026-11-20T02:00:00.000Z#ses_a#0000000003',
    );
  });
});

describe('chain params', () => {
  it('reads the head newest-first, strongly consistent, one item', () => {
    const p = headQueryParams('t', sessionPk('ses_a'));
    expect(p).toMatchObject({ ScanIndexForward: false, Limit: 1, ConsistentRead: true });
    expect(p.ExpressionAttributeValues[':pk']).toBe('SESSION#ses_a');
  });

  it('puts every record only if its key is new, with the canonical body kept verbatim', () => {
    const params = appendParams('t', 'SESSION#ses_a', [
      { seq: 1, hash: 'h', prevHash: '0', kind: 'message', ts: 't0', text: '你好' },
    ]);
    const put = params.TransactItems?.[0]?.Put;
    expect(put?.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(put?.Item).toMatchObject({ pk: 'SESSION#ses_a', sk: 'REC#0000000001', seq: 1, hash: 'h' });
    expect(JSON.parse(String(put?.Item?.body))).toMatchObject({ text: '你好', seq: 1 });
    expect(params.TransactItems?.some((i) => i.Update || i.Delete)).toBe(false);
  });
});

describe('table spec', () => {
  it('defines every key attribute once, on demand, with both GSIs', () => {
    const input = createTableInput('koujing');
    expect(input.BillingMode).toBe('PAY_PER_REQUEST');
    expect(input.AttributeDefinitions.map((a) => a.AttributeName).sort()).toEqual(
      ['gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'pk', 'sk'].sort(),
    );
    expect(input.GlobalSecondaryIndexes.map((g) => g.IndexName)).toEqual(
      tableSpec.globalSecondaryIndexes.map((g) => g.indexName),
    );
  });
});
