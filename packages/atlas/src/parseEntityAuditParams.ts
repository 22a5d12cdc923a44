/**
 * E3 query parameters (spec/atlas-admin-audits.md §8.1, §8.3 mode choice). Checked before the role
 * (§2.5 step 4). Unlike Atlas, bad values are 400s and `DESCENDING` is honoured (§11 D22).
 */
import { invalidParameters } from './atlasErrors';
import { clampToDateRange } from './atlasIntegers';
import { ENTITY_AUDIT_ACTIONS } from './entityAuditActions';
import {
  boundedCount,
  cappedOffset,
  firstParam,
  integerParam,
  type QueryPairs,
} from './queryParams';

export type EntityAuditSortKey = 'timestamp' | 'user' | 'action';

export interface EntityAuditParams {
  readonly auditAction: string | undefined;
  readonly count: number;
  /** sorted mode when set: by `sortBy` (timestamp by default), then skip offset, take count */
  readonly sorted: { readonly by: EntityAuditSortKey; readonly offset: number } | undefined;
  readonly dir: 'asc' | 'desc';
  /** default mode only: keep events with timestamp ≤ this (epoch ms) */
  readonly startKeyTime: number | undefined;
}

export const DEFAULT_COUNT = 100;
export const MAX_COUNT = 10_000;
const SORT_KEYS: readonly EntityAuditSortKey[] = ['timestamp', 'user', 'action'];
/** `<entityId>:<digits>`, optionally followed by `:<more>`; the digits are the timestamp. */
const EVENT_KEY = /^[^:]+:([0-9]+)(?::[\s\S]*)?$/;

export function parseEntityAuditParams(query: QueryPairs): EntityAuditParams {
  const auditAction = firstParam(query, 'auditAction');
  if (auditAction !== undefined && !ENTITY_AUDIT_ACTIONS.has(auditAction)) {
    throw invalidParameters(`auditAction=${auditAction} is not an entity audit action`);
  }
  // `limit` is what the new Atlas UI sends; it only counts when `count` is absent
  const countName = firstParam(query, 'count') !== undefined ? 'count' : 'limit';
  const count = boundedCount(integerParam(query, countName), MAX_COUNT, DEFAULT_COUNT);
  const offset = integerParam(query, 'offset');
  const sortBy = firstParam(query, 'sortBy');
  const by = sortBy === undefined ? undefined : sortKey(sortBy);
  const dir = sortDirection(firstParam(query, 'sortOrder'));
  const startKey = firstParam(query, 'startKey');
  let startKeyTime: number | undefined;
  if (startKey !== undefined) {
    const m = EVENT_KEY.exec(startKey);
    if (!m?.[1]) throw invalidParameters(`startKey=${startKey} is not an event key`);
    startKeyTime = clampToDateRange(BigInt(m[1]));
  }
  const hasOffset = offset !== undefined && offset >= 0n;
  const sorted =
    by !== undefined || hasOffset
      ? { by: by ?? 'timestamp', offset: hasOffset ? cappedOffset(offset) : 0 }
      : undefined;
  return { auditAction, count, sorted, dir, startKeyTime };
}

function sortKey(raw: string): EntityAuditSortKey {
  const key = SORT_KEYS.find((k) => k === raw.toLowerCase());
  if (!key) throw invalidParameters(`sortBy=${raw} must be one of ${SORT_KEYS.join(', ')}`);
  return key;
}

function sortDirection(raw: string | undefined): 'asc' | 'desc' {
  if (raw === undefined) return 'asc';
  const v = raw.toLowerCase();
  if (v === 'asc' || v === 'ascending') return 'asc';
  if (v === 'desc' || v === 'descending') return 'desc';
  throw invalidParameters(`sortOrder=${raw} must be asc or desc`);
}
