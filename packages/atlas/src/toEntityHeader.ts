/**
 * A purge event's detail → the entity header E2 returns (spec/atlas-admin-audits.md §7.2): only
 * the header keys, only when present and not null, and the purged GUID when the detail has none.
 */
import type { JsonValue } from '@audit-gateway/ir';

const HEADER_KEYS: readonly string[] = [
  'typeName',
  'guid',
  'status',
  'displayText',
  'attributes',
  'classificationNames',
  'classifications',
  'labels',
  'meaningNames',
  'meanings',
  'isIncomplete',
  'createdBy',
  'updatedBy',
  'createTime',
  'updateTime',
];

export function toEntityHeader(
  detail: JsonValue | null,
  purgedGuid: string,
): Record<string, JsonValue> | undefined {
  if (detail === null || typeof detail !== 'object' || Array.isArray(detail)) return undefined;
  const header: Record<string, JsonValue> = {};
  for (const key of HEADER_KEYS) {
    const v = Object.hasOwn(detail, key) ? detail[key] : undefined;
    if (v !== undefined && v !== null) header[key] = v;
    else if (key === 'guid') header.guid = purgedGuid;
  }
  return header;
}
