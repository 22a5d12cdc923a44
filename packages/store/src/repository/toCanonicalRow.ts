/**
 * An audit_events row as pg returns it → CanonicalRow: dates become epoch ms, int8 stays a
 * decimal string for seq/txid and becomes a number for counts (result_count is far below 2^53).
 */
import { fieldsOf, type CanonicalRow, type Family, type JsonValue } from '@audit-gateway/ir';

export type SqlRow = Readonly<Record<string, unknown>>;

function ms(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v.getTime() : Date.parse(str(v) ?? '');
}
/** pg hands text, int8 as text, and numbers here; nothing is an object */
function str(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v);
}
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const json = (v: unknown): JsonValue | null => (v === undefined ? null : (v as JsonValue | null));

export function toCanonicalRow(r: SqlRow): CanonicalRow {
  const family = r['family'] as Family;
  const present = new Set(fieldsOf(family).map((s) => s.column));
  const get = (column: string): unknown => (present.has(column) ? r[column] : null);
  return {
    seq: String(r['seq']),
    externalId: str(r['external_id']),
    tenant: String(r['tenant']),
    environment: str(r['environment']),
    family,
    generation: Number(r['generation']),
    txid: String(r['txid']),
    occurredAt: ms(r['occurred_at']) as number,
    recordedAt: ms(r['recorded_at']),
    actor: str(get('actor')),
    action: str(get('action')),
    entityId: str(get('entity_id')),
    entityQualifiedName: str(get('entity_qualified_name')),
    typeName: str(get('type_name')),
    eventKey: str(get('event_key')),
    detail: json(get('detail')),
    detailVisible: r['detail_visible'] === undefined ? true : r['detail_visible'] === true,
    headers: json(get('headers')),
    params: str(get('params')),
    result: str(get('result')),
    clientId: str(get('client_id')),
    runId: str(get('run_id')),
    auditRowKind: str(get('audit_row_kind')),
    resultCount: num(get('result_count')),
    url: str(get('url')),
    method: str(get('method')),
    ip: str(get('ip')),
    userAgent: str(get('user_agent')),
    source: str(get('source')),
    authType: str(get('auth_type')),
    resourceType: str(get('resource_type')),
    actionDescription: str(get('action_description')),
    payload: str(get('payload')),
    status: num(get('status')),
    durationMs: num(get('duration_ms')),
    auth: json(get('auth')),
    query: json(get('query')),
  };
}
