/** audit_events rows → COPY … (FORMAT csv) text: unquoted empty is NULL, everything else quoted. */
import type { EventColumn, EventRow } from '@audit-gateway/store';

export function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  return `"${String(v).replace(/"/g, '""')}"`;
}

export function csvLine(
  fixed: readonly (string | number)[],
  row: EventRow,
  columns: readonly EventColumn[],
): string {
  return [...fixed.map(csvField), ...columns.map((c) => csvField(row[c]))].join(',') + '\n';
}
