/**
 * E2, `GET /api/atlas/admin/audit/{auditGuid}/details` (spec/atlas-admin-audits.md §7): the entity
 * headers of the GUIDs a visible PURGE/AUTO_PURGE entry lists in its `result`, built from the
 * latest visible ENTITY_PURGE event of each (a purged entity has no current-state row).
 */
import {
  all,
  and,
  cmp,
  inList,
  type CanonicalRow,
  type JsonValue,
  type SearchContext,
  type SurfaceHandler,
} from '@audit-gateway/ir';
import type { AtlasDeps } from './AtlasDeps';
import { instanceNotFound } from './atlasErrors';
import { trimAscii } from './atlasIntegers';
import { fetchAllRows } from './fetchAllRows';
import { visibleDetail } from './formatEntityAuditEvent';
import { parseAuditDetailsParams } from './parseAuditDetailsParams';
import { toEntityHeader } from './toEntityHeader';

const PURGES: ReadonlySet<string> = new Set(['PURGE', 'AUTO_PURGE']);
/** GUIDs per purge-event lookup; E2's limit allows up to 10,000 per request. */
const GUIDS_PER_LOOKUP = 1000;

export function createAuditDetailsHandler(deps: AtlasDeps): SurfaceHandler {
  return async (req) => {
    const { limit, offset } = parseAuditDetailsParams(req.query);
    const auditGuid = req.params.auditGuid ?? '';
    const ctx: SearchContext = { principal: req.principal, target: {} };
    // PostgreSQL text cannot hold U+0000: such a GUID names nothing, and must not reach SQL
    if (auditGuid.includes('\u0000')) throw instanceNotFound(auditGuid);
    // external ids are compared as text: a non-UUID path value simply matches nothing (§2.7)
    const found = await deps.search(
      {
        family: 'admin',
        scope: all(),
        detailScope: all(),
        where: cmp('externalId', 'eq', auditGuid),
        sort: [{ field: 'seq', dir: 'asc', missing: 'last' }],
        page: { offset: 0, limit: 1 },
        total: 'none',
      },
      ctx,
    );
    const entry = found.rows[0];
    if (!entry) throw instanceNotFound(auditGuid);
    if (!PURGES.has(entry.action ?? '') || !entry.result) return { status: 200, body: [] };
    // order and duplicates are kept, as Atlas lists them
    const guids = entry.result
      .split(',')
      .map(trimAscii)
      .filter((g) => g !== '')
      .slice(offset, offset + limit);
    const latest = await latestPurgeEvents(deps, [...new Set(guids)], ctx);
    const headers: Record<string, JsonValue>[] = [];
    for (const guid of guids) {
      const event = latest.get(guid);
      const header = event ? toEntityHeader(visibleDetail(event), guid) : undefined;
      if (header) headers.push(header);
    }
    return { status: 200, body: headers };
  };
}

/** The latest visible ENTITY_PURGE event per GUID: greatest timestamp, then greatest seq. */
async function latestPurgeEvents(
  deps: AtlasDeps,
  guids: readonly string[],
  ctx: SearchContext,
): Promise<Map<string, CanonicalRow>> {
  const latest = new Map<string, CanonicalRow>();
  for (let i = 0; i < guids.length; i += GUIDS_PER_LOOKUP) {
    const rows = await fetchAllRows(
      deps.search,
      {
        family: 'entity',
        scope: all(),
        detailScope: all(),
        where: and(
          inList('entityId', guids.slice(i, i + GUIDS_PER_LOOKUP)),
          cmp('action', 'eq', 'ENTITY_PURGE'),
        ),
        sort: [
          { field: 'occurredAt', dir: 'desc', missing: 'last' },
          { field: 'seq', dir: 'desc', missing: 'last' },
        ],
        total: 'none',
      },
      ctx,
    );
    for (const row of rows) {
      // rows arrive newest first, so the first one seen per GUID is the latest
      if (row.entityId !== null && !latest.has(row.entityId)) latest.set(row.entityId, row);
    }
  }
  return latest;
}
