/**
 * Brings the `entities` rows of the guids a batch touched up to date (spec/ingest.md §6.2). When
 * every new event of a guid sorts after the last one applied, they are folded onto the stored row;
 * otherwise (late events, a new header, no row yet, a purged asset) the guid is recomputed from its
 * stored header and all its stored events. Runs inside the batch's transaction, under the locks.
 */
import type { Knex } from 'knex';
import {
  compareFoldEvents,
  rowToState,
  stateFromHeader,
  stateToRow,
  type EntityRow,
  type FoldEvent,
} from './entityState';
import { foldEntity, type FoldResult } from './foldEntity';
import type { JsonObject } from './ingestTypes';
import { loadEntityEvents, type RecomputeRequest } from './loadEntityEvents';
import { lockEntities } from './lockEntities';
import { pgArrayLiteral } from './pgArrayLiteral';

export interface EntityChanges {
  /** events this transaction stored (ingested and derived), by guid */
  readonly newEvents: ReadonlyMap<string, readonly FoldEvent[]>;
  /** guids whose stored header changed in this transaction */
  readonly headerChanged: ReadonlySet<string>;
}

type StoredRow = Parameters<typeof rowToState>[0] & {
  last_timestamp: string | null;
  last_created: string | null;
  last_seq: string | null;
};

export async function applyEntityState(
  trx: Knex.Transaction,
  tenant: string,
  changes: EntityChanges,
): Promise<void> {
  const guids = [...new Set([...changes.newEvents.keys(), ...changes.headerChanged])];
  if (guids.length === 0) return;
  await lockEntities(trx, tenant, guids);
  const list = pgArrayLiteral(guids);
  const [stateRows, headerRows] = await Promise.all([
    trx.raw<{ rows: StoredRow[] }>(
      'SELECT * FROM entities WHERE tenant = ? AND guid = ANY(?::text[])',
      [tenant, list],
    ),
    trx.raw<{ rows: { guid: string; header: JsonObject; update_time: string | null }[] }>(
      'SELECT guid, header, update_time FROM entity_headers WHERE tenant = ? AND guid = ANY(?::text[])',
      [tenant, list],
    ),
  ]);
  const stored = new Map(stateRows.rows.map((r) => [r.guid, r]));
  const headers = new Map(headerRows.rows.map((r) => [r.guid, r]));

  const results = new Map<string, FoldResult>();
  const recompute: RecomputeRequest[] = [];
  for (const guid of guids) {
    const row = stored.get(guid);
    const header = headers.get(guid);
    const skipThrough = header?.update_time == null ? null : Number(header.update_time);
    const fresh = [...(changes.newEvents.get(guid) ?? [])].sort(compareFoldEvents);
    const applicable = fresh.filter((e) => skipThrough === null || e.timestamp > skipThrough);
    if (!row || changes.headerChanged.has(guid) || !allAfter(applicable, row)) {
      const before = changes.headerChanged.has(guid) ? null : (fresh[0] ?? null);
      recompute.push({ guid, before, skipThrough });
      continue;
    }
    const result = foldEntity({ state: rowToState(row), started: true, skipThrough }, applicable);
    results.set(guid, { state: result.state, last: result.last ?? lastOf(row) });
  }

  const history = await loadEntityEvents(trx, tenant, recompute);
  for (const { guid, skipThrough } of recompute) {
    const header = headers.get(guid);
    const loaded = history.get(guid);
    // a create or purge at the start resets the state: what came before it does not matter
    const start = loaded?.fromReset
      ? { state: null, started: false, skipThrough }
      : header
        ? {
            state: stateFromHeader(header.header),
            started: true,
            skipThrough: header.update_time == null ? null : Number(header.update_time),
          }
        : { state: null, started: false, skipThrough: null };
    results.set(guid, foldEntity(start, loaded?.events ?? []));
  }
  await writeStates(trx, tenant, results);
}

function lastOf(row: StoredRow): FoldEvent | null {
  if (row.last_timestamp === null || row.last_created === null || row.last_seq === null)
    return null;
  return {
    entityId: row.guid,
    action: '',
    typeName: '',
    entityQualifiedName: null,
    user: '',
    timestamp: Number(row.last_timestamp),
    created: Number(row.last_created),
    seq: BigInt(row.last_seq),
    detail: null,
  };
}

/** True when every event sorts after the last one the stored row has applied. */
function allAfter(events: readonly FoldEvent[], row: StoredRow): boolean {
  const last = lastOf(row);
  if (last === null) return true;
  return events.every((e) => compareFoldEvents(e, last) > 0);
}

async function writeStates(
  trx: Knex.Transaction,
  tenant: string,
  results: ReadonlyMap<string, FoldResult>,
): Promise<void> {
  const gone: string[] = [];
  const rows: EntityRow[] = [];
  for (const [guid, r] of results) {
    if (r.state === null) gone.push(guid);
    else rows.push(stateToRow(tenant, r.state, r.last));
  }
  if (gone.length > 0) {
    await trx.raw('DELETE FROM entities WHERE tenant = ? AND guid = ANY(?::text[])', [
      tenant,
      pgArrayLiteral(gone),
    ]);
  }
  if (rows.length === 0) return;
  await trx.raw(
    `INSERT INTO entities AS e (tenant, guid, type_name, qualified_name, status, created_by, updated_by,
       attributes, classifications, classification_names, labels, is_incomplete, create_time,
       update_time, extra, last_timestamp, last_created, last_seq)
     SELECT * FROM jsonb_to_recordset(?::jsonb) AS x(tenant text, guid text, type_name text,
       qualified_name text, status text, created_by text, updated_by text, attributes jsonb,
       classifications jsonb, classification_names text[], labels text[], is_incomplete boolean,
       create_time bigint, update_time bigint, extra jsonb, last_timestamp bigint,
       last_created bigint, last_seq bigint)
     ON CONFLICT (tenant, guid) DO UPDATE SET type_name = excluded.type_name,
       qualified_name = excluded.qualified_name, status = excluded.status,
       created_by = excluded.created_by, updated_by = excluded.updated_by,
       attributes = excluded.attributes, classifications = excluded.classifications,
       classification_names = excluded.classification_names, labels = excluded.labels,
       is_incomplete = excluded.is_incomplete, create_time = excluded.create_time,
       update_time = excluded.update_time, extra = excluded.extra,
       last_timestamp = excluded.last_timestamp, last_created = excluded.last_created,
       last_seq = excluded.last_seq`,
    [JSON.stringify(rows)],
  );
}
