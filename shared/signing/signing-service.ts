import { randomBytes } from 'node:crypto';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ArchiveRecord, RecordDraft } from '#shared/archive/archive-record.ts';
import { buyerDigest } from '#shared/archive/buyer-digest.ts';
import {
  type AppendPlan,
  appendToChain,
  type ChainHead,
  CompanionConditionError,
  type LinkedRecord,
  nextTimestamp,
  readChain,
  readHeadRecord,
} from '#shared/archive/chain-append.ts';
import { sha256Hex } from '#shared/archive/record-hash.ts';
import type { Principal } from '#shared/auth/roles.ts';
import type { TokenService } from '#shared/auth/token-service.ts';
import type { Clock } from '#shared/clock.ts';
import { type KeyRing, normalizePhone, phoneHash } from '#shared/config/key-ring.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '#shared/errors.ts';
import { auditAccess } from '#shared/legal/access-audit.ts';
import type { Disclosure } from '#shared/script/pack-schema.ts';
import type { PublishedPack, ScriptRepository } from '#shared/script/script-repository.ts';
import type { TableRef } from '#shared/store/dynamo-client.ts';
import {
  ACK_SK_PREFIX,
  ackSk,
  buyerGsiPk,
  idempotencySk,
  META_SK,
  projectDeclinesGsiPk,
  projectOffScriptGsiPk,
  projectSessionsGsiPk,
  sessionPk,
  timeOrderedSk,
} from '#shared/store/keys.ts';
import type { MatchDecision, Matcher } from '#shared/understanding/matcher-types.ts';
import { declineTexts, sealText, secondaryQuestionNote } from './bot-texts.ts';
import { detectPromiseTerms } from './commitment-detector.ts';
import type { OpenSessionInput, PostMessageInput } from './signing-schemas.ts';

export const BOT_ACTOR = { role: 'bot', id: 'koujing-bot' } as const;
const BUYER_TOKEN_TTL_SECONDS = 12 * 3600;
/**
 * A signing session's archive is bounded so that its evidence bundle stays exportable in one response
 * (Lambda answers at most 6 MB); a handful of records stay free for acknowledgements and the seal.
 */
export const MAX_SESSION_RECORDS = 600;
const RESERVED_FOR_CLOSING = 80;

export interface SessionMeta {
  sessionId: string;
  projectId: string;
  projectName: string;
  unitId: string;
  agentId: string;
  buyer: { name: string; phone: string };
  ownerId: string;
  scriptVersion: string;
  packSha256: string;
  createdAt: string;
  /** Random per session: the buyer digest in the chain cannot be brute-forced from a phone number. */
  buyerSalt: string;
}

export interface TurnResult {
  message: { seq: number; hash: string };
  reply: {
    text: string;
    entryId: string | null;
    commitment: boolean;
    seq: number;
    hash: string;
    declineReason: string | null;
    note: string | null;
  } | null;
}

export interface SigningDeps {
  table: TableRef;
  scripts: ScriptRepository;
  tokens: TokenService;
  keys: KeyRing;
  clock: Clock;
  matcherFor: (pack: PublishedPack) => Matcher;
  newSessionId?: () => string;
}

const defaultSessionId = () => `ses_${randomBytes(16).toString('hex')}`;

/** The signing session: open → disclosures shown and acknowledged → Q&A → sealed. */
export class SigningService {
  private readonly newSessionId: () => string;

  constructor(private readonly deps: SigningDeps) {
    this.newSessionId = deps.newSessionId ?? defaultSessionId;
  }

  async open(input: OpenSessionInput, agent: Principal) {
    if (agent.role !== 'sales') throw new ForbiddenError('只有置业顾问可以发起签约会话');
    const published = await this.deps.scripts.current(input.projectId);
    const { pack } = published;
    const sessionId = this.newSessionId();
    const createdAt = this.deps.clock().toISOString();
    const hashedPhone = phoneHash(this.deps.keys, input.buyer.phone);
    const buyer = { name: input.buyer.name, phone: normalizePhone(input.buyer.phone) };
    const meta: SessionMeta = {
      sessionId,
      projectId: pack.projectId,
      projectName: pack.projectName,
      unitId: input.unitId,
      agentId: agent.sub,
      buyer,
      ownerId: `own_${hashedPhone.slice(0, 24)}`,
      scriptVersion: pack.version,
      packSha256: published.sha256,
      createdAt,
      buyerSalt: randomBytes(16).toString('hex'),
    };
    const drafts: RecordDraft[] = [
      {
        actor: { role: 'sales', id: agent.sub },
        kind: 'session-opened',
        text: `签约会话开始：${pack.projectName} ${input.unitId}`,
        scriptVersion: pack.version,
        subject: {
          projectId: pack.projectId,
          unitId: input.unitId,
          agentId: agent.sub,
          ownerId: meta.ownerId,
          packSha256: published.sha256,
          buyerDigest: buyerDigest(buyer, meta.buyerSalt),
        },
      },
      ...pack.disclosures.map(
        (d): RecordDraft => ({
          actor: { role: 'system', id: 'koujing' },
          kind: 'disclosure-shown',
          text: `${d.title}\n${d.text}`,
          disclosureId: d.id,
          scriptVersion: pack.version,
        }),
      ),
    ];
    const metaItem = {
      pk: sessionPk(sessionId),
      sk: META_SK,
      ...meta,
      phoneHash: hashedPhone,
      gsi1pk: buyerGsiPk(hashedPhone),
      gsi1sk: timeOrderedSk(createdAt, sessionId),
      gsi2pk: projectSessionsGsiPk(pack.projectId),
      gsi2sk: timeOrderedSk(createdAt, sessionId),
    };
    await appendToChain(
      this.deps.table,
      sessionPk(sessionId),
      () => ({
        records: drafts,
        fill: (d) => ({ ...d, sessionId, ts: createdAt }),
        companions: [
          {
            Put: {
              TableName: this.deps.table.tableName,
              Item: metaItem,
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
      () => undefined,
    );
    const buyerToken = await this.deps.tokens.issue(
      { role: 'buyer', sub: meta.ownerId, sessionId },
      BUYER_TOKEN_TTL_SECONDS,
    );
    return {
      sessionId,
      scriptVersion: pack.version,
      buyerToken,
      disclosures: pack.disclosures.map(publicDisclosure),
    };
  }

  /** What the buyer page or the agent page shows: disclosures with their state, the transcript. */
  async view(sessionId: string, who: Principal) {
    const { meta, pack } = await this.load(sessionId, who);
    const [records, acked] = await Promise.all([
      readChain(this.deps.table, sessionPk(sessionId)) as Promise<ArchiveRecord[]>,
      this.ackedDisclosures(sessionId),
    ]);
    const seal = records.find((r) => r.kind === 'seal');
    return {
      sessionId,
      projectId: meta.projectId,
      projectName: meta.projectName,
      unitId: meta.unitId,
      scriptVersion: meta.scriptVersion,
      buyerName: meta.buyer.name,
      sealed: Boolean(seal),
      sealedAt: seal?.ts ?? null,
      closingText: seal?.text ?? null,
      disclosures: pack.pack.disclosures.map((d) => ({
        ...publicDisclosure(d),
        acknowledged: acked.has(d.id),
      })),
      transcript: records
        .filter((r) => r.kind === 'message' || r.kind === 'reply')
        .map((r) => ({
          seq: r.seq,
          ts: r.ts,
          from: r.actor.role,
          text: r.text,
          entryId: r.entryId ?? null,
          note: typeof r.decision?.note === 'string' ? r.decision.note : null,
        })),
    };
  }

  async acknowledge(sessionId: string, disclosureId: string, who: Principal) {
    const { pack } = await this.load(sessionId, who);
    if (who.role !== 'buyer') throw new ForbiddenError('披露事项只能由购房人本人确认');
    const disclosure = pack.pack.disclosures.find((d) => d.id === disclosureId);
    if (!disclosure) {
      throw new NotFoundError('disclosure_not_found', `本次签约没有编号为 ${disclosureId} 的披露事项`);
    }
    // A repeat changes nothing and answers as the first did, even after the seal.
    const prior = await this.priorAck(sessionId, disclosureId);
    if (prior) return prior;
    try {
      return await this.appendToOpenSession(
        sessionId,
        (_head, ts) => ({
          records: [
            {
              actor: { role: 'buyer', id: who.sub },
              kind: 'disclosure-ack',
              text: `购房人已阅读并确认：${disclosure.title}`,
              disclosureId,
              scriptVersion: pack.pack.version,
            } satisfies RecordDraft,
          ],
          companions: [
            {
              Put: {
                TableName: this.deps.table.tableName,
                Item: { pk: sessionPk(sessionId), sk: ackSk(disclosureId), ackedAt: ts },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
        (linked) => ({ disclosureId, acknowledged: true, acknowledgedAt: String(linked[0]!.ts) }),
      );
    } catch (err) {
      if (!(err instanceof CompanionConditionError)) throw err;
      const raced = await this.priorAck(sessionId, disclosureId);
      if (!raced) throw err;
      return raced;
    }
  }

  private async priorAck(sessionId: string, disclosureId: string) {
    const out = await this.deps.table.doc.send(
      new GetCommand({
        TableName: this.deps.table.tableName,
        Key: { pk: sessionPk(sessionId), sk: ackSk(disclosureId) },
        ConsistentRead: true,
      }),
    );
    return out.Item ? { disclosureId, acknowledged: true, acknowledgedAt: String(out.Item.ackedAt) } : null;
  }

  async postMessage(sessionId: string, input: PostMessageInput, who: Principal): Promise<TurnResult> {
    const { meta, pack } = await this.load(sessionId, who);
    const textSha256 = sha256Hex(input.text);
    // Each party has its own clientMessageId space: the agent can never replay or probe the buyer's.
    const idemSk = idempotencySk(who.role, input.clientMessageId);
    const prior = await this.priorTurn(sessionId, idemSk, textSha256);
    if (prior) return prior;

    const actor =
      who.role === 'buyer'
        ? ({ role: 'buyer', id: who.sub } as const)
        : ({ role: 'sales', id: who.sub } as const);
    const drafts: RecordDraft[] = [
      { actor, kind: 'message', text: input.text, clientMessageId: input.clientMessageId },
    ];
    const index: (Record<string, string> | undefined)[] = [undefined];
    let decision: MatchDecision | null = null;
    if (who.role === 'buyer') {
      decision = this.deps.matcherFor(pack).match(input.text);
      const entry = decision.entryId ? pack.pack.entries.find((e) => e.id === decision!.entryId) : undefined;
      const note = decision.secondary ? secondaryQuestionNote : null;
      const replyText = entry ? entry.answer : declineTexts[decision.declineReason ?? 'no-match'];
      drafts.push({
        actor: BOT_ACTOR,
        kind: 'reply',
        text: replyText,
        entryId: entry ? entry.id : null,
        scriptVersion: pack.pack.version,
        decision: decisionRecord(decision, note),
      });
      // Declines feed the script-gaps report; the question and reason ride along as index attributes.
      index.push(
        entry
          ? undefined
          : {
              gsi2pk: projectDeclinesGsiPk(meta.projectId),
              question: input.text,
              declineReason: decision.declineReason ?? 'no-match',
              scriptVersion: meta.scriptVersion,
            },
      );
      if (entry?.commitment) {
        drafts.push({
          actor: BOT_ACTOR,
          kind: 'commitment',
          text: entry.answer,
          entryId: entry.id,
          scriptVersion: pack.pack.version,
        });
        index.push(undefined);
      }
    } else {
      const terms = detectPromiseTerms(input.text);
      if (terms.length > 0) {
        drafts.push({
          actor,
          kind: 'off-script-commitment',
          text: input.text,
          flaggedTerms: terms,
          scriptVersion: pack.pack.version,
        });
        index.push({ gsi2pk: projectOffScriptGsiPk(meta.projectId) });
      }
    }

    try {
      return await this.appendToOpenSession(
        sessionId,
        (head, ts) => {
          const base = (head?.seq ?? 0) + 1;
          if (base + drafts.length > MAX_SESSION_RECORDS - RESERVED_FOR_CLOSING) {
            throw new ConflictError('session_full', '本次签约会话的记录已达上限，请封存后另开会话继续');
          }
          // Point each companion record at the message (and the commitment at its reply).
          const records = drafts.map((d, i) =>
            i === 0 ? d : { ...d, refSeq: d.kind === 'commitment' ? base + 1 : base },
          );
          return {
            records,
            indexAttributes: index.map((attrs, i) =>
              attrs ? { ...attrs, gsi2sk: timeOrderedSk(ts, sessionId, base + i) } : undefined,
            ),
            companions: (linked) => [
              {
                Put: {
                  TableName: this.deps.table.tableName,
                  Item: {
                    pk: sessionPk(sessionId),
                    sk: idemSk,
                    textSha256,
                    result: JSON.stringify(turnFromLinked(linked, drafts)),
                  },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
            ],
          };
        },
        (linked) => turnFromLinked(linked, drafts),
      );
    } catch (err) {
      if (!(err instanceof CompanionConditionError)) throw err;
      const raced = await this.priorTurn(sessionId, idemSk, textSha256);
      if (!raced) throw err;
      return raced;
    }
  }

  async seal(sessionId: string, who: Principal) {
    const { meta, pack } = await this.load(sessionId, who);
    if (who.role !== 'sales') throw new ForbiddenError('只有本场签约的置业顾问可以封存会话');
    const sealResult = (seal: Record<string, unknown>) => ({
      sealedAt: String(seal.ts),
      headHash: String(seal.hash),
      records: Number(seal.seq),
      ownerId: meta.ownerId,
    });
    // A retried seal (say, after a lost response) gets the same answer, not an error.
    const head = await readHeadRecord(this.deps.table, sessionPk(sessionId));
    if (head?.kind === 'seal') return sealResult(head);
    const acked = await this.ackedDisclosures(sessionId);
    const pending = pack.pack.disclosures.filter((d) => d.requiresAck && !acked.has(d.id)).map((d) => d.id);
    if (pending.length > 0) {
      const message = `还有 ${pending.length} 项不利因素披露未经购房人确认，不能封存`;
      throw new ConflictError('disclosures_pending', message, { pending });
    }
    return this.appendToOpenSession(
      sessionId,
      (chainHead) => ({
        records: [
          {
            actor: { role: 'sales', id: who.sub },
            kind: 'seal',
            text: sealText(meta.projectName),
            records: (chainHead?.seq ?? 0) + 1,
          } satisfies RecordDraft,
        ],
      }),
      (linked) => sealResult(linked[0]!),
    );
  }

  /** The evidence bundle: the session and every record in seq order, verifiable offline. */
  async evidence(sessionId: string, who: Principal) {
    if (who.role !== 'legal') throw new ForbiddenError('只有法务可以导出证据');
    const meta = await this.meta(sessionId);
    await auditAccess(this.deps.table, this.deps.clock, who, 'evidence-export', { sessionId });
    const [records, published] = await Promise.all([
      readChain(this.deps.table, sessionPk(sessionId)) as Promise<ArchiveRecord[]>,
      this.deps.scripts.getVersion(meta.projectId, meta.scriptVersion),
    ]);
    const last = records[records.length - 1];
    return {
      format: 'koujing-evidence/1' as const,
      exportedAt: this.deps.clock().toISOString(),
      exportedBy: who.sub,
      session: {
        ...meta,
        buyerDigest: buyerDigest(meta.buyer, meta.buyerSalt),
        sealed: last?.kind === 'seal',
        headHash: last?.hash ?? null,
        records: records.length,
      },
      records,
      // The approved text the bot answered from, so replies and commitments can be read in full offline.
      scriptPack: published
        ? {
            sha256: published.sha256,
            publishedAt: published.publishedAt,
            publishedBy: published.publishedBy,
            pack: published.pack,
          }
        : null,
    };
  }

  /** Appends to a session that is still open; every record gets the session id and the same ts. */
  private appendToOpenSession<T>(
    sessionId: string,
    plan: (head: ChainHead | null, ts: string) => AppendPlan<RecordDraft>,
    done: (linked: LinkedRecord[]) => T,
  ): Promise<T> {
    return appendToChain(
      this.deps.table,
      sessionPk(sessionId),
      (head) => {
        assertOpen(head);
        // Taken per attempt, never before the head: a turn that lost a race is not stamped in the past.
        const ts = nextTimestamp(this.deps.clock(), head);
        return { ...plan(head, ts), fill: (d) => ({ ...d, sessionId, ts }) };
      },
      done,
    );
  }

  async meta(sessionId: string): Promise<SessionMeta> {
    const out = await this.deps.table.doc.send(
      new GetCommand({
        TableName: this.deps.table.tableName,
        Key: { pk: sessionPk(sessionId), sk: META_SK },
        // A buyer may act a moment after the session opens: never answer from a stale replica.
        ConsistentRead: true,
      }),
    );
    if (!out.Item) throw new NotFoundError('session_not_found', '签约会话不存在');
    const {
      pk: _pk,
      sk: _sk,
      phoneHash: _ph,
      gsi1pk: _a,
      gsi1sk: _b,
      gsi2pk: _c,
      gsi2sk: _d,
      ...meta
    } = out.Item;
    return meta as SessionMeta;
  }

  /** Loads a session the caller may touch: the buyer of that session or the agent who opened it. */
  private async load(sessionId: string, who: Principal) {
    if (who.role === 'buyer' && who.sessionId !== sessionId)
      throw new ForbiddenError('该令牌不属于此签约会话');
    if (who.role !== 'buyer' && who.role !== 'sales') throw new ForbiddenError();
    const meta = await this.meta(sessionId);
    if (who.role === 'sales' && meta.agentId !== who.sub) throw new ForbiddenError('这不是您发起的签约会话');
    const pack = await this.deps.scripts.getVersion(meta.projectId, meta.scriptVersion);
    if (!pack) throw new NotFoundError('pack_not_found', '会话使用的口径版本不存在');
    return { meta, pack };
  }

  private async ackedDisclosures(sessionId: string): Promise<Set<string>> {
    const out = await this.deps.table.doc.send(
      new QueryCommand({
        TableName: this.deps.table.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :ack)',
        ExpressionAttributeValues: { ':pk': sessionPk(sessionId), ':ack': ACK_SK_PREFIX },
        ConsistentRead: true,
      }),
    );
    return new Set((out.Items ?? []).map((i) => String(i.sk).slice(ACK_SK_PREFIX.length)));
  }

  private async priorTurn(sessionId: string, idemSk: string, textSha256: string): Promise<TurnResult | null> {
    const out = await this.deps.table.doc.send(
      new GetCommand({
        TableName: this.deps.table.tableName,
        Key: { pk: sessionPk(sessionId), sk: idemSk },
        ConsistentRead: true,
      }),
    );
    if (!out.Item) return null;
    if (out.Item.textSha256 !== textSha256) {
      throw new ConflictError('client_message_id_reused', '同一 clientMessageId 已用于另一条不同的消息');
    }
    return JSON.parse(String(out.Item.result)) as TurnResult;
  }
}

function assertOpen(head: ChainHead | null) {
  if (head?.kind === 'seal') throw new ConflictError('session_sealed', '签约会话已封存，不能再添加内容');
}

function publicDisclosure(d: Disclosure) {
  return { id: d.id, title: d.title, text: d.text, requiresAck: d.requiresAck };
}

function decisionRecord(d: MatchDecision, note: string | null): Record<string, unknown> {
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const out: Record<string, unknown> = {
    normalized: d.normalized,
    score: round(d.score),
    runnerUp: d.runnerUp ? { entryId: d.runnerUp.entryId, score: round(d.runnerUp.score) } : null,
    declineReason: d.declineReason,
    secondary: d.secondary ? { text: d.secondary.text, entryId: d.secondary.entryId } : null,
  };
  if (d.split) out.split = { oneQuestionLikelihood: d.split.oneQuestionLikelihood, joined: d.split.joined };
  if (d.rerank) out.rerank = { swapLikelihood: d.rerank.swapLikelihood, swapped: d.rerank.swapped };
  if (d.review) out.review = { declineLikelihood: d.review.declineLikelihood, outcome: d.review.outcome };
  if (note) out.note = note;
  return out;
}

function turnFromLinked(linked: LinkedRecord[], drafts: RecordDraft[]): TurnResult {
  const message = linked[0]!;
  const replyIdx = drafts.findIndex((d) => d.kind === 'reply');
  if (replyIdx < 0) return { message: { seq: message.seq, hash: message.hash }, reply: null };
  const reply = linked[replyIdx]!;
  const decision = reply.decision as Record<string, unknown>;
  return {
    message: { seq: message.seq, hash: message.hash },
    reply: {
      text: String(reply.text),
      entryId: (reply.entryId as string | null) ?? null,
      commitment: drafts.some((d) => d.kind === 'commitment'),
      seq: reply.seq,
      hash: reply.hash,
      declineReason: (decision.declineReason as string | null) ?? null,
      note: typeof decision.note === 'string' ? decision.note : null,
    },
  };
}
