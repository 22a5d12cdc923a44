/**
 * W3, Atlas admin audits (DESIGN §6): userName like + operation eq + startTime timerange, sortBy
 * endTime descending, limit 10. The SQL applies the same token-boundary `like`
 * (spec/atlas-admin-audits.md §4.7) as a regular expression, NULLs last, ties by seq descending.
 */
import { compareSeries, type Variant } from './compareSeries';
import type { WorkloadContext } from './WorkloadContext';
import { ratio, skippedResult, type WorkloadResult } from './WorkloadResult';

const SQL = `SELECT seq, external_id, actor, action, params, occurred_at, recorded_at, client_id,
         result, result_count, run_id, audit_row_kind
  FROM audit_events
  WHERE tenant = ? AND family = 'admin'
    AND actor ~ ? AND action = ?
    AND occurred_at >= ? AND occurred_at <= ?
  ORDER BY recorded_at DESC NULLS LAST, seq DESC
  LIMIT 10`;

/** §4.7: the value as a whole token, case-sensitive; regex metacharacters escaped. */
export function tokenRegex(value: string): string {
  const escaped = value.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
  return `(^|[^A-Za-z0-9_])${escaped}($|[^A-Za-z0-9_])`;
}

/** undefined when the dataset has no Atlas entries */
export function w3Variant(ctx: WorkloadContext): Variant | undefined {
  const { atlasUser, atlasOperation, atlasWindow, tenant } = ctx.samples;
  if (!atlasUser || !atlasOperation) return undefined;
  const [lo, hi] = atlasWindow;
  const body = {
    auditFilters: {
      condition: 'AND',
      criterion: [
        { attributeName: 'userName', operator: 'like', attributeValue: atlasUser },
        { attributeName: 'operation', operator: 'eq', attributeValue: atlasOperation },
        { attributeName: 'startTime', operator: 'timerange', attributeValue: `${lo},${hi}` },
      ],
    },
    sortBy: 'endTime',
    sortOrder: 'DESCENDING',
    limit: 10,
  };
  return {
    http: {
      label: 'W3',
      method: 'POST',
      path: '/api/atlas/admin/audits',
      body: JSON.stringify(body),
    },
    sql: {
      sql: SQL,
      bindings: [
        tenant,
        tokenRegex(atlasUser),
        atlasOperation,
        new Date(lo).toISOString(),
        new Date(hi).toISOString(),
      ],
    },
  };
}

export async function runW3(ctx: WorkloadContext): Promise<WorkloadResult> {
  const title = 'Atlas admin audits (userName like, operation eq, startTime window, endTime desc)';
  const v = w3Variant(ctx);
  if (!v) return skippedResult('W3', title, 'the dataset has no Atlas admin entries');
  ctx.gateway.resetPeakRss();
  const r = await compareSeries(ctx, [v]);
  const { atlasUser, atlasOperation, atlasWindow } = ctx.samples;
  return {
    id: 'W3',
    title,
    gateway: r.gateway,
    sql: r.sql,
    ratio: ratio(r.gateway.p50, r.sql.p50),
    peakRssMiB: ctx.gateway.peakRssMiB(),
    extra: { userName: atlasUser, operation: atlasOperation, startTime: atlasWindow },
  };
}
