/**
 * One `entityAudits` entry (spec §1.5, §8.1): all fourteen keys, always. A row outside the
 * credential's detail policy keeps its place but loses `detail` and `entityDetail` (§6.4).
 */
import type { CanonicalRow } from '@audit-gateway/ir';
import type { EntityHeaderRow } from '@audit-gateway/store';
import { formatEntityDetail } from './formatEntityDetail';

export interface AtlanEntry {
  readonly entityQualifiedName: string;
  readonly typeName: string | null;
  readonly entityId: string | null;
  readonly timestamp: number;
  readonly created: number | null;
  readonly user: string | null;
  readonly action: string | null;
  readonly details: null;
  readonly eventKey: string | null;
  readonly entity: null;
  readonly type: null;
  readonly detail: unknown;
  readonly entityDetail: Record<string, unknown> | null;
  readonly headers: unknown;
}

export function formatEntry(
  row: CanonicalRow,
  state: EntityHeaderRow | undefined,
  attributes: readonly string[],
): AtlanEntry {
  return {
    // pyatlan rejects a whole page with a null qualifiedName; absent renders as "" (§9, D7)
    entityQualifiedName: row.entityQualifiedName ?? '',
    typeName: row.typeName,
    entityId: row.entityId,
    timestamp: row.occurredAt,
    created: row.recordedAt,
    user: row.actor,
    action: row.action,
    details: null,
    eventKey: row.eventKey,
    entity: null,
    type: null,
    detail: row.detailVisible ? row.detail : null,
    entityDetail: row.detailVisible && state ? formatEntityDetail(state, attributes) : null,
    headers: row.headers,
  };
}
