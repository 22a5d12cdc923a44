/**
 * A canonical request row → one Atomic entry (spec/atomic-audit-log.md §5.2). Every one of the 16
 * keys is always present; unknown values are null. `id` is the stored external id, never the
 * internal row id; `organisationId` is the tenant, so an entry ingested without it still shows it.
 */
import type { CanonicalRow, JsonValue } from '@audit-gateway/ir';

export interface AtomicEntry {
  readonly id: string;
  readonly url: string;
  readonly status: number;
  readonly auth: JsonValue | null;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly method: string;
  readonly query: JsonValue | null;
  readonly payload: string | null;
  readonly source: string;
  readonly organisationId: string;
  readonly environmentId: string;
  readonly time: number | null;
  readonly resource: { readonly type: string } | null;
  readonly action: { readonly type: string; readonly description: string | null } | null;
  readonly created: string;
}

export function formatAtomicEntry(row: CanonicalRow): AtomicEntry {
  return {
    id: row.externalId ?? '',
    url: row.url ?? '',
    status: row.status ?? 0,
    auth: row.auth,
    ip: row.ip,
    userAgent: row.userAgent,
    method: row.method ?? '',
    query: row.query,
    payload: row.payload,
    source: row.source ?? '',
    organisationId: row.tenant,
    environmentId: row.environment ?? '',
    time: row.durationMs,
    resource: row.resourceType === null ? null : { type: row.resourceType },
    action: row.action === null ? null : { type: row.action, description: row.actionDescription },
    // request rows always have recorded_at (a table constraint); 0 only guards the type
    created: new Date(row.recordedAt ?? 0).toISOString(),
  };
}
