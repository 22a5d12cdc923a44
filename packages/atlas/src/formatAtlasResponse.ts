/**
 * Canonical admin rows → the JSON array Apache Atlas returns (spec/atlas-admin-audits.md §6.1):
 * NULL fields are left out, never sent as null; `resultCount` is always present (0 when missing);
 * times are integers; `guid` is the ingested external id, never the store's internal row id.
 */
import type { CanonicalRow, ResultPage } from '@audit-gateway/ir';

export interface AtlasAuditEntry {
  readonly guid?: string;
  readonly userName?: string;
  readonly operation?: string;
  readonly params?: string;
  readonly startTime: number;
  readonly endTime?: number;
  readonly clientId?: string;
  readonly result?: string;
  readonly resultCount: number;
  readonly runId?: string;
  readonly auditRowKind?: string;
}

const present = <K extends string, V>(key: K, v: V | null): Partial<Record<K, V>> =>
  v === null ? {} : ({ [key]: v } as Record<K, V>);

export function formatAtlasEntry(row: CanonicalRow): AtlasAuditEntry {
  // key order follows the spec's table; clients must not depend on it
  return {
    ...present('guid', row.externalId),
    ...present('userName', row.actor),
    ...present('operation', row.action),
    ...present('params', row.params),
    startTime: row.occurredAt,
    ...present('endTime', row.recordedAt),
    ...present('clientId', row.clientId),
    ...present('result', row.result),
    resultCount: Number(row.resultCount ?? 0),
    ...present('runId', row.runId),
    ...present('auditRowKind', row.auditRowKind),
  };
}

export function formatAtlasResponse(page: ResultPage): AtlasAuditEntry[] {
  return page.rows.map(formatAtlasEntry);
}
