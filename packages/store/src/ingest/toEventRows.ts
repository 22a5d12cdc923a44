/** Native records → audit_events rows, one mapping per family (DESIGN §2.1's table). */
import { msToTimestamptz, type EventRow } from './eventColumns';
import type { AtlanRecord, AtlasEntry, AtomicEntry } from './ingestTypes';
import { atlanNaturalKey } from './naturalKeys';

const json = (v: unknown): string | null =>
  v === null || v === undefined ? null : JSON.stringify(v);

export function atlanEventRow(r: AtlanRecord, naturalKey: string = atlanNaturalKey(r)): EventRow {
  return {
    occurred_at: msToTimestamptz(r.timestamp),
    recorded_at: msToTimestamptz(r.created),
    actor: r.user,
    action: r.action,
    entity_id: r.entityId,
    entity_qualified_name: r.entityQualifiedName,
    type_name: r.typeName,
    event_key: r.eventKey,
    detail: json(r.detail),
    headers: json(r.headers),
    natural_key: naturalKey,
  };
}

export function atlasEventRow(e: AtlasEntry): EventRow {
  return {
    external_id: e.guid,
    occurred_at: msToTimestamptz(e.startTime),
    recorded_at: e.endTime === null ? null : msToTimestamptz(e.endTime),
    actor: e.userName,
    action: e.operation,
    params: e.params,
    result: e.result,
    client_id: e.clientId,
    run_id: e.runId,
    audit_row_kind: e.auditRowKind,
    result_count: e.resultCount,
    natural_key: e.guid,
  };
}

/** The actor of an ingested Atomic entry: `auth.sub`, else `auth.clientId`, else none. */
function atomicActor(auth: Readonly<Record<string, unknown>>): string | null {
  if (typeof auth.sub === 'string') return auth.sub;
  if (typeof auth.clientId === 'string') return auth.clientId;
  return null;
}

export function atomicEventRow(e: AtomicEntry): EventRow {
  // occurred_at is when the request started: created − time, truncated to whole milliseconds
  const started = e.time === null ? e.created : Math.floor(e.created - e.time);
  return {
    external_id: e.id,
    environment: e.environmentId,
    occurred_at: msToTimestamptz(started),
    recorded_at: msToTimestamptz(e.created),
    actor: atomicActor(e.auth),
    action: e.action?.type ?? null,
    url: e.url,
    method: e.method,
    ip: e.ip,
    user_agent: e.userAgent,
    source: e.source,
    auth_type: typeof e.auth.type === 'string' ? e.auth.type : null,
    resource_type: e.resource?.type ?? null,
    action_description: e.action?.description ?? null,
    payload: e.payload,
    status: e.status,
    duration_ms: e.time,
    auth: json(e.auth),
    query: json(e.query),
    natural_key: e.id,
  };
}
