import { appendToChain } from '#shared/archive/chain-append.ts';
import type { Principal } from '#shared/auth/roles.ts';
import type { Clock } from '#shared/clock.ts';
import type { TableRef } from '#shared/store/dynamo-client.ts';
import { auditPk } from '#shared/store/keys.ts';

export type AuditAction = 'evidence-export' | 'off-script-review' | 'script-gaps';

/**
 * Records a look at archived material before the material is handed out, in a per-day hash chain,
 * so a failed audit write means no disclosure.
 */
export async function auditAccess(
  table: TableRef,
  clock: Clock,
  who: Principal,
  action: AuditAction,
  target: { sessionId: string } | { projectId: string },
): Promise<void> {
  const ts = clock().toISOString();
  await appendToChain(
    table,
    auditPk(ts.slice(0, 10)),
    () => ({
      records: [{ kind: action, actor: { role: who.role, id: who.sub }, ...target }],
      fill: (d) => ({ ...d, ts }),
    }),
    () => undefined,
  );
}
