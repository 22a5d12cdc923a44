/**
 * A listing → AuditQuery (DESIGN §2.3). desc: `recordedAt desc, seq desc` with a keyset after the
 * last row's (createdMs, seq); asc: the tail, ordered by (generation, txid, seq) by the compiler and
 * gated by the transaction horizon (spec/atomic-audit-log.md §8.3). Scope is left `all`: scope() sets
 * tenant, environment and policy.
 *
 *   filters {authType:"workbench", status:[404,"5xx"]} →
 *   and(cmp(authType eq workbench), or(in(status,[404]), and(status >= 500, status < 600)))
 */
import {
  all,
  and,
  cmp,
  inList,
  or,
  type AuditQuery,
  type Page,
  type Predicate,
  type SortKey,
} from '@audit-gateway/ir';
import type { AtomicFilters } from './atomicParams';
import type { AscKey, DescKey } from './cursorPayload';
import type { Listing } from './applyCursor';

const DESC_SORT: readonly SortKey[] = [
  { field: 'recordedAt', dir: 'desc', missing: 'last' },
  { field: 'seq', dir: 'desc', missing: 'last' },
];
/** The compiler orders a tail by (generation, txid, seq); seq is the parser's explicit last key. */
const ASC_SORT: readonly SortKey[] = [{ field: 'seq', dir: 'asc', missing: 'last' }];

export function filterPredicate(f: AtomicFilters): Predicate {
  const parts: Predicate[] = [];
  if (f.authType !== undefined) parts.push(cmp('authType', 'eq', f.authType));
  if (f.from !== undefined) parts.push(cmp('recordedAt', 'gte', f.from));
  if (f.to !== undefined) parts.push(cmp('recordedAt', 'lt', f.to));
  if (f.source) parts.push(inList('source', f.source));
  if (f.resourceType) parts.push(inList('resourceType', f.resourceType));
  if (f.actionType) parts.push(inList('action', f.actionType));
  if (f.method) parts.push(inList('method', f.method));
  if (f.status) parts.push(statusPredicate(f.status));
  return and(...parts);
}

function statusPredicate(items: readonly (number | string)[]): Predicate {
  const codes = items.filter((s): s is number => typeof s === 'number');
  const classes = items.filter((s): s is string => typeof s === 'string');
  return or([
    ...(codes.length > 0 ? [inList('status', codes)] : []),
    ...classes.map((c) => {
      const low = Number(c[0]) * 100;
      return and(cmp('status', 'gte', low), cmp('status', 'lt', low + 100));
    }),
  ]);
}

export function buildAtomicQuery(listing: Listing): AuditQuery {
  const page: Page =
    listing.order === 'desc'
      ? listing.key
        ? { after: descAfter(listing.key as DescKey), includeSeq: true, limit: listing.limit }
        : { offset: 0, limit: listing.limit }
      : { tail: listing.key ? tailKey(listing.key as AscKey) : null, limit: listing.limit };
  return {
    family: 'request',
    scope: all(),
    detailScope: all(),
    where: filterPredicate(listing.filters),
    sort: listing.order === 'desc' ? DESC_SORT : ASC_SORT,
    page,
    total: 'none',
  };
}

function descAfter(k: DescKey): [number, string] {
  return [Number(k[0]), k[1]];
}

function tailKey(k: AscKey): { generation: number; txid: string; seq: string } {
  return { generation: k[0], txid: k[1], seq: k[2] };
}
