/** Reads the stored entity events of some guids, in fold order, for a full recomputation. */
import type { Knex } from 'knex';
import { compareFoldEvents, type FoldEvent } from './entityState';
import type { JsonObject } from './ingestTypes';
import { pgArrayLiteral } from './pgArrayLiteral';

interface EventRowOut {
  entity_id: string;
  action: string;
  type_name: string;
  entity_qualified_name: string | null;
  actor: string;
  ts: string;
  created: string;
  seq: string;
  detail: JsonObject | null;
}

export async function loadEntityEvents(
  trx: Knex.Transaction,
  tenant: string,
  guids: readonly string[],
): Promise<Map<string, FoldEvent[]>> {
  const out = new Map<string, FoldEvent[]>();
  if (guids.length === 0) return out;
  const { rows } = await trx.raw<{ rows: EventRowOut[] }>(
    `SELECT entity_id, action, type_name, entity_qualified_name, actor, seq, detail,
       (extract(epoch FROM occurred_at) * 1000)::bigint AS ts,
       (extract(epoch FROM recorded_at) * 1000)::bigint AS created
     FROM audit_events
     WHERE tenant = ? AND family = 'entity' AND entity_id = ANY(?::text[])`,
    [tenant, pgArrayLiteral(guids)],
  );
  for (const r of rows) {
    const e: FoldEvent = {
      entityId: r.entity_id,
      action: r.action,
      typeName: r.type_name,
      entityQualifiedName: r.entity_qualified_name,
      user: r.actor,
      timestamp: Number(r.ts),
      created: Number(r.created),
      seq: BigInt(r.seq),
      detail: r.detail,
    };
    const list = out.get(e.entityId);
    if (list) list.push(e);
    else out.set(e.entityId, [e]);
  }
  for (const list of out.values()) list.sort(compareFoldEvents);
  return out;
}
