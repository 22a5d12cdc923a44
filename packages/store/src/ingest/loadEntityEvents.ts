/**
 * Reads the stored entity events a recomputation needs, in fold order. A create replaces the state
 * and a purge removes it, so when the new events of a guid all sort after its latest such "reset"
 * event, folding from that event gives the same state as folding the whole history: only the
 * events from it on are read. Hot assets have long histories; reading all of them on every
 * recompute made bulk imports slow.
 */
import type { Knex } from 'knex';
import { compareFoldEvents, type FoldEvent } from './entityState';
import { msToTimestamptz } from './eventColumns';
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
  from_reset: boolean;
}

const MAX_RESET_PROBES = 2000;

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

export async function loadEntityEvents(
  trx: Knex.Transaction,
  tenant: string,
  requests: readonly RecomputeRequest[],
): Promise<Map<string, LoadedHistory>> {
  const out = new Map<string, LoadedHistory>();
  if (requests.length === 0) return out;
  // one index probe per guid pays off for the few long histories of a normal batch; a batch
  // touching very many guids (a large purge) mostly names assets with short or no history
  const resets =
    requests.length <= MAX_RESET_PROBES
      ? await findResets(
          trx,
          tenant,
          requests.filter((r) => r.before !== null),
        )
      : [];
  const { rows } = await trx.raw<{ rows: EventRowOut[] }>(
    `SELECT a.entity_id, a.action, a.type_name, a.entity_qualified_name, a.actor, a.seq, a.detail,
       (extract(epoch FROM a.occurred_at) * 1000)::bigint AS ts,
       (extract(epoch FROM a.recorded_at) * 1000)::bigint AS created,
       r.guid IS NOT NULL AS from_reset
     FROM audit_events a
     LEFT JOIN unnest(?::text[], ?::timestamptz[], ?::timestamptz[], ?::bigint[])
       AS r(guid, ts, created, seq) ON r.guid = a.entity_id
     WHERE a.tenant = ? AND a.family = 'entity' AND a.entity_id = ANY(?::text[])
       AND (r.guid IS NULL OR (a.occurred_at, a.recorded_at, a.seq) >= (r.ts, r.created, r.seq))`,
    [
      pgArrayLiteral(resets.map((r) => r.guid)),
      pgArrayLiteral(resets.map((r) => r.ts)),
      pgArrayLiteral(resets.map((r) => r.created)),
      pgArrayLiteral(resets.map((r) => r.seq)),
      tenant,
      pgArrayLiteral(requests.map((r) => r.guid)),
    ],
  );
  const lists = new Map<string, { events: FoldEvent[]; fromReset: boolean }>();
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
    const entry = lists.get(e.entityId);
    if (entry) entry.events.push(e);
    else lists.set(e.entityId, { events: [e], fromReset: r.from_reset });
  }
  for (const [guid, entry] of lists) {
    entry.events.sort(compareFoldEvents);
    out.set(guid, entry);
  }
  return out;
}

interface Reset {
  guid: string;
  ts: string;
  created: string;
  seq: string;
}

/** Per guid: the latest create or purge before its earliest new event (and after its header). */
async function findResets(
  trx: Knex.Transaction,
  tenant: string,
  requests: readonly RecomputeRequest[],
): Promise<Reset[]> {
  if (requests.length === 0) return [];
  const col = <T extends string | number | null>(f: (r: RecomputeRequest) => T) =>
    pgArrayLiteral(requests.map(f));
  // LATERAL keeps this one index probe per guid, however many guids (a purge may list 100,000).
  // `action || ''` keeps the planner off the (tenant, action) index, which would scan every purge
  // of the tenant once per guid.
  const { rows } = await trx.raw<{ rows: Reset[] }>(
    `SELECT w.guid, x.occurred_at AS ts, x.recorded_at AS created, x.seq
     FROM unnest(?::text[], ?::timestamptz[], ?::timestamptz[], ?::bigint[], ?::timestamptz[])
       AS w(guid, b_ts, b_created, b_seq, skip_ts)
     JOIN LATERAL (
       SELECT a.occurred_at, a.recorded_at, a.seq FROM audit_events a
       WHERE a.tenant = ? AND a.family = 'entity' AND a.entity_id = w.guid
         AND (a.action || '') IN ('ENTITY_CREATE', 'ENTITY_IMPORT_CREATE', 'ENTITY_PURGE')
         AND (a.occurred_at, a.recorded_at, a.seq) < (w.b_ts, w.b_created, w.b_seq)
         AND (w.skip_ts IS NULL OR a.occurred_at > w.skip_ts)
       ORDER BY a.occurred_at DESC, a.recorded_at DESC, a.seq DESC
       LIMIT 1
     ) x ON true`,
    [
      col((r) => r.guid),
      col((r) => (r.before ? msToTimestamptz(r.before.timestamp) : null)),
      col((r) => (r.before ? msToTimestamptz(r.before.created) : null)),
      col((r) => (r.before ? r.before.seq.toString() : null)),
      col((r) => (r.skipThrough === null ? null : msToTimestamptz(r.skipThrough))),
      tenant,
    ],
  );
  // timestamptz comes back as a Date: hand it back as exact ISO text
  return rows.map((r) => ({
    guid: r.guid,
    ts: toIso(r.ts),
    created: toIso(r.created),
    seq: String(r.seq),
  }));
}

function toIso(v: unknown): string {
  return v instanceof Date ? v.toISOString() : String(v);
}
