/**
 * Generator records (the native shapes of spec/ingest.md §5.2–§5.4) → the store's normalised
 * records, applying the same defaults the ingest API applies. The generator only writes valid
 * records, so this does not validate; the HTTP ingest of W5 is where validation is measured.
 */
import type { AtlanRecord, AtlasEntry, AtomicEntry, JsonObject } from '@audit-gateway/store';
import type { JsonRecord } from './readNdjson';

const LEGACY_ACTIONS: Readonly<Record<string, string>> = {
  TAG_ADD: 'CLASSIFICATION_ADD',
  TAG_DELETE: 'CLASSIFICATION_DELETE',
  TAG_UPDATE: 'CLASSIFICATION_UPDATE',
};

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const obj = (v: unknown): JsonObject | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : null;

export function toAtlanRecord(r: JsonRecord): AtlanRecord {
  const entityId = String(r.entityId);
  const timestamp = Number(r.timestamp);
  const action = String(r.action);
  const eventKey = str(r.eventKey);
  return {
    entityId,
    action: LEGACY_ACTIONS[action] ?? action,
    typeName: String(r.typeName),
    entityQualifiedName: str(r.entityQualifiedName) || null,
    user: String(r.user),
    timestamp,
    created: Number(r.created),
    eventKey: eventKey || `${entityId}:${timestamp}`,
    detail: obj(r.detail),
    headers: obj(r.headers) as Record<string, string> | null,
  };
}

export function toAtlasEntry(r: JsonRecord): AtlasEntry {
  return {
    guid: String(r.guid),
    userName: String(r.userName),
    operation: String(r.operation),
    params: str(r.params),
    startTime: Number(r.startTime),
    endTime: num(r.endTime),
    clientId: str(r.clientId),
    result: str(r.result),
    resultCount: num(r.resultCount) ?? 0,
    runId: str(r.runId),
    auditRowKind: str(r.auditRowKind),
  };
}

export function toAtomicEntry(r: JsonRecord): AtomicEntry {
  const resource = obj(r.resource);
  const action = obj(r.action);
  return {
    id: String(r.id),
    url: String(r.url),
    status: Number(r.status),
    auth: obj(r.auth) ?? {},
    ip: str(r.ip),
    userAgent: str(r.userAgent),
    method: String(r.method),
    query: obj(r.query),
    payload: str(r.payload),
    source: String(r.source),
    environmentId: String(r.environmentId),
    time: num(r.time),
    resource: resource ? { type: String(resource.type) } : null,
    action: action ? { type: String(action.type), description: str(action.description) } : null,
    created: Date.parse(String(r.created)),
  };
}
