/**
 * A canonical entity row → Atlas's `EntityAuditEventV2` plus the gateway's five Atlan-side keys
 * (spec/atlas-admin-audits.md §8.3, §11 D23). Every key is always present; `details` is rebuilt
 * from the stored detail with Atlas's prefix (§8.4), and is null whenever the detail is hidden.
 */
import type { CanonicalRow, JsonValue } from '@audit-gateway/ir';
import { ENTITY_AUDIT_ACTIONS } from './entityAuditActions';

export interface EntityAuditEventV2 {
  readonly entityId: string | null;
  readonly timestamp: number;
  readonly user: string | null;
  readonly action: string | null;
  readonly details: string | null;
  readonly eventKey: string | null;
  readonly entity: null;
  readonly type: null;
  readonly entityQualifiedName: string | null;
  readonly typeName: string | null;
  readonly created: number | null;
  readonly detail: JsonValue | null;
  readonly headers: JsonValue | null;
}

/** The stored detail when the caller may see it (the detail policy can hide it). */
export function visibleDetail(row: CanonicalRow): JsonValue | null {
  return row.detailVisible ? row.detail : null;
}

export function detailsText(action: string | null, detail: JsonValue | null): string | null {
  if (detail === null) return null;
  const [prefix, payload] = ENTITY_AUDIT_ACTIONS.get(action ?? '') ?? ['', 'json'];
  const obj = typeof detail === 'object' && !Array.isArray(detail) ? detail : undefined;
  if (payload === 'typeName' && typeof obj?.typeName === 'string') return prefix + obj.typeName;
  if (payload === 'labels' && obj?.labels !== undefined && obj.labels !== null) {
    const labels = obj.labels;
    if (typeof labels === 'string') return prefix + labels;
    if (Array.isArray(labels))
      return prefix + labels.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join(' ');
  }
  return prefix + JSON.stringify(detail);
}

export function formatEntityAuditEvent(row: CanonicalRow): EntityAuditEventV2 {
  const detail = visibleDetail(row);
  return {
    entityId: row.entityId,
    timestamp: row.occurredAt,
    user: row.actor,
    action: row.action,
    details: detailsText(row.action, detail),
    eventKey: row.eventKey,
    entity: null,
    type: null,
    entityQualifiedName: row.entityQualifiedName,
    typeName: row.typeName,
    created: row.recordedAt,
    detail,
    headers: row.headers,
  };
}
