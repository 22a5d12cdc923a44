/** E2 query parameters (spec/atlas-admin-audits.md §7.1), checked before the role (§2.5 step 4). */
import { boundedCount, cappedOffset, integerParam, type QueryPairs } from './queryParams';

export interface AuditDetailsParams {
  readonly limit: number;
  readonly offset: number;
}

export const DETAILS_DEFAULT_LIMIT = 10;
export const DETAILS_MAX_LIMIT = 10_000;

export function parseAuditDetailsParams(query: QueryPairs): AuditDetailsParams {
  const limit = integerParam(query, 'limit');
  const offset = integerParam(query, 'offset');
  return {
    limit: boundedCount(limit, DETAILS_MAX_LIMIT, DETAILS_DEFAULT_LIMIT),
    offset: offset !== undefined && offset > 0n ? cappedOffset(offset) : 0,
  };
}
