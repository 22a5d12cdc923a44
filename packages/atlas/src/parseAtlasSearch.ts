/**
 * E1 request → AuditQuery (spec/atlas-admin-audits.md §3–§5). Two stages, with the role check
 * between them (§2.5): `parseAtlasBody` (shape, before the role) and this function's semantics
 * (after it): missing body, structural limits, the filter tree in document order, then sortBy.
 *
 * Example: {"auditFilters":{"attributeName":"userName","operator":"eq","attributeValue":"bob"},
 *           "sortBy":"endTime","sortOrder":"DESCENDING","limit":10}
 *   → { family: 'admin', where: cmp(actor eq bob),
 *       sort: [recordedAt desc (NULLs last), seq desc], page: { offset: 0, limit: 10 }, total: 'none' }
 */
import { all, type AuditQuery, type RequestBody, type SortKey } from '@audit-gateway/ir';
import { attributeNotFound, parametersNotSpecified } from './atlasErrors';
import { lookupAtlasAttribute } from './atlasFields';
import { parseAtlasBody, type AtlasSearchBody } from './parseAtlasBody';
import { parseAtlasFilters } from './parseAtlasFilters';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 10_000;

export function parseAtlasSearch(body: RequestBody, now: number): AuditQuery {
  const parsed = parseAtlasBody(body);
  if (parsed.kind === 'missing') throw parametersNotSpecified();
  const params = parsed.params;
  const where = parseAtlasFilters(params, now);
  return {
    family: 'admin',
    // scope() overwrites both on every search; `all` here grants nothing by itself
    scope: all(),
    detailScope: all(),
    where,
    sort: atlasSort(params),
    page: atlasPage(params),
    total: 'none',
  };
}

/** §5.1: NULLs last in both directions; seq breaks ties in the sort's own direction. */
function atlasSort(params: AtlasSearchBody): SortKey[] {
  if (params.sortBy === null || params.sortBy === '') {
    return [{ field: 'seq', dir: 'asc', missing: 'last' }];
  }
  const attr = lookupAtlasAttribute(params.sortBy);
  if (!attr) throw attributeNotFound(params.sortBy);
  const dir = params.sortOrder === 'DESCENDING' ? 'desc' : 'asc';
  return [
    { field: attr.field, dir, missing: 'last' },
    { field: 'seq', dir, missing: 'last' },
  ];
}

/** §5.2: limit outside 1…10000 becomes 100 (not clamped); a negative offset becomes 0. */
function atlasPage(params: AtlasSearchBody): { offset: number; limit: number } {
  const l = params.limit;
  const limit = l !== null && l >= 1 && l <= MAX_LIMIT ? l : DEFAULT_LIMIT;
  const offset = params.offset !== null && params.offset > 0 ? params.offset : 0;
  return { offset, limit };
}
