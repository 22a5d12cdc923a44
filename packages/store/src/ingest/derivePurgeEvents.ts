/**
 * Builds the ENTITY_PURGE events that newly stored Atlas purge entries derive (spec/ingest.md §6.5,
 * atlas-admin-audits.md §9). Their typeName and qualified name come from the guid's latest stored
 * entity event at or before the purge time, else from the current state, else Referenceable/null.
 * Called after the batch's own records are written and before the state is folded.
 */
import type { Knex } from 'knex';
import { msToTimestamptz } from './eventColumns';
import type { AtlanRecord, AtlasEntry } from './ingestTypes';
import { derivedPurgeNaturalKey } from './naturalKeys';
import { pgArrayLiteral } from './pgArrayLiteral';
import { purgedGuids } from './purgedGuids';

export interface DerivedPurge {
  readonly record: AtlanRecord;
  readonly naturalKey: string;
}

interface Known {
  typeName: string;
  qualifiedName: string | null;
}

export async function derivePurgeEvents(
  trx: Knex.Transaction,
  tenant: string,
  stored: readonly AtlasEntry[],
): Promise<DerivedPurge[]> {
  const wanted: { entry: AtlasEntry; guid: string; at: number }[] = [];
  for (const entry of stored) {
    const at = entry.endTime ?? entry.startTime;
    for (const guid of purgedGuids(entry)) wanted.push({ entry, guid, at });
  }
  if (wanted.length === 0) return [];
  const fromHistory = await latestBefore(trx, tenant, wanted);
  const missing = [...new Set(wanted.filter((_, i) => !fromHistory[i]).map((w) => w.guid))];
  const fromState = await currentState(trx, tenant, missing);
  return wanted.map((w, i) => {
    const known = fromHistory[i] ?? fromState.get(w.guid);
    const typeName = known?.typeName ?? 'Referenceable';
    const qn = known?.qualifiedName ?? null;
    const record: AtlanRecord = {
      entityId: w.guid,
      action: 'ENTITY_PURGE',
      typeName,
      entityQualifiedName: qn,
      user: w.entry.userName,
      timestamp: w.at,
      created: w.at,
      eventKey: `${w.guid}:${w.at}`,
      detail: {
        typeName,
        guid: w.guid,
        status: 'PURGED',
        attributes: qn === null ? {} : { qualifiedName: qn },
      },
      headers: null,
    };
    return { record, naturalKey: derivedPurgeNaturalKey(w.entry.guid, w.guid) };
  });
}

/** Per wanted item (same index): the latest entity event at or before its purge time, if any. */
async function latestBefore(
  trx: Knex.Transaction,
  tenant: string,
  wanted: readonly { guid: string; at: number }[],
): Promise<(Known | undefined)[]> {
  const { rows } = await trx.raw<{
    rows: { ord: string; type_name: string; entity_qualified_name: string | null }[];
  }>(
    `SELECT p.ord, e.type_name, e.entity_qualified_name
     FROM unnest(?::text[], ?::timestamptz[]) WITH ORDINALITY AS p(guid, at, ord)
     JOIN LATERAL (
       SELECT a.type_name, a.entity_qualified_name FROM audit_events a
       WHERE a.tenant = ? AND a.family = 'entity' AND a.entity_id = p.guid AND a.occurred_at <= p.at
       ORDER BY a.occurred_at DESC, a.recorded_at DESC, a.seq DESC
       LIMIT 1
     ) e ON true`,
    [
      pgArrayLiteral(wanted.map((w) => w.guid)),
      pgArrayLiteral(wanted.map((w) => msToTimestamptz(w.at))),
      tenant,
    ],
  );
  const out: (Known | undefined)[] = wanted.map(() => undefined);
  for (const r of rows) {
    out[Number(r.ord) - 1] = { typeName: r.type_name, qualifiedName: r.entity_qualified_name };
  }
  return out;
}

async function currentState(
  trx: Knex.Transaction,
  tenant: string,
  guids: readonly string[],
): Promise<Map<string, Known>> {
  if (guids.length === 0) return new Map();
  const { rows } = await trx.raw<{
    rows: { guid: string; type_name: string; qualified_name: string | null }[];
  }>(
    'SELECT guid, type_name, qualified_name FROM entities WHERE tenant = ? AND guid = ANY(?::text[])',
    [tenant, pgArrayLiteral(guids)],
  );
  return new Map(
    rows.map((r) => [r.guid, { typeName: r.type_name, qualifiedName: r.qualified_name }]),
  );
}
