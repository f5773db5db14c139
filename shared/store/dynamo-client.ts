import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Built once per process and injected into repositories. */
export function createDocumentClient(config: DynamoDBClientConfig = {}): DynamoDBDocumentClient {
  const client = new DynamoDBClient({ maxAttempts: 4, ...config });
  return DynamoDBDocumentClient.from(client, {
    // Archive bodies are stored as canonical JSON strings, so no marshalling surprises reach a hash.
    marshallOptions: { removeUndefinedValues: false, convertEmptyValues: false },
  });
}

/** Handle to the table that repositories receive. */
export interface TableRef {
  doc: DynamoDBDocumentClient;
  tableName: string;
}
