/**
 * `entityDetail` (spec §6.1): the asset's current header from the entity state table, without
 * null-valued keys, with `attributes` projected to the names the request listed (§6.3).
 */
import type { JsonValue } from '@audit-gateway/ir';
import type { EntityHeaderRow } from '@audit-gateway/store';
import { setKey } from './setKey';

const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function typeNameOf(v: JsonValue): string {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof v.typeName === 'string'
    ? v.typeName
    : '';
}

export function formatEntityDetail(
  state: EntityHeaderRow,
  attributes: readonly string[],
): Record<string, unknown> {
  const stored = state.attributes ?? {};
  const projected: Record<string, unknown> = {};
  for (const name of attributes) {
    const value = Object.hasOwn(stored, name) ? stored[name] : undefined;
    if (value !== undefined && value !== null) setKey(projected, name, value);
  }
  const name = stored.name;
  const out: Record<string, unknown> = {
    typeName: state.typeName ?? '',
    guid: state.guid,
    status: state.status ?? 'ACTIVE',
    ...(typeof name === 'string' ? { displayText: name } : {}),
    attributes: projected,
    classificationNames: [...(state.classificationNames ?? [])].sort(binary),
    classifications: [...(state.classifications ?? [])].sort((a, b) =>
      binary(typeNameOf(a), typeNameOf(b)),
    ),
    labels: [...(state.labels ?? [])].sort(binary),
    meaningNames: [],
    meanings: [],
    isIncomplete: state.isIncomplete ?? false,
  };
  if (state.createdBy !== null) out.createdBy = state.createdBy;
  if (state.createTime !== null) out.createTime = state.createTime;
  if (state.updatedBy !== null) out.updatedBy = state.updatedBy;
  if (state.updateTime !== null) out.updateTime = state.updateTime;
  return out;
}
