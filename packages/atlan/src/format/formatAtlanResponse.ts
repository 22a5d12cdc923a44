/** ResultPage → the auditSearch response (spec §1.5): all five top-level keys, always. */
import type { ResultPage, Total } from '@audit-gateway/ir';
import type { EntityHeaderRow } from '@audit-gateway/store';
import type { AggPlans } from '../aggs/AggPlan';
import { formatAggregations } from './formatAggregations';
import { formatEntry, type AtlanEntry } from './formatEntry';

export interface AtlanResponse {
  readonly entityAudits: readonly AtlanEntry[];
  readonly aggregations: Record<string, unknown> | null;
  readonly count: number;
  readonly totalCount: number;
  readonly linkedEntities: Record<string, never>;
}

export function formatAtlanResponse(
  page: ResultPage,
  total: Total,
  aggPlans: AggPlans | undefined,
  states: ReadonlyMap<string, EntityHeaderRow>,
  attributes: readonly string[],
): AtlanResponse {
  const entityAudits = page.rows.map((row) =>
    formatEntry(row, row.entityId === null ? undefined : states.get(row.entityId), attributes),
  );
  return {
    entityAudits,
    aggregations: aggPlans ? formatAggregations(page.aggs ?? {}, aggPlans) : null,
    count: entityAudits.length,
    // -1 is ES's "not tracked" value (spec §4.4, §9 D2)
    totalCount: total === 'none' ? -1 : (page.total?.value ?? 0),
    linkedEntities: {},
  };
}
