/**
 * The Atomic audit-log handler: environment → parameters → cursor → search → format, in the order
 * of spec/atomic-audit-log.md §3.5 (authentication and role are the server's, before this).
 *
 * desc: the store fetches limit + 1 and says `hasMore`; the cursor names the last returned row, and
 * is null exactly when nothing follows (§8.2). asc: every answer carries a cursor, naming the last
 * returned row or, on an empty page, the position the request started from (§8.3).
 */
import type { AuditSearch, CanonicalRow, SurfaceHandler, SurfaceRequest } from '@audit-gateway/ir';
import { applyCursor, type Listing } from './applyCursor';
import { buildAtomicQuery } from './buildAtomicQuery';
import { decodeCursor, encodeCursor } from './cursorCodec';
import type { CursorPayload } from './cursorPayload';
import { formatAtomicEntry } from './formatAtomicEntry';
import { parseAtomicParams } from './parseAtomicParams';
import { resolveEnvironment } from './resolveEnvironment';

export interface AtomicDeps {
  readonly search: AuditSearch;
  /** first signs, all verify (config, else the key kept in store_meta); may be memoised */
  readonly cursorKeys: () => Promise<readonly Buffer[]>;
}

const START_OF_STORE: CursorPayload['k'] = [0, '0', '0'];

export function createAtomicHandlers(deps: AtomicDeps): { auditLog: SurfaceHandler } {
  const auditLog: SurfaceHandler = async (req) => {
    const environment = resolveEnvironment(req);
    const params = parseAtomicParams(req.query);
    const keys = params.cursor === undefined ? undefined : await deps.cursorKeys();
    const payload =
      params.cursor === undefined || !keys ? undefined : decodeCursor(params.cursor, keys);
    const listing = applyCursor(params, payload, { tenant: req.principal.tenant, environment });
    const page = await deps.search(buildAtomicQuery(listing), {
      principal: req.principal,
      target: { environment },
    });
    const next = nextKey(listing, page.rows, page.hasMore);
    const cursor =
      next === null
        ? null
        : encodeCursor(
            cursorPayload(req, environment, listing, next),
            keys ?? (await deps.cursorKeys()),
          );
    return {
      status: 200,
      headers: { 'Cache-Control': 'no-store' },
      body: { data: page.rows.map(formatAtomicEntry), cursor },
    };
  };
  return { auditLog };
}

function nextKey(
  listing: Listing,
  rows: readonly CanonicalRow[],
  hasMore: boolean,
): CursorPayload['k'] | null {
  const last = rows.at(-1);
  if (listing.order === 'desc') {
    return hasMore && last ? [String(last.recordedAt ?? 0), last.seq] : null;
  }
  return last ? [last.generation, last.txid, last.seq] : (listing.key ?? START_OF_STORE);
}

function cursorPayload(
  req: SurfaceRequest,
  environment: string,
  listing: Listing,
  k: CursorPayload['k'],
): CursorPayload {
  return {
    v: 1,
    t: req.principal.tenant,
    e: environment,
    o: listing.order,
    f: listing.filters,
    k,
    i: req.now,
  };
}
