/**
 * Reads every row of a query in offset pages, for the two places that need a whole (small) set:
 * E2's purge-event lookups and E3's case-insensitive `user` sort, which the IR's sort keys cannot
 * express. Errors propagate: an outage must never look like "no rows".
 */
import type { AuditQuery, CanonicalRow, SearchContext, AuditSearch } from '@audit-gateway/ir';

export const FETCH_PAGE = 1000;

export async function fetchAllRows(
  search: AuditSearch,
  query: Omit<AuditQuery, 'page'>,
  ctx: SearchContext,
): Promise<CanonicalRow[]> {
  const rows: CanonicalRow[] = [];
  for (let offset = 0; ; offset += FETCH_PAGE) {
    const page = await search({ ...query, page: { offset, limit: FETCH_PAGE } }, ctx);
    rows.push(...page.rows);
    if (!page.hasMore || page.rows.length < FETCH_PAGE) return rows;
  }
}
