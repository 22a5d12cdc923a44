/** fast-check generators of audit_events rows for the differential tests. */
import fc from 'fast-check';
import { fieldsOf, type Family } from '@audit-gateway/ir';
import { detailArb, headersArb, INSTANTS, nullable, pick, valueArb } from './arbitraryPools';
import type { EventRow } from './insertEvents';

const ROW_FIELDS: Record<Family, readonly string[]> = {
  entity: ['actor', 'action', 'entityId', 'typeName', 'eventKey', 'entityQualifiedName'],
  admin: ['actor', 'action', 'params', 'result', 'clientId', 'runId', 'resultCount'],
  request: ['actor', 'action', 'url', 'method', 'source', 'authType', 'status', 'durationMs'],
};

export function rowArb(family: Family): fc.Arbitrary<Omit<EventRow, 'key'>> {
  const specs = fieldsOf(family).filter((s) => ROW_FIELDS[family].includes(s.name));
  const fields = Object.fromEntries(specs.map((s) => [s.name, nullable(valueArb(s))]));
  return fc.record({
    family: fc.constant(family),
    tenant: pick(['t1', 't1', 't2']),
    generation: family === 'request' ? pick([0, 1, 1]) : fc.constant(1),
    occurredAt: pick(INSTANTS),
    recordedAt: family === 'admin' ? nullable(pick(INSTANTS)) : pick(INSTANTS),
    ...(family === 'entity' ? { detail: detailArb, headers: headersArb } : {}),
    ...(family === 'request' ? { environment: pick(['env1', 'env2']) } : {}),
    ...fields,
  });
}

export function datasetArb(family: Family): fc.Arbitrary<EventRow[]> {
  return fc
    .array(rowArb(family), { minLength: 25, maxLength: 60, size: 'max' })
    .map((rows) => rows.map((r, i): EventRow => ({ ...r, key: `k${i}` })));
}
