import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { appendToChain, CompanionConditionError } from '#shared/archive/chain-append.ts';
import { canonicalJson, sha256Hex } from '#shared/archive/record-hash.ts';
import type { Clock } from '#shared/clock.ts';
import { ConflictError, DomainError, NotFoundError, ValidationError } from '#shared/errors.ts';
import type { TableRef } from '#shared/store/dynamo-client.ts';
import { META_SK, packLogPk, packSk, projectPk, RECORD_SK_PREFIX } from '#shared/store/keys.ts';
import type { ScriptPack } from './pack-schema.ts';

/** Room under DynamoDB's 400 KB item cap for keys and attributes. */
const MAX_PACK_BYTES = 350_000;

export interface PublishedPack {
  pack: ScriptPack;
  sha256: string;
  publishedAt: string;
  publishedBy: string;
}

export interface PublishResult {
  created: boolean;
  projectId: string;
  version: string;
  sha256: string;
  entries: number;
  disclosures: number;
}

/** Script packs are immutable versions; every publication is a record in the project's pack log chain. */
export class ScriptRepository {
  /** Versions never change, so a process may cache them forever. */
  private readonly cache = new Map<string, PublishedPack>();

  constructor(
    private readonly table: TableRef,
    private readonly clock: Clock,
  ) {}

  async publish(pack: ScriptPack, publishedBy: string): Promise<PublishResult> {
    let canonical: string;
    try {
      canonical = canonicalJson(pack);
    } catch {
      // Extra fields are kept as published, so they must be plain JSON: finite numbers, whole UTF-16, sane depth.
      throw new ValidationError('口径包含有无法规范化的值（如无效字符、非有限数字或嵌套过深）');
    }
    if (Buffer.byteLength(canonical, 'utf8') > MAX_PACK_BYTES) {
      throw new DomainError('pack_too_large', `口径包过大（上限 ${MAX_PACK_BYTES} 字节）`, 413);
    }
    const sha256 = sha256Hex(canonical);
    const summary = {
      projectId: pack.projectId,
      version: pack.version,
      sha256,
      entries: pack.entries.length,
      disclosures: pack.disclosures.length,
    };
    const existing = await this.getVersion(pack.projectId, pack.version);
    if (existing) return this.samePackOrConflict(existing, sha256, summary);

    const ts = this.clock().toISOString();
    try {
      await appendToChain(
        this.table,
        packLogPk(pack.projectId),
        () => ({
          records: [
            {
              kind: 'pack-published',
              actor: { role: 'script-owner', id: publishedBy },
              projectId: pack.projectId,
              version: pack.version,
              effectiveFrom: pack.effectiveFrom,
              sha256,
              entries: pack.entries.length,
              disclosures: pack.disclosures.length,
            },
          ],
          indexAttributes: [{ version: pack.version }],
          fill: (draft) => ({ ...draft, ts }),
          companions: [
            {
              Put: {
                TableName: this.table.tableName,
                Item: {
                  pk: projectPk(pack.projectId),
                  sk: packSk(pack.version),
                  sha256,
                  publishedAt: ts,
                  publishedBy,
                  body: canonical,
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: this.table.tableName,
                Item: {
                  pk: projectPk(pack.projectId),
                  sk: META_SK,
                  projectName: pack.projectName,
                  updatedAt: ts,
                },
              },
            },
          ],
        }),
        () => undefined,
      );
    } catch (err) {
      if (!(err instanceof CompanionConditionError)) throw err;
      // Another publisher stored this version first: same content is fine, different is a conflict.
      const raced = await this.getVersion(pack.projectId, pack.version);
      if (!raced) throw err;
      return this.samePackOrConflict(raced, sha256, summary);
    }
    return { created: true, ...summary };
  }

  private samePackOrConflict(
    existing: PublishedPack,
    sha256: string,
    summary: Omit<PublishResult, 'created'>,
  ) {
    if (existing.sha256 !== sha256) {
      throw new ConflictError(
        'version_conflict',
        `版本 ${summary.version} 已发布且内容不同；口径版本不可修改，请使用新的版本号`,
      );
    }
    return { created: false, ...summary };
  }

  async getVersion(projectId: string, version: string): Promise<PublishedPack | null> {
    const cacheKey = `${projectId}\u0000${version}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const out = await this.table.doc.send(
      new GetCommand({
        TableName: this.table.tableName,
        Key: { pk: projectPk(projectId), sk: packSk(version) },
        // A session may open a moment after the publication (then the version is cached for good).
        ConsistentRead: true,
      }),
    );
    if (!out.Item) return null;
    const published: PublishedPack = {
      pack: JSON.parse(String(out.Item.body)) as ScriptPack,
      sha256: String(out.Item.sha256),
      publishedAt: String(out.Item.publishedAt),
      publishedBy: String(out.Item.publishedBy),
    };
    this.cache.set(cacheKey, published);
    return published;
  }

  /** The version new sessions use: the one published last. */
  async current(projectId: string): Promise<PublishedPack> {
    const out = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :rec)',
        ExpressionAttributeValues: { ':pk': packLogPk(projectId), ':rec': RECORD_SK_PREFIX },
        ProjectionExpression: 'version',
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    const version = out.Items?.[0]?.version;
    const published = typeof version === 'string' ? await this.getVersion(projectId, version) : null;
    if (!published) throw new NotFoundError('project_not_found', `项目 ${projectId} 尚未发布销售口径`);
    return published;
  }
}
