/**
 * Reads the stored entity events a recomputation needs, in fold order. A create replaces the state
 * and a purge removes it, so when the new events of a guid all sort after its latest such "reset"
 * event, folding from that event gives the same state as folding the whole history. Hot assets
 * have long histories, so this reads in two steps: the keys of every event (small rows), then the
 * full rows, by primary key, of only the events from the reset on. Both statements have one
 * obvious plan (an index on entity_id, then the primary key), even before the table is analysed.
 */
import type { Knex } from 'knex';
import { compareFoldEvents, type FoldEvent } from './entityState';
import type { JsonObject } from './ingestTypes';
import { pgArrayLiteral } from './pgArrayLiteral';

export interface RecomputeRequest {
  readonly guid: string;
  /** the earliest new event: a reset before it may start the fold; null reads everything */
  readonly before: FoldEvent | null;
  /** the header's updateTime: a reset at or before it would be skipped, so it cannot start */
  readonly skipThrough: number | null;
}

export interface LoadedHistory {
  readonly events: FoldEvent[];
  /** true when `events` starts at a create or purge that resets the state */
  readonly fromReset: boolean;
}

const RESETS = new Set(['ENTITY_CREATE', 'ENTITY_IMPORT_CREATE', 'ENTITY_PURGE']);

type Key = Pick<FoldEvent, 'timestamp' | 'created' | 'seq'>;

const compareKeys = (a: Key, b: Key): number => compareFoldEvents(a as FoldEvent, b as FoldEvent);

interface KeyRow {
  entity_id: string;
  action: string;
  ts: string;
  created: string;
  seq: string;
}

interface FullRow {
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

const MS = (column: string) => `(extract(epoch FROM ${column}) * 1000)::bigint`;

export async function loadEntityEvents(
  trx: Knex.Transaction,
  tenant: string,
  requests: readonly RecomputeRequest[],
): Promise<Map<string, LoadedHistory>> {
  const out = new Map<string, LoadedHistory>();
  if (requests.length === 0) return out;
  const keys = await trx.raw<{ rows: KeyRow[] }>(
    `SELECT entity_id, action, seq, ${MS('occurred_at')} AS ts, ${MS('recorded_at')} AS created
     FROM audit_events WHERE tenant = ? AND family = 'entity' AND entity_id = ANY(?::text[])`,
    [tenant, pgArrayLiteral(requests.map((r) => r.guid))],
  );
  const byGuid = new Map<string, (Key & { action: string })[]>();
  for (const r of keys.rows) {
    const k = {
      action: r.action,
      timestamp: Number(r.ts),
      created: Number(r.created),
      seq: BigInt(r.seq),
    };
    const list = byGuid.get(r.entity_id);
    if (list) list.push(k);
    else byGuid.set(r.entity_id, [k]);
  }
  const wanted: string[] = [];
  const fromReset = new Set<string>();
  for (const req of requests) {
    const list = byGuid.get(req.guid) ?? [];
    let reset: Key | undefined;
    if (req.before) {
      for (const k of list) {
        if (!RESETS.has(k.action) || compareKeys(k, req.before) >= 0) continue;
        if (req.skipThrough !== null && k.timestamp <= req.skipThrough) continue;
        if (!reset || compareKeys(k, reset) > 0) reset = k;
      }
    }
    if (reset) fromReset.add(req.guid);
    for (const k of list) if (!reset || compareKeys(k, reset) >= 0) wanted.push(k.seq.toString());
  }
  if (wanted.length === 0) return out;
  const full = await trx.raw<{ rows: FullRow[] }>(
    `SELECT entity_id, action, type_name, entity_qualified_name, actor, seq, detail,
       ${MS('occurred_at')} AS ts, ${MS('recorded_at')} AS created
     FROM audit_events WHERE seq = ANY(?::bigint[])`,
    [pgArrayLiteral(wanted)],
  );
  const lists = new Map<string, FoldEvent[]>();
  for (const r of full.rows) {
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
    const list = lists.get(e.entityId);
    if (list) list.push(e);
    else lists.set(e.entityId, [e]);
  }
  for (const [guid, events] of lists) {
    events.sort(compareFoldEvents);
    out.set(guid, { events, fromReset: fromReset.has(guid) });
  }
  return out;
}
