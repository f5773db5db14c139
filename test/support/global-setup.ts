import type { TestProject } from 'vitest/node';
import { type LocalDynamo, startDynamoLocal } from '#functions/local/dynamo-local.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

let dynamo: LocalDynamo | undefined;

/** One in-memory DynamoDB Local for the run; each test file makes its own table in it. */
export async function setup(project: TestProject) {
  dynamo = await startDynamoLocal();
  project.provide('dynamoEndpoint', dynamo.endpoint);
}

export async function teardown() {
  await dynamo?.stop();
}
