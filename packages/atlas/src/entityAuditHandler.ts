/**
 * E3, `GET /api/atlas/v2/entity/{guid}/audit` (spec/atlas-admin-audits.md §8): one entity's history
 * from the entity events the Atlan surface also serves. Existence is decided through the caller's
 * policy, so a 404 never tells "unknown" from "hidden".
 */
import {
  all,
  and,
  cmp,
  type AuditQuery,
  type CanonicalRow,
  type Predicate,
  type Principal,
  type SearchContext,
  type SortKey,
  type SurfaceHandler,
} from '@audit-gateway/ir';
import type { AtlasDeps, EntityState } from './AtlasDeps';
import { instanceNotFound } from './atlasErrors';
import { fetchAllRows } from './fetchAllRows';
import { formatEntityAuditEvent } from './formatEntityAuditEvent';
import { parseEntityAuditParams, type EntityAuditParams } from './parseEntityAuditParams';

const BASE = { family: 'entity', scope: all(), detailScope: all(), total: 'none' } as const;

export function createEntityAuditHandler(deps: AtlasDeps): SurfaceHandler {
  return async (req) => {
    const params = parseEntityAuditParams(req.query);
    const guid = req.params.guid ?? '';
    const ctx: SearchContext = { principal: req.principal, target: {} };
    // PostgreSQL text cannot hold U+0000: such a GUID names nothing, and must not reach SQL
    if (guid.includes('\u0000') || !(await entityKnown(deps, guid, ctx))) {
      throw instanceNotFound(guid);
    }
    const rows = await history(deps, guid, params, ctx);
    return { status: 200, body: rows.map(formatEntityAuditEvent) };
  };
}

/** §8.2 step 1: a visible event, or a state row that passes the allow rules. */
async function entityKnown(deps: AtlasDeps, guid: string, ctx: SearchContext): Promise<boolean> {
  const anyEvent: AuditQuery = {
    ...BASE,
    where: cmp('entityId', 'eq', guid),
    sort: [{ field: 'seq', dir: 'asc', missing: 'last' }],
    page: { offset: 0, limit: 1 },
  };
  if ((await deps.search(anyEvent, ctx)).rows.length > 0) return true;
  const state = await deps.entityState(ctx.principal.tenant, guid);
  return state !== undefined && statePasses(state, ctx.principal);
}

/** The allow rules applied to a state row; it has no actor, so ownOnly needs an event instead. */
function statePasses(state: EntityState, who: Principal): boolean {
  const allow = who.policy.allow;
  if (!allow) return true;
  if (allow.ownOnly === true) return false;
  if (allow.typeNames && !allow.typeNames.includes(state.typeName ?? '')) return false;
  const prefixes = allow.qualifiedNamePrefixes;
  if (prefixes) {
    const qn = state.qualifiedName;
    if (qn === null || !prefixes.some((p) => qn.startsWith(p))) return false;
  }
  return true;
}

async function history(
  deps: AtlasDeps,
  guid: string,
  params: EntityAuditParams,
  ctx: SearchContext,
): Promise<readonly CanonicalRow[]> {
  const filters: Predicate[] = [cmp('entityId', 'eq', guid)];
  if (params.auditAction !== undefined) filters.push(cmp('action', 'eq', params.auditAction));
  const sorted = params.sorted;
  if (!sorted) {
    // default mode: newest first; startKey resumes at or before its timestamp
    if (params.startKeyTime !== undefined) {
      filters.push(cmp('occurredAt', 'lte', params.startKeyTime));
    }
    const query: AuditQuery = {
      ...BASE,
      where: and(...filters),
      sort: keys(['occurredAt', 'seq'], 'desc'),
      page: { offset: 0, limit: params.count },
    };
    return (await deps.search(query, ctx)).rows;
  }
  const { dir } = params;
  if (sorted.by === 'user') {
    // lower-cased user in code-point order has no IR sort key: sort the entity's events here
    const rows = await fetchAllRows(
      deps.search,
      { ...BASE, where: and(...filters), sort: keys(['seq'], 'asc') },
      ctx,
    );
    rows.sort((a, b) => (dir === 'asc' ? 1 : -1) * compareByUser(a, b));
    return rows.slice(sorted.offset, sorted.offset + params.count);
  }
  const fields = sorted.by === 'action' ? ['action', 'occurredAt', 'seq'] : ['occurredAt', 'seq'];
  const query: AuditQuery = {
    ...BASE,
    where: and(...filters),
    sort: keys(fields, dir),
    page: { offset: sorted.offset, limit: params.count },
  };
  return (await deps.search(query, ctx)).rows;
}

function keys(fields: readonly string[], dir: 'asc' | 'desc'): SortKey[] {
  return fields.map((field) => ({ field, dir, missing: 'last' }));
}

/** user lower-cased (Unicode default mapping) in code-point order, then timestamp, then seq. */
function compareByUser(a: CanonicalRow, b: CanonicalRow): number {
  return (
    compareCodePoints((a.actor ?? '').toLowerCase(), (b.actor ?? '').toLowerCase()) ||
    a.occurredAt - b.occurredAt ||
    compareDecimal(a.seq, b.seq)
  );
}

export function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0) ?? 0);
  const y = Array.from(b, (c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** seq is a bigint as decimal text. */
function compareDecimal(a: string, b: string): number {
  const d = BigInt(a) - BigInt(b);
  return d === 0n ? 0 : d < 0n ? -1 : 1;
}
